import type { Kysely } from "kysely";
import { badInput, conflict, notFound } from "../../../common/errorCodes";
import { forbidden, nowIso, recordEvent, withIdempotency } from "../../kit";
import type { Context } from "../context";
import type { DB } from "../db/tables";
import { toCustomer } from "../mappers";
import type { Customer } from "../types/Customer";
import { stableId, writeLinkLog } from "./identityKeys";

/*
 * Supervisors correct the identity graph (docs/IDENTITY.md): link an identity to a person,
 * unlink it (back to the person a merge took it from, else to a person of its own), and
 * merge two persons within limits. Each is idempotent per key, runs in one transaction with
 * conditional writes, logs the link change with the supervisor's reason, and writes a
 * timeline entry on every person it touches, attributed to the supervisor.
 */

/** A merge moves at most this many identities; a larger one is a data problem to look at, not a click. */
export const MAX_MERGE_IDENTITIES = 6;

const PERSON_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const SYSTEM = /^[a-z][a-z0-9-]{1,40}$/;

function supervisorOnly(ctx: Context, action: string) {
  if (ctx.caller.role !== "supervisor") throw forbidden(`only a supervisor may ${action}`, { role: ctx.caller.role });
}

function checkPerson(value: string, argument: string): string {
  if (!PERSON_ID.test(value ?? "")) throw badInput(`"${String(value).slice(0, 80)}" is not a person id`, { argument });
  return value;
}

function checkIdentity(system: string, identityId: string): { system: string; identityId: string } {
  if (!SYSTEM.test(system ?? "")) throw badInput(`"${String(system).slice(0, 40)}" is not a system name`, { argument: "system" });
  const id = (identityId ?? "").trim();
  if (id.length === 0 || id.length > 80) throw badInput("identityId is required (at most 80 characters)", { argument: "identityId" });
  return { system, identityId: id };
}

function checkReason(reason: string): string {
  const value = (reason ?? "").trim();
  if (value.length === 0) throw badInput("reason is required: say why (it is shown in the person's timeline)", { argument: "reason", reason: "REQUIRED" });
  if (value.length > 500) throw badInput("reason is at most 500 characters", { argument: "reason", reason: "TOO_LONG" });
  return value;
}

function actor(ctx: Context) {
  return { name: ctx.caller.name, role: ctx.caller.role, organization: ctx.caller.organization };
}

async function activePerson(trx: Kysely<DB>, id: string, argument: string) {
  const row = await trx.selectFrom("customers").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound(`no person ${id}`, { argument });
  if (row.merged_into) throw conflict(`person ${id} was merged into ${row.merged_into}`, { argument, reason: "MERGED", mergedInto: row.merged_into });
  return row;
}

async function timeline(trx: Kysely<DB>, ctx: Context, ownerId: string, kind: string, summary: string, at: string) {
  await recordEvent(trx, { ownerId, at, kind, summary, actor: actor(ctx), subjectType: "Customer", subjectId: ownerId });
}

export interface LinkIdentityInput {
  personId: string;
  system: string;
  identityId: string;
  reason: string;
  idempotencyKey: string;
}

/** A link correction's arguments, checked, with the person it is on (active) and when it runs. */
interface CheckedLink {
  personId: string;
  system: string;
  identityId: string;
  reason: string;
  at: string;
  person: Awaited<ReturnType<typeof activePerson>>;
}

/**
 * What linkIdentity and unlinkIdentity share: supervisors only, the arguments checked, then
 * `step` in one transaction per idempotency key (bound to the checked arguments), on the
 * person only while it is active.
 */
async function correctLink(ctx: Context, input: LinkIdentityInput, operation: "linkIdentity" | "unlinkIdentity", action: string, step: (trx: Kysely<DB>, link: CheckedLink) => Promise<Customer>): Promise<Customer> {
  supervisorOnly(ctx, action);
  const personId = checkPerson(input.personId, "personId");
  const { system, identityId } = checkIdentity(input.system, input.identityId);
  const reason = checkReason(input.reason);
  return withIdempotency(ctx.db, { subject: ctx.caller.subject, key: input.idempotencyKey, operation, args: { personId, system, identityId, reason } }, async (trx) => {
    const at = nowIso();
    const person = await activePerson(trx, personId, "personId");
    return step(trx, { personId, system, identityId, reason, at, person });
  });
}

/** Links the identity to the person; an identity linked to another person moves (the log says from whom). */
export async function linkIdentity(ctx: Context, input: LinkIdentityInput): Promise<Customer> {
  return correctLink(ctx, input, "linkIdentity", "link identities", async (trx, { personId, system, identityId, reason, at, person }) => {
    const holders = await trx.selectFrom("identity_links").selectAll().where("system", "=", system).where("external_id", "=", identityId).execute();
    if (holders.some((row) => row.customer_id === personId)) throw conflict(`${system}:${identityId} is already linked to ${personId}`, { reason: "ALREADY_LINKED" });
    if (holders.length > 1) throw conflict(`${system}:${identityId} belongs to several persons (${holders.map((row) => row.customer_id).join(", ")}); unlink them one by one first`, { reason: "SHARED_IDENTITY" });
    const from = holders[0]?.customer_id ?? null;
    if (from) {
      const removed = await trx.deleteFrom("identity_links").where("system", "=", system).where("external_id", "=", identityId).where("customer_id", "=", from).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw conflict(`${system}:${identityId} changed meanwhile; try again`, { reason: "CHANGED" });
      await writeLinkLog(trx, { at, action: "UNLINKED", customerId: from, system, externalId: identityId, rule: "SUPERVISOR_LINK", byName: ctx.caller.name, byOrg: ctx.caller.organization, reason });
      await timeline(trx, ctx, from, "IDENTITY_UNLINKED", `${system} identity ${identityId} moved to person ${personId} by ${ctx.caller.name} (${ctx.caller.organization}): ${reason}`, at);
    }
    await trx.insertInto("identity_links").values({ customer_id: personId, system, external_id: identityId, role: holders[0]?.role ?? "holder" }).execute();
    await writeLinkLog(trx, { at, action: "LINKED", customerId: personId, system, externalId: identityId, rule: "SUPERVISOR_LINK", byName: ctx.caller.name, byOrg: ctx.caller.organization, reason });
    await trx.updateTable("identity_candidates").set({ status: "LINKED" }).where("system", "=", system).where("external_id", "=", identityId).where("status", "=", "OPEN").execute();
    await timeline(trx, ctx, personId, "IDENTITY_LINKED", `${system} identity ${identityId} linked${from ? ` (from person ${from})` : ""} by ${ctx.caller.name} (${ctx.caller.organization}): ${reason}`, at);
    return toCustomer(person, ctx.caller);
  });
}

/**
 * Unlinks the identity from the person. If a merge brought it, it goes back to the person
 * merged away (who becomes active again): that is how a merge is undone. Otherwise it gets a
 * person of its own, so no identity is ever left without a person. Returns that person.
 */
export async function unlinkIdentity(ctx: Context, input: LinkIdentityInput): Promise<Customer> {
  return correctLink(ctx, input, "unlinkIdentity", "unlink identities", async (trx, { personId, system, identityId, reason, at, person }) => {
    const link = await trx.selectFrom("identity_links").selectAll().where("system", "=", system).where("external_id", "=", identityId).where("customer_id", "=", personId).executeTakeFirst();
    if (!link) throw notFound(`${system}:${identityId} is not linked to ${personId}`, { argument: "identityId" });
    const lastLinked = await trx
      .selectFrom("identity_link_log")
      .selectAll()
      .where("system", "=", system)
      .where("external_id", "=", identityId)
      .where("customer_id", "=", personId)
      .where("action", "=", "LINKED")
      .orderBy("at", "desc")
      .limit(1)
      .executeTakeFirst();
    const merge = lastLinked?.merge_id ? await trx.selectFrom("identity_merges").selectAll().where("id", "=", lastLinked.merge_id).executeTakeFirst() : undefined;
    const removed = await trx.deleteFrom("identity_links").where("system", "=", system).where("external_id", "=", identityId).where("customer_id", "=", personId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw conflict(`${system}:${identityId} changed meanwhile; try again`, { reason: "CHANGED" });
    let target: string;
    let rule: string;
    if (merge && merge.keep_id === personId) {
      target = merge.merge_id;
      rule = "MERGE_UNDONE";
      await trx.updateTable("customers").set({ merged_into: null }).where("id", "=", target).where("merged_into", "=", personId).execute();
    } else {
      target = stableId("C-U", `${system}:${identityId}:${at}`);
      rule = "SPLIT";
      await trx.insertInto("customers").values({ id: target, name: person.name, name_latin: person.name_latin, city: person.city, city_latin: person.city_latin, address: null, email: null, created_at: at, merged_into: null }).execute();
    }
    await trx.insertInto("identity_links").values({ customer_id: target, system, external_id: identityId, role: link.role }).onConflict((oc) => oc.columns(["system", "external_id", "customer_id"]).doNothing()).execute();
    await writeLinkLog(trx, { at, action: "UNLINKED", customerId: personId, system, externalId: identityId, rule: "SUPERVISOR_UNLINK", mergeId: merge?.id ?? null, byName: ctx.caller.name, byOrg: ctx.caller.organization, reason });
    await writeLinkLog(trx, { at, action: "LINKED", customerId: target, system, externalId: identityId, rule, mergeId: merge?.id ?? null, byName: ctx.caller.name, byOrg: ctx.caller.organization, reason });
    await timeline(trx, ctx, personId, "IDENTITY_UNLINKED", `${system} identity ${identityId} unlinked (now person ${target}) by ${ctx.caller.name} (${ctx.caller.organization}): ${reason}`, at);
    await timeline(trx, ctx, target, "IDENTITY_LINKED", `${system} identity ${identityId} ${rule === "MERGE_UNDONE" ? "returned from" : "split off"} person ${personId} by ${ctx.caller.name} (${ctx.caller.organization}): ${reason}`, at);
    const row = await trx.selectFrom("customers").selectAll().where("id", "=", target).executeTakeFirstOrThrow();
    return toCustomer(row, ctx.caller);
  });
}

export interface MergePersonsInput {
  keepId: string;
  mergeId: string;
  reason: string;
  idempotencyKey: string;
}

/**
 * Merges `mergeId` into `keepId`: its identity links (and phones, and email if keep has
 * none) move to keep; it is marked merged and lookups skip it. Refused (CONFLICT, with
 * `reason`) when both hold different identities of the same system (CONFLICTING_IDENTITIES:
 * two retailer accounts are two people until a human says otherwise, by linking), when it
 * would move more than MAX_MERGE_IDENTITIES (MERGE_TOO_LARGE), or when either is merged (MERGED).
 */
export async function mergePersons(ctx: Context, input: MergePersonsInput): Promise<Customer> {
  supervisorOnly(ctx, "merge persons");
  const keepId = checkPerson(input.keepId, "keepId");
  const mergeId = checkPerson(input.mergeId, "mergeId");
  if (keepId === mergeId) throw badInput("keepId and mergeId are the same person", { argument: "mergeId" });
  const reason = checkReason(input.reason);
  return withIdempotency(ctx.db, { subject: ctx.caller.subject, key: input.idempotencyKey, operation: "mergePersons", args: { keepId, mergeId, reason } }, async (trx) => {
    const at = nowIso();
    const keep = await activePerson(trx, keepId, "keepId");
    const merged = await activePerson(trx, mergeId, "mergeId");
    const keepLinks = await trx.selectFrom("identity_links").selectAll().where("customer_id", "=", keepId).execute();
    const moving = await trx.selectFrom("identity_links").selectAll().where("customer_id", "=", mergeId).execute();
    if (moving.length > MAX_MERGE_IDENTITIES) throw conflict(`person ${mergeId} has ${moving.length} identities; a merge moves at most ${MAX_MERGE_IDENTITIES}`, { reason: "MERGE_TOO_LARGE", max: MAX_MERGE_IDENTITIES });
    const clashes = moving.filter((link) => keepLinks.some((own) => own.system === link.system && own.external_id !== link.external_id)).map((link) => link.system);
    if (clashes.length) throw conflict(`both persons hold different ${[...new Set(clashes)].join(", ")} identities; link identities one by one if they really are one person`, { reason: "CONFLICTING_IDENTITIES", systems: [...new Set(clashes)] });

    const marked = await trx.updateTable("customers").set({ merged_into: keepId }).where("id", "=", mergeId).where("merged_into", "is", null).executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) throw conflict(`person ${mergeId} changed meanwhile; try again`, { reason: "CHANGED" });
    const record = stableId("IM-", `${keepId}:${mergeId}:${at}`);
    await trx.insertInto("identity_merges").values({ id: record, at, keep_id: keepId, merge_id: mergeId, reason, by_name: ctx.caller.name, by_org: ctx.caller.organization, moved: JSON.stringify(moving.map((link) => ({ system: link.system, externalId: link.external_id }))) }).execute();
    for (const link of moving) {
      await trx.deleteFrom("identity_links").where("system", "=", link.system).where("external_id", "=", link.external_id).where("customer_id", "=", mergeId).execute();
      await trx.insertInto("identity_links").values({ ...link, customer_id: keepId }).onConflict((oc) => oc.columns(["system", "external_id", "customer_id"]).doNothing()).execute();
      await writeLinkLog(trx, { at, action: "UNLINKED", customerId: mergeId, system: link.system, externalId: link.external_id, rule: "MERGE", mergeId: record, byName: ctx.caller.name, byOrg: ctx.caller.organization, reason });
      await writeLinkLog(trx, { at, action: "LINKED", customerId: keepId, system: link.system, externalId: link.external_id, rule: "MERGE", mergeId: record, byName: ctx.caller.name, byOrg: ctx.caller.organization, reason });
    }
    for (const phone of await trx.selectFrom("customer_phones").selectAll().where("customer_id", "=", mergeId).execute()) {
      await trx.insertInto("customer_phones").values({ ...phone, customer_id: keepId }).onConflict((oc) => oc.columns(["phone", "customer_id"]).doNothing()).execute();
    }
    if (merged.email) await trx.updateTable("customers").set({ email: merged.email }).where("id", "=", keepId).where("email", "is", null).execute();
    await trx.updateTable("identity_candidates").set({ status: "LINKED" }).where("status", "=", "OPEN").where((eb) => eb.or([eb.and([eb("customer_id", "=", mergeId), eb("candidate_id", "=", keepId)]), eb.and([eb("customer_id", "=", keepId), eb("candidate_id", "=", mergeId)])])).execute();
    await timeline(trx, ctx, keepId, "PERSONS_MERGED", `Person ${mergeId} merged into ${keepId} (${moving.length} identities moved) by ${ctx.caller.name} (${ctx.caller.organization}): ${reason}`, at);
    await timeline(trx, ctx, mergeId, "PERSONS_MERGED", `Merged into person ${keepId} by ${ctx.caller.name} (${ctx.caller.organization}): ${reason}`, at);
    const row = await trx.selectFrom("customers").selectAll().where("id", "=", keepId).executeTakeFirstOrThrow();
    return toCustomer({ ...keep, ...row }, ctx.caller);
  });
}
