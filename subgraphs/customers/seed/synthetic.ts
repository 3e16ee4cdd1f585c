import type { Kysely } from "kysely";
import { insertInChunks, recordSeededEvents, seededRandom, type EventInput, type SyntheticPerson } from "../../kit";
import type { DB } from "../db/tables";

const PARTIES = ["yougou", "aolan", "hengtong", "unicom", "jiangcheng", "huawei"];
const OUTCOMES = ["REACHED", "NO_ANSWER", "BUSY", "CALLBACK_PROMISED", "REACHED", "REACHED"];
const DAY = 86_400_000;

/** Synthetic people: the person, their phone, their ids in every system, a contact log. */
export async function seedSynthetic(db: Kysely<DB>, people: SyntheticPerson[]): Promise<void> {
  const customers: Record<string, unknown>[] = [];
  const phones: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const contacts: Record<string, unknown>[] = [];
  const events: (EventInput & { id: string })[] = [];
  const now = Date.now();
  for (const person of people) {
    const random = seededRandom(person.index * 7 + 1);
    customers.push({ id: person.customerId, name: person.name, name_latin: person.nameLatin, city: person.city, city_latin: null, address: null, email: person.email, created_at: new Date(now - 900 * DAY).toISOString() });
    phones.push({ customer_id: person.customerId, phone: person.phone, label: "mobile" });
    for (const [system, id] of Object.entries(person.ids)) links.push({ customer_id: person.customerId, system, external_id: id, role: "holder" });
    for (let i = 0; i < person.eventsPerSource; i++) {
      const at = new Date(now - Math.floor(random() * 700 * DAY)).toISOString();
      const party = PARTIES[Math.floor(random() * PARTIES.length)];
      const outcome = OUTCOMES[Math.floor(random() * OUTCOMES.length)];
      const id = `${person.customerId}-ct${i}`;
      contacts.push({ id, customer_id: person.customerId, at, party, channel: "PHONE", direction: "OUTBOUND", outcome, note: null, by_name: `${party} agent`, by_org: party, subject_type: null, subject_id: null });
      events.push({ id: `event-${id}`, ownerId: person.customerId, at, kind: "CONTACT_LOGGED", summary: `${party} called the customer: ${outcome.toLowerCase().replace(/_/g, " ")}`, actor: { name: `${party} agent`, role: "rep", organization: party }, subjectType: "Customer", subjectId: person.customerId });
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertInChunks(trx, "customers", customers);
    await insertInChunks(trx, "customer_phones", phones);
    await insertInChunks(trx, "identity_links", links);
    await insertInChunks(trx, "contacts", contacts);
    await recordSeededEvents(trx, events);
  });
}
