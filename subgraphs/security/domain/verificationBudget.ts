import { PostgresAdapter, sql, type Kysely } from "kysely";
import { codedError, ErrorCode } from "../../../common/errorCodes";
import type { DB } from "../db/tables";

/**
 * How many SMS codes may be sent per rolling hour (docs/SECURITY.md, "Verification budget").
 * A login's budget protects the customer's phone from being flooded; the per-caller share
 * of it is smaller, so no one caller can spend a login's whole budget and block the real
 * rep; the per-caller total stops one token from texting every customer.
 */
export const VERIFICATION_BUDGET = {
  /** Codes sent to one login by everybody together. */
  perLogin: 10,
  /** Codes one caller may have sent to one login. */
  perCallerPerLogin: 3,
  /** Codes one caller may have sent to all logins together. */
  perCaller: 20,
  windowMinutes: 60,
} as const;

function budgetSpent(message: string, oldest: string | null, now: Date, details: Record<string, unknown>) {
  const windowMs = VERIFICATION_BUDGET.windowMinutes * 60_000;
  const freesAt = oldest ? new Date(oldest).getTime() + windowMs : now.getTime() + windowMs;
  const retryAfterSeconds = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
  return codedError(ErrorCode.RATE_LIMITED, `${message}; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, { ...details, retryAfterSeconds });
}

/**
 * Refuses (RATE_LIMITED, with retryAfterSeconds) when sending one more code would go over
 * any of the three budgets. Runs in the transaction that records the new challenge; on
 * PostgreSQL an advisory lock per login (and per caller) serialises concurrent starts, so
 * two at once cannot both take the last code (SQLite serialises writers already).
 */
export async function checkVerificationBudget(trx: Kysely<DB>, callerSubject: string, loginId: string, now: Date): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    // Fixed order (login, then caller) so two transactions never wait on each other in a cycle.
    await sql`select pg_advisory_xact_lock(hashtext(${`verification-login:${loginId}`}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(hashtext(${`verification-caller:${callerSubject}`}))`.execute(trx);
  }
  const since = new Date(now.getTime() - VERIFICATION_BUDGET.windowMinutes * 60_000).toISOString();
  const recent = trx.selectFrom("verification_challenges").where("created_at", ">", since);
  const count = (query: typeof recent) =>
    query.select((eb) => [eb.fn.countAll().as("n"), eb.fn.min("created_at").as("oldest")]).executeTakeFirstOrThrow();
  const login = await count(recent.where("login_id", "=", loginId));
  const callerOnLogin = await count(recent.where("login_id", "=", loginId).where("caller_subject", "=", callerSubject));
  const caller = await count(recent.where("caller_subject", "=", callerSubject));
  const { perLogin, perCallerPerLogin, perCaller } = VERIFICATION_BUDGET;
  if (Number(callerOnLogin.n) >= perCallerPerLogin) {
    throw budgetSpent(`you already had ${perCallerPerLogin} codes sent to this login in the last hour`, callerOnLogin.oldest as string | null, now, { loginId, budget: "perCallerPerLogin" });
  }
  if (Number(caller.n) >= perCaller) {
    throw budgetSpent(`you already had ${perCaller} verification codes sent in the last hour`, caller.oldest as string | null, now, { budget: "perCaller" });
  }
  if (Number(login.n) >= perLogin) {
    throw budgetSpent(`${perLogin} codes were already sent to this login in the last hour`, login.oldest as string | null, now, { loginId, budget: "perLogin" });
  }
}
