import type { Kysely } from "kysely";
import { daysAgo } from "../../kit";
import type { DB } from "../db/tables";
import { appendEntries } from "../domain/record";
import type { EntryRows } from "../domain/validation";

const LENOVO_HOTLINE = { subject: "rep-lnv-hotline", name: "联想服务热线 Lenovo service hotline", role: "rep", organization: "lenovo" };
const YOUGOU_DESK = { subject: "rep-chen", name: "陈晓 Chen Xiao (Yougou service desk)", role: "rep", organization: "yougou" };

function entry(id: string, at: string, actor: typeof LENOVO_HOTLINE, operationName: string, fields: string[], outcome: string, errorCodes: string[]): EntryRows {
  return {
    entry: {
      id,
      at,
      request_id: `seed-${id}`,
      actor_subject: actor.subject,
      actor_name: actor.name,
      role: actor.role,
      organization: actor.organization,
      operation_type: "QUERY",
      operation_name: operationName,
      fields: fields.join("\n"),
      outcome,
      error_codes: errorCodes.join(","),
      identities: "",
      arguments: null,
    },
    customers: [{ entry_id: id, customer_id: "C-S6", at }],
  };
}

/**
 * S6: the trail a supervisor finds for 周杰 Zhou Jie (C-S6) the day his front-desk PC's password
 * came up: the Lenovo hotline looked him up, was refused the security detail (not verified:
 * the red line held), and the Yougou desk later read his devices to sell an on-site visit.
 * Everything after the seed is written by the gateway, one entry per operation.
 */
export async function seedStories(db: Kysely<DB>): Promise<void> {
  await appendEntries(db, [
    entry("AE-S6-0001", daysAgo(1, "10:01"), LENOVO_HOTLINE, "FindCaller", ["findCustomers.result.candidates.customer.id", "findCustomers.result.candidates.customer.name", "findCustomers.result.candidates.matchedBy"], "OK", []),
    entry("AE-S6-0002", daysAgo(1, "10:04"), LENOVO_HOTLINE, "SecurityDetail", ["customer.name", "customer.securityLogins.attempts.ip", "customer.securityLogins.attempts.at"], "DENIED", ["VERIFICATION_REQUIRED"]),
    entry("AE-S6-0003", daysAgo(1, "15:30"), YOUGOU_DESK, "DevicesAndEntitlements", ["customer.name", "customer.devices.serial", "customer.devices.entitlements.kind", "customer.devices.entitlements.validUntil"], "OK", []),
  ]);
}
