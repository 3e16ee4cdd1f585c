import type { Kysely } from "kysely";
import { insertInChunks, seededRandom, type SyntheticPerson } from "../../kit";
import type { AuditEntriesTable, AuditEntryCustomersTable, DB } from "../db/tables";

const DAY = 86_400_000;
const DESKS = [
  { subject: "rep-chen", name: "陈晓 Chen Xiao (Yougou service desk)", organization: "yougou" },
  { subject: "rep-aolan-li", name: "李工 Li Gong (Aolan after-sales)", organization: "aolan" },
  { subject: "rep-unicom-he", name: "何芳 He Fang (Unicom Wuhan)", organization: "unicom" },
  { subject: "rep-hw-sun", name: "孙强 Sun Qiang (Huawei L1)", organization: "huawei" },
];
const READS = [
  { name: "CustomerOverview", fields: ["customer.name", "customer.timeline.entries.summary", "customer.openMatters.matters.title"] },
  { name: "FindCaller", fields: ["findCustomers.result.candidates.customer.id", "findCustomers.result.candidates.customer.name"] },
  { name: "Billing", fields: ["customer.billingAccounts.invoices.total", "customer.billingAccounts.status"] },
];

/**
 * A few reads per synthetic person (one or two a week over the last month), so the
 * per-customer and per-actor indexes are measured at volume. Deterministic per person.
 */
export async function seedSynthetic(db: Kysely<DB>, people: SyntheticPerson[]): Promise<void> {
  const entries: AuditEntriesTable[] = [];
  const customers: AuditEntryCustomersTable[] = [];
  const now = Date.now();
  for (const person of people) {
    const random = seededRandom(person.index + 0xa0d17);
    const count = 1 + Math.floor(random() * 3);
    for (let k = 0; k < count; k++) {
      const desk = DESKS[Math.floor(random() * DESKS.length)];
      const read = READS[Math.floor(random() * READS.length)];
      const id = `AE-SYN-${person.index}-${k}`;
      const at = new Date(now - Math.floor(random() * 30 * DAY)).toISOString();
      const denied = random() < 0.05;
      entries.push({
        id,
        at,
        request_id: `seed-${id}`,
        actor_subject: desk.subject,
        actor_name: desk.name,
        role: "rep",
        organization: desk.organization,
        operation_type: "QUERY",
        operation_name: read.name,
        fields: read.fields.join("\n"),
        outcome: denied ? "DENIED" : "OK",
        error_codes: denied ? "FORBIDDEN" : "",
        identities: "",
        arguments: null,
      });
      customers.push({ entry_id: id, customer_id: person.customerId, at });
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertInChunks(trx, "audit_entries", entries as unknown as Record<string, unknown>[]);
    await insertInChunks(trx, "audit_entry_customers", customers as unknown as Record<string, unknown>[]);
  });
}
