import type { Kysely } from "kysely";
import { nationalMobile } from "../../../common/normalizeIdentity";
import type { DomainEvent, Reaction } from "../../kit/events/reaction";
import type { IdentityRegisteredPayload } from "../../kit/events/catalogue";
import type { DB } from "../db/tables";
import { activePersons, SHARED_LABELS, stableId, writeLinkLog } from "../identity/identityKeys";

/*
 * Issue 13 item 4: the identity graph built from events. Every system publishes the
 * customer records it creates (`identity.registered`); this reaction links each to a person
 * by the deterministic, flat rules of docs/IDENTITY.md:
 *
 *   1. Already linked (system, id): nothing to do (a redelivery, or a seed row).
 *   2. Same normalized mobile as exactly one person, and the number is not known to be
 *      shared (the system did not say so, its label is not a home phone, and it is not
 *      already on two persons) -> that person (SAME_MOBILE).
 *   3. Otherwise the same normalized email as exactly one person -> that person (SAME_EMAIL).
 *   4. Mobile and email point at two different persons -> neither: a new person and a
 *      "possible match" candidate for each (MOBILE_EMAIL_DISAGREE).
 *   5. Otherwise a new person; a shared number (or an email on several persons) that matched
 *      someone gives a candidate per person it matched (SHARED_PHONE, SHARED_EMAIL), never a merge.
 *
 * Matching is flat: only the event's own keys are compared with persons' own keys, never
 * through a chain of other links. It runs inside consumeOnce's transaction (the inbox row and
 * these writes commit together); every insert is conditional, so a retry changes nothing.
 */

export const IDENTITY_LINKS_CONSUMER = "customers.identity-links";

export const identityLinksReaction: Reaction<DB> = {
  consumer: IDENTITY_LINKS_CONSUMER,
  sources: "all",
  types: ["identity.registered"],
  includeHistory: false,
  async handle(event, trx) {
    await linkPublishedIdentity(trx, event as unknown as DomainEvent<IdentityRegisteredPayload>);
  },
};

export interface LinkDecision {
  customerId: string;
  rule: string;
  created: boolean;
  candidates: { candidateId: string; rule: string; key: string }[];
}

export async function linkPublishedIdentity(trx: Kysely<DB>, event: DomainEvent<IdentityRegisteredPayload>): Promise<LinkDecision | null> {
  const payload = event.payload;
  const system = typeof payload?.system === "string" && payload.system ? payload.system : event.source;
  const externalId = typeof payload?.identityId === "string" && payload.identityId ? payload.identityId : event.ownerId;
  if (!externalId) throw new Error(`identity.registered ${event.id} names no identity`);

  const existing = await trx.selectFrom("identity_links").select("customer_id").where("system", "=", system).where("external_id", "=", externalId).executeTakeFirst();
  if (existing) return null;

  const phone = payload.mobile ? nationalMobile(payload.mobile) : null;
  const email = payload.email ? payload.email.trim().toLowerCase() : null;
  const phoneRows = phone ? await trx.selectFrom("customer_phones").select(["customer_id", "label"]).where("phone", "=", phone).execute() : [];
  const byPhone = await activePersons(trx, phoneRows.map((row) => row.customer_id));
  const byEmail = email ? await activePersons(trx, (await trx.selectFrom("customers").select("id").where("email", "=", email).execute()).map((row) => row.id)) : [];
  const phoneShared = phone !== null && (payload.sharedPhone === true || byPhone.length >= 2 || phoneRows.some((row) => SHARED_LABELS.has(row.label)));

  const phonePerson = !phoneShared && byPhone.length === 1 ? byPhone[0] : null;
  const emailPerson = byEmail.length === 1 ? byEmail[0] : null;
  const candidates: LinkDecision["candidates"] = [];
  let target: string | null = null;
  let rule = "NEW_PERSON";
  if (phonePerson && emailPerson && phonePerson !== emailPerson) {
    candidates.push({ candidateId: phonePerson, rule: "MOBILE_EMAIL_DISAGREE", key: phone! }, { candidateId: emailPerson, rule: "MOBILE_EMAIL_DISAGREE", key: email! });
  } else if (phonePerson) {
    target = phonePerson;
    rule = "SAME_MOBILE";
  } else if (emailPerson) {
    target = emailPerson;
    rule = "SAME_EMAIL";
  } else {
    if (phoneShared) for (const id of byPhone) candidates.push({ candidateId: id, rule: "SHARED_PHONE", key: phone! });
    if (byEmail.length >= 2) for (const id of byEmail) candidates.push({ candidateId: id, rule: "SHARED_EMAIL", key: email! });
  }

  let created = false;
  if (!target) {
    // A new person, named by the key it was found by: two systems publishing the same new
    // mobile at once meet on one row (the second insert does nothing and links to it).
    const key = !phoneShared && phone && candidates.length === 0 ? `mobile:${phone}` : email && candidates.length === 0 ? `email:${email}` : `identity:${system}:${externalId}`;
    let id = stableId("C-N", key);
    const taken = await trx.selectFrom("customers").select("merged_into").where("id", "=", id).executeTakeFirst();
    if (taken?.merged_into) id = stableId("C-N", `identity:${system}:${externalId}`);
    const inserted = await trx
      .insertInto("customers")
      .values({ id, name: payload.name || externalId, name_latin: null, city: payload.city ?? null, city_latin: null, address: null, email, created_at: event.occurredAt, merged_into: null })
      .onConflict((oc) => oc.column("id").doNothing())
      .executeTakeFirst();
    created = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    if (!created) rule = key.startsWith("mobile:") ? "SAME_MOBILE" : key.startsWith("email:") ? "SAME_EMAIL" : "NEW_PERSON";
    target = id;
  } else if (email) {
    await trx.updateTable("customers").set({ email }).where("id", "=", target).where("email", "is", null).execute();
  }

  if (phone) {
    await trx
      .insertInto("customer_phones")
      .values({ customer_id: target, phone, label: phoneShared ? "home" : "mobile" })
      .onConflict((oc) => oc.columns(["phone", "customer_id"]).doNothing())
      .execute();
  }
  await trx
    .insertInto("identity_links")
    .values({ customer_id: target, system, external_id: externalId, role: "holder" })
    .onConflict((oc) => oc.columns(["system", "external_id", "customer_id"]).doNothing())
    .execute();
  await writeLinkLog(trx, { at: event.occurredAt, action: "LINKED", customerId: target, system, externalId, rule, eventId: event.id, byOrg: payload.organization ?? null });
  for (const candidate of candidates) {
    await trx
      .insertInto("identity_candidates")
      .values({
        id: stableId("IC-", `${system}:${externalId}:${candidate.candidateId}`),
        created_at: event.occurredAt,
        system,
        external_id: externalId,
        customer_id: target,
        candidate_id: candidate.candidateId,
        rule: candidate.rule,
        matched_key: candidate.key,
        event_id: event.id,
        status: "OPEN",
      })
      .onConflict((oc) => oc.columns(["system", "external_id", "candidate_id"]).doNothing())
      .execute();
  }
  return { customerId: target, rule, created, candidates };
}
