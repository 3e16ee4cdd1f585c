import type { Caller } from "../../../common/caller";
import { insertInChunks } from "../../../subgraphs/kit";
import type { DB } from "../../../subgraphs/aftersales/db/tables";
import type { Kysely } from "kysely";

/** A Jiangcheng Cable TV rep (S5): the provider records the customer's own fix. */
export const REP_PROVIDER: Caller = { subject: "rep-jc-he", name: "何丽 He Li", role: "rep", organization: "jiangcheng" };


/** `count` cases for one owner and one retailer order, each with a visit: the "large answer". */
export async function addCases(db: Kysely<DB>, options: { owner: string; order: string; prefix: string; count: number }): Promise<string[]> {
  const base = Date.parse("2025-01-01T00:00:00Z");
  const numbers: string[] = [];
  const cases: Record<string, unknown>[] = [];
  const visits: Record<string, unknown>[] = [];
  for (let i = 0; i < options.count; i++) {
    const number = `CS-${options.prefix}-${String(i).padStart(4, "0")}`;
    const at = new Date(base + i * 3_600_000).toISOString();
    numbers.push(number);
    cases.push({ number, owner_id: options.owner, serial: "AL-EH60-88001", maker: "aolan", status: "CLOSED", channel: "PHONE", summary: `fault ${i}`, opened_at: at, closed_at: at, resolution: "fixed", resolved_by: "TECHNICIAN", priority: "NORMAL", tier: "L1", order_number: options.order, service_center_id: "SC-AL-WH-HS" });
    visits.push({ id: `VIS-${options.prefix}-${i}`, case_number: number, owner_id: options.owner, window_start: at, window_end: at, status: "COMPLETED", technician_id: "TEC-AL-0001", service_center_id: "SC-AL-WH-HS", created_at: at, cancel_reason: null, cancelled_by_name: null, cancelled_by_role: null, cancelled_by_org: null, cancelled_at: null, rescheduled_from: null, rescheduled_to: null });
  }
  await db.insertInto("maker_customers").values({ id: options.owner, maker: "aolan", name: "测试 Test", name_latin: "Test", phone: null, city: "武汉", address: null, registered_at: new Date(base).toISOString() }).execute();
  await insertInChunks(db, "service_cases", cases);
  await insertInChunks(db, "visits", visits);
  return numbers;
}

/** A fresh SCHEDULED visit tomorrow on case CS-AL-0001, for races that must not touch the story data. */
export async function addScheduledVisit(db: Kysely<DB>, id: string): Promise<void> {
  const start = new Date(Date.now() + 86_400_000).toISOString();
  const end = new Date(Date.now() + 86_400_000 + 4 * 3_600_000).toISOString();
  await db
    .insertInto("visits")
    .values({ id, case_number: "CS-AL-0001", owner_id: "MR-AOLAN-5001", window_start: start, window_end: end, status: "SCHEDULED", technician_id: "TEC-AL-0001", service_center_id: "SC-AL-WH-HS", created_at: start, cancel_reason: null, cancelled_by_name: null, cancelled_by_role: null, cancelled_by_org: null, cancelled_at: null, rescheduled_from: null, rescheduled_to: null })
    .execute();
}

export function inHours(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}
