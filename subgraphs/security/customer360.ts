import { UseMiddleware, type MiddlewareFn } from "type-graphql";
import { assertCanRead, customer360Source, isPartner, type IdentityRef, type MatterRecord, type NormalizedIdentifier, type OpenMatter, type TimelineEvent } from "../kit";
import type { Context } from "./context";
import type { DB } from "./db/tables";
import type { Loaders } from "./loaders";
import { LOCKOUT_MATTER } from "./domain/platform";
import { mattersForCaller, timelineForCaller } from "./domain/redactForCaller";

/**
 * Titles say only that a login is locked, never why or from where; even so, an unverified
 * caller gets them redacted (redactForCaller.ts), and a partner none.
 */
async function openMatters(context: Context, ownerIds: string[]): Promise<MatterRecord[]> {
  const rows = await context.db
    .selectFrom("lockouts")
    .select(["id", "login_id", "since"])
    .where("login_id", "in", ownerIds)
    .where("active", "=", 1)
    .execute();
  return rows.map((row) => ({
    kind: LOCKOUT_MATTER,
    id: row.id,
    title: `Platform login ${row.login_id} is locked: verify the customer's identity to see why and to unlock it`,
    status: "LOCKED",
    openedAt: row.since,
    priority: "HIGH",
    subjectType: "SecurityLogin",
    subjectId: row.login_id,
  }));
}

/** A login id, the login's email or its registered phone: one indexed statement. */
async function lookup(context: Context, identifier: NormalizedIdentifier): Promise<IdentityRef[]> {
  // Partners get no security data, and no way to find a person by their login either (issue 10 item 4).
  if (isPartner(context.caller)) return [];
  const column = identifier.kind === "email" ? "email" : identifier.kind === "phone" ? "phone" : "login_key";
  const matchedBy = identifier.kind === "email" ? "email" : identifier.kind === "phone" ? "phone" : "login";
  const rows = await context.db.selectFrom("security_logins").select("id").where(column, "=", identifier.value).execute();
  return rows.map((row) => ({ system: "security", externalId: row.id, matchedBy }));
}

/** The S2 gate on every field of the contribution (domain/redactForCaller.ts). */
const gate: MiddlewareFn<Context> = async ({ context, info }, next) => {
  assertCanRead(context.caller);
  const result = await next();
  if (!Array.isArray(result)) return result;
  if (info.fieldName === "securityEvents") return timelineForCaller(context, result as TimelineEvent[]);
  if (info.fieldName === "securityMatters") return mattersForCaller(context, result as OpenMatter[]);
  return result;
};

export const securityCustomer360 = customer360Source<DB, Loaders>("security", { openMatters, lookup });
for (const resolver of securityCustomer360.resolvers) UseMiddleware(gate)(resolver);
