import type { Kysely } from "kysely";
import type { DB, ServiceCaseRefsTable } from "../db/tables";

/**
 * The story cases (docs/STORY_DATA.md) as the retailer knows them: the same numbers, makers,
 * parties and statuses as the aftersales seed, with the customer's retailer id from the
 * customers subgraph's identity links (C-S1 RC-1001, C-S6 RC-1006, C-S7 RC-1007).
 */
export const STORY_CASE_REFERENCES: ServiceCaseRefsTable[] = [
  { case_number: "CS-AL-0001", customer_id: "RC-1001", maker: "aolan", parties: "aolan,yougou", status: "SCHEDULED" },
  { case_number: "CS-XH-4001", customer_id: null, maker: "xinghai", parties: "xinghai", status: "CLOSED" },
  { case_number: "CS-HT-0505", customer_id: null, maker: "hengtong", parties: "hengtong,jiangcheng", status: "SCHEDULED" },
  { case_number: "CS-LNV-0606", customer_id: "RC-1006", maker: "lenovo", parties: "lenovo", status: "OPEN" },
  { case_number: "CS-HW-0707", customer_id: "RC-1007", maker: "huawei", parties: "huawei,yougou", status: "ESCALATED" },
  { case_number: "CS-HW-0708", customer_id: "RC-1007", maker: "huawei", parties: "huawei", status: "OPEN" },
];

export async function seedCaseReferences(db: Kysely<DB>): Promise<void> {
  await db.insertInto("service_case_refs").values(STORY_CASE_REFERENCES).execute();
}
