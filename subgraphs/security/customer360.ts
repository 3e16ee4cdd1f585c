import { customer360Source, type IdentityRef, type MatterRecord, type NormalizedIdentifier } from "../kit";
import type { Context } from "./context";
import type { DB } from "./db/tables";
import type { Loaders } from "./loaders";
import { LOCKOUT_MATTER } from "./domain/platform";

/**
 * Open matters are shown to every rep, verified or not, so their titles say only that a
 * login is locked, never why or from where (that is security detail behind the gate).
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
  const column = identifier.kind === "email" ? "email" : identifier.kind === "phone" ? "phone" : "login_key";
  const matchedBy = identifier.kind === "email" ? "email" : identifier.kind === "phone" ? "phone" : "login";
  const rows = await context.db.selectFrom("security_logins").select("id").where(column, "=", identifier.value).execute();
  return rows.map((row) => ({ system: "security", externalId: row.id, matchedBy }));
}

export const securityCustomer360 = customer360Source<DB, Loaders>("security", { openMatters, lookup });
