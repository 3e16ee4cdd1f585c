import type { Kysely } from "kysely";
import type { Caller } from "../../../common/caller";
import type { DB } from "../../../subgraphs/security/db/tables";
import type { TestSubgraph } from "../../helpers/subgraphHarness";

export const ANALYST: Caller = { subject: "analyst-gu", name: "顾分析 Analyst Gu", role: "analyst", organization: "platform" };

export const START = `mutation Start($loginId: ID!, $key: String!) {
  startIdentityVerification(loginId: $loginId, method: SMS_CODE, idempotencyKey: $key) { id loginId method maskedDestination expiresAt attemptsAllowed devCode }
}`;
export const CONFIRM = `mutation Confirm($id: ID!, $code: String!) {
  confirmIdentityVerification(challengeId: $id, code: $code) { loginId verifiedBy verifiedByName method verifiedAt verifiedUntil }
}`;
export const UNLOCK = `mutation Unlock($loginId: ID!, $key: String!) {
  unlockLogin(loginId: $loginId, idempotencyKey: $key) { id status isLocked maskedPhone }
}`;

let keys = 0;
export function freshKey(label: string): string {
  keys += 1;
  return `${label}-${process.pid}-${Date.now()}-${keys}`;
}

/** The whole verification flow through GraphQL, as a rep does it on the phone. */
export async function verify(t: TestSubgraph<DB>, caller: Caller, loginId: string): Promise<void> {
  const started = await t.query(START, { loginId, key: freshKey("start") }, caller);
  const challenge = started.body.data?.startIdentityVerification;
  if (!challenge?.devCode) throw new Error(`start failed: ${JSON.stringify(started.body)}`);
  const confirmed = await t.query(CONFIRM, { id: challenge.id, code: challenge.devCode }, caller);
  if (!confirmed.body.data?.confirmIdentityVerification) throw new Error(`confirm failed: ${JSON.stringify(confirmed.body)}`);
}

/** A locked login of its own, so each mutation test starts from a known state. */
export async function insertLockedLogin(db: Kysely<DB>, id: string): Promise<void> {
  const since = new Date(Date.now() - 3_600_000).toISOString();
  await db
    .insertInto("security_logins")
    .values({ id, login_key: id.toUpperCase(), display_name: "测试 Test", display_name_latin: "Test", phone: "13700001111", email: `${id}@example.cn`, status: "LOCKED", created_at: since })
    .execute();
  await db
    .insertInto("lockouts")
    .values({ id: `LK-${id}`, login_id: id, cause: "5 wrong passwords", since, until: null, active: 1, lifted_by: null, lift_method: null })
    .execute();
}

export async function countRows(db: Kysely<DB>, table: "timeline_events" | "security_notifications" | "verification_challenges" | "identity_verifications", loginColumn: "owner_id" | "login_id", loginId: string): Promise<number> {
  const rows = await (db as Kysely<any>).selectFrom(table).select("id").where(loginColumn, "=", loginId).execute();
  return rows.length;
}
