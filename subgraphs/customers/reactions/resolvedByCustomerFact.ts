import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { cstTime, nowIso, recordEvent, type ActorInput } from "../../kit";
import type { EventCatalogue } from "../../kit/events/catalogue";
import type { DomainEvent, Reaction } from "../../kit/events/reaction";
import type { DB } from "../db/tables";

/*
 * S5: five calls after it was fixed, because nobody read that the customer had told the
 * provider. When a maker's case is resolved by the customer (or a visit cancelled because
 * the customer resolved it, S1), the customers subgraph records it once as a contact fact
 * that `beforeYouCall` shows first to every party of the case: "customer told jiangcheng it
 * was resolved at 09:12". The time is when the customer said it: the party's own
 * TOLD_RESOLVED contact about the case when it logged one (S5's 09:12 call), otherwise the
 * moment the party recorded it with the maker (S1: the retailer's rep cancelling the visit),
 * written to the shared contact log as that party's inbound contact.
 * A party that joins the case later (S5: the contractor, who joins when its job follows the
 * resolution) reads the fact too: `case.party_joined` widens the readers of the case's facts.
 * Survey eligibility needs nothing here: it is computed from the open matters, which close
 * as the parties follow the case (openMattersResult.ts).
 */

type Resolved = EventCatalogue["case.resolved_by_customer"];
type Cancelled = EventCatalogue["visit.cancelled"];
type PartyJoined = EventCatalogue["case.party_joined"];

export const FACT_RESOLVED_BY_CUSTOMER = "RESOLVED_BY_CUSTOMER";

const SYSTEM: ActorInput = { name: "客户视图 Customer 360", role: "system", organization: "platform" };

/** A TOLD_RESOLVED contact with no subject counts only if this recent (a week) before the event. */
const UNSUBJECTED_WINDOW_MS = 7 * 86_400_000;

function onWordOf(event: DomainEvent): ActorInput {
  const word = event.actor ? `${event.actor.name} (${event.actor.organization})` : event.source;
  return { ...SYSTEM, name: `${SYSTEM.name}, on ${event.source}'s word (${word})` };
}

async function personsOf(trx: Kysely<DB>, system: string, externalId: string): Promise<string[]> {
  const links = await trx.selectFrom("identity_links").select("customer_id").where("system", "=", system).where("external_id", "=", externalId).execute();
  return [...new Set(links.map((link) => link.customer_id))].sort();
}

/** The contact in which the customer told `party`; logged now when the party never logged one. */
async function toldContact(trx: Kysely<DB>, event: DomainEvent, customerId: string, party: string, caseNumber: string, note: string): Promise<{ id: string; at: string }> {
  const since = new Date(new Date(event.occurredAt).getTime() - UNSUBJECTED_WINDOW_MS).toISOString();
  const logged = await trx
    .selectFrom("contacts")
    .select(["id", "at"])
    .where("customer_id", "=", customerId)
    .where("party", "=", party)
    .where("outcome", "=", "TOLD_RESOLVED")
    .where("at", "<=", event.occurredAt)
    .where((eb) => eb.or([eb("subject_id", "=", caseNumber), eb.and([eb("subject_id", "is", null), eb("at", ">=", since)])]))
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (logged) return logged;
  const contact = {
    id: randomUUID(),
    customer_id: customerId,
    at: event.occurredAt,
    party,
    // The maker's mutation does not say how the customer told the party; service desks take it by phone.
    channel: "PHONE",
    direction: "INBOUND",
    outcome: "TOLD_RESOLVED",
    note,
    by_name: event.actor?.name ?? null,
    by_org: event.actor?.organization ?? null,
    subject_type: "ServiceCase",
    subject_id: caseNumber,
  };
  await trx.insertInto("contacts").values(contact).execute();
  return contact;
}

async function recordFact(trx: Kysely<DB>, event: DomainEvent, caseNumber: string, parties: string[], note: string): Promise<void> {
  const party = event.actor?.organization;
  if (!party) return;
  const persons = await personsOf(trx, event.source, event.ownerId);
  // A registration made moments ago (a person created through the graph) is linked by another
  // consumer (identityLinks.ts) that may not have run yet: fail so delivery retries, rather
  // than drop the one fact every party must read first. Still unlinked after the retries, the
  // event waits in the dead letters, where a supervisor sees it and replays it.
  if (persons.length === 0) throw new Error(`${event.source} customer ${event.ownerId} is not linked to a person yet; the fact about case ${caseNumber} waits for the link`);
  for (const customerId of persons) {
    const id = `${customerId}|${FACT_RESOLVED_BY_CUSTOMER}|${caseNumber}`;
    const known = await trx.selectFrom("contact_facts").select(["id", "parties"]).where("id", "=", id).executeTakeFirst();
    const readers = [...new Set([...parties, party])].sort();
    if (known) {
      // Told again (the case event after its visits' events): only who may read it can grow.
      const merged = [...new Set([...known.parties.split(",").filter(Boolean), ...readers])].sort().join(",");
      if (merged !== known.parties) await trx.updateTable("contact_facts").set({ parties: merged }).where("id", "=", id).where("parties", "=", known.parties).execute();
      continue;
    }
    const contact = await toldContact(trx, event, customerId, party, caseNumber, note);
    const recordedAt = nowIso();
    const inserted = await trx
      .insertInto("contact_facts")
      .values({ id, customer_id: customerId, kind: FACT_RESOLVED_BY_CUSTOMER, contact_id: contact.id, subject_type: "ServiceCase", subject_id: caseNumber, parties: readers.join(","), recorded_at: recordedAt, event_id: event.id })
      .onConflict((oc) => oc.column("id").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    const headline = `customer told ${party} it was resolved at ${cstTime(contact.at)}`;
    await recordEvent(trx, {
      ownerId: customerId,
      at: recordedAt,
      kind: "CONTACT_FACT_RECORDED",
      summary: `Before you call: ${headline} (case ${caseNumber}: ${note}); shown first to ${readers.join(", ")}`,
      actor: onWordOf(event),
      subjectType: "ServiceCase",
      subjectId: caseNumber,
      payload: { fact: FACT_RESOLVED_BY_CUSTOMER, party, toldAt: contact.at, caseNumber, contactId: contact.id, onWordOf: event.actor ?? undefined },
    });
  }
}

/** A party that joined the case after the fact was recorded reads it too (no new timeline line: nothing new was said). */
async function widenReaders(trx: Kysely<DB>, event: DomainEvent, p: PartyJoined): Promise<void> {
  const caseNumber = p.caseNumber ?? p.subjectId;
  const joined = [...(p.parties ?? []), ...(p.organization ? [p.organization] : [])];
  if (!caseNumber || joined.length === 0) return;
  for (const customerId of await personsOf(trx, event.source, event.ownerId)) {
    const id = `${customerId}|${FACT_RESOLVED_BY_CUSTOMER}|${caseNumber}`;
    const known = await trx.selectFrom("contact_facts").select("parties").where("id", "=", id).executeTakeFirst();
    if (!known) continue;
    const merged = [...new Set([...known.parties.split(",").filter(Boolean), ...joined])].sort().join(",");
    if (merged !== known.parties) await trx.updateTable("contact_facts").set({ parties: merged }).where("id", "=", id).where("parties", "=", known.parties).execute();
  }
}

export const resolvedByCustomerFact: Reaction<DB> = {
  consumer: "customers.resolved-by-customer-fact",
  sources: ["aftersales"],
  types: ["case.resolved_by_customer", "visit.cancelled", "case.party_joined"],
  async handle(event, trx) {
    if (event.type === "case.party_joined") return widenReaders(trx, event, event.payload as unknown as PartyJoined);
    if (event.type === "case.resolved_by_customer") {
      const p = event.payload as unknown as Resolved;
      const caseNumber = p.caseNumber ?? p.subjectId;
      return recordFact(trx, event, caseNumber, p.parties ?? [], `resolved by the customer${p.reason ? `: ${p.reason}` : ""}`);
    }
    const p = event.payload as unknown as Cancelled;
    if (!p.resolvedByCustomer || !p.caseNumber) return;
    return recordFact(trx, event, p.caseNumber, p.parties ?? [], `resolved by the customer; visit ${p.visitId ?? p.subjectId} cancelled${p.reason ? ` (${p.reason})` : ""}`);
  },
};
