import type { Kysely, Selectable } from "kysely";
import { cstTime, groupLoader, isPartner, ownsOrNotPartner } from "../kit";
import type { Context } from "./context";
import type { ContactFactsTable } from "./db/contactFacts";
import type { ContactsTable, DB } from "./db/tables";
import { toContact } from "./mappers";
import type { PartyContact } from "./types/PartyContact";

/*
 * "Before you call" (S5): the contact facts (reactions/resolvedByCustomerFact.ts) come first,
 * for every party of the case they are about, then the latest contact with each party. A
 * partner otherwise sees only its own contacts; a fact is for every party to the case, so a
 * maker's or the contractor's rep reads "customer told jiangcheng it was resolved at 09:12"
 * before dialing, which is the whole point of S5.
 */

export type FactRow = Selectable<ContactFactsTable> & { contact: Selectable<ContactsTable> };

/** Every fact of the customers in the answer with its contact: one statement. */
export function contactFactsLoader(db: Kysely<DB>) {
  return groupLoader(async (ids: readonly string[]): Promise<FactRow[]> => {
    const rows = await db
      .selectFrom("contact_facts as f")
      .innerJoin("contacts as c", "c.id", "f.contact_id")
      .selectAll("f")
      .select(["c.at as c_at", "c.party as c_party", "c.channel as c_channel", "c.direction as c_direction", "c.outcome as c_outcome", "c.note as c_note", "c.by_name as c_by_name", "c.by_org as c_by_org", "c.subject_type as c_subject_type", "c.subject_id as c_subject_id"])
      .where("f.customer_id", "in", ids)
      .orderBy("c.at", "desc")
      .orderBy("f.id")
      .execute();
    return rows.map((row) => ({
      id: row.id,
      customer_id: row.customer_id,
      kind: row.kind,
      contact_id: row.contact_id,
      subject_type: row.subject_type,
      subject_id: row.subject_id,
      parties: row.parties,
      recorded_at: row.recorded_at,
      event_id: row.event_id,
      contact: { id: row.contact_id, customer_id: row.customer_id, at: row.c_at, party: row.c_party, channel: row.c_channel, direction: row.c_direction, outcome: row.c_outcome, note: row.c_note, by_name: row.c_by_name, by_org: row.c_by_org, subject_type: row.c_subject_type, subject_id: row.c_subject_id },
    }));
  }, (row) => row.customer_id);
}

function mayReadFact(ctx: Context, fact: FactRow): boolean {
  if (!isPartner(ctx.caller)) return true;
  return fact.parties.split(",").includes(ctx.caller.organization) || ownsOrNotPartner(ctx.caller, fact.contact.party);
}

export function headlineOf(contact: { party: string; direction: string; channel: string; outcome: string; at: string }): string {
  const when = cstTime(contact.at);
  return contact.outcome === "TOLD_RESOLVED"
    ? `customer told ${contact.party} it was resolved at ${when}`
    : `last contact with ${contact.party}: ${contact.direction.toLowerCase()} ${contact.channel.toLowerCase()}, ${contact.outcome.toLowerCase().replace(/_/g, " ")} at ${when}`;
}

/** The facts first, then the latest contact per party (without repeating a fact's own contact). */
export async function beforeYouCallLines(ctx: Context, customerId: string, latest: Selectable<ContactsTable>[]): Promise<PartyContact[]> {
  const facts = (await ctx.loaders.contactFacts.load(customerId)).filter((fact) => mayReadFact(ctx, fact));
  const shown = new Set(facts.map((fact) => fact.contact_id));
  const lines = (row: Selectable<ContactsTable>): PartyContact => {
    const contact = toContact(row, ctx.caller);
    return { party: contact.party, latest: contact, headline: headlineOf(contact) };
  };
  return [...facts.map((fact) => lines(fact.contact)), ...latest.filter((row) => !shown.has(row.id)).map(lines)];
}
