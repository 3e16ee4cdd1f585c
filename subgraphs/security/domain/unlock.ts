import { randomUUID } from "node:crypto";
import { conflict, notFound } from "../../../common/errorCodes";
import { maskPhone, recordEvent, releaseHandler, settleCommitments, withIdempotency } from "../../kit";
import type { Context } from "../context";
import { SecurityLoginStatus } from "../types/enums";
import type { SecurityLogin } from "../types/SecurityLogin";
import { verificationRequired } from "./access";
import { toLogin } from "./mapping";
import { LOCKOUT_MATTER } from "./platform";

/**
 * Ends the active lockout of a login: a sensitive action (S6), so only for a caller who
 * verified the customer's identity for this login. The lockout row is ended with a
 * conditional update, so of two reps unlocking at once exactly one succeeds and the other
 * gets CONFLICT.
 */
export async function unlockLogin(context: Context, loginId: string, idempotencyKey: string): Promise<SecurityLogin> {
  const { caller } = context;
  return withIdempotency(context.db, { subject: caller.subject, key: idempotencyKey, operation: "unlockLogin", args: { loginId } }, async (trx) => {
    const now = new Date().toISOString();
    const verification = await trx
      .selectFrom("identity_verifications")
      .select("id")
      .where("caller_subject", "=", caller.subject)
      .where("login_id", "=", loginId)
      .where("verified_until", ">", now)
      .executeTakeFirst();
    if (!verification) throw verificationRequired(loginId);

    const login = await trx.selectFrom("security_logins").selectAll().where("id", "=", loginId).executeTakeFirst();
    if (!login) throw notFound(`no login ${loginId}`, { loginId });
    const lockout = await trx.selectFrom("lockouts").select("id").where("login_id", "=", loginId).where("active", "=", 1).executeTakeFirst();
    if (!lockout) throw conflict(`login ${loginId} is not locked`, { loginId });

    const ended = await trx
      .updateTable("lockouts")
      .set({ active: 0, until: now, lifted_by: `${caller.name} (${caller.organization})`, lift_method: "Verified reset via the hotline (SMS code to the registered phone)" })
      .where("id", "=", lockout.id)
      .where("active", "=", 1)
      .executeTakeFirst();
    if (Number(ended.numUpdatedRows) === 0) throw conflict(`login ${loginId} was unlocked by someone else just now`, { loginId });
    await trx.updateTable("security_logins").set({ status: SecurityLoginStatus.ACTIVE }).where("id", "=", loginId).execute();

    const matter = { kind: LOCKOUT_MATTER, id: lockout.id };
    await releaseHandler(trx, matter, now);
    await settleCommitments(trx, matter, "KEPT", now);
    await trx
      .insertInto("security_notifications")
      .values({
        id: `SN-${randomUUID()}`,
        login_id: loginId,
        at: now,
        channel: "SMS",
        template_code: "ACCOUNT_UNLOCKED",
        text: "【优购】您的账号已由客服核实身份后解锁，建议尽快修改密码。 Your Yougou account was unlocked by customer service after verifying your identity; please change your password soon.",
        masked_destination: maskPhone(login.phone),
        delivery_status: "SENT",
      })
      .execute();
    await recordEvent(trx, {
      ownerId: loginId,
      at: now,
      kind: "LOGIN_UNLOCKED",
      summary: `Login unlocked by ${caller.name} (${caller.organization}) after verifying the customer's identity; unlock SMS sent to ${maskPhone(login.phone)}`,
      actor: { name: caller.name, role: caller.role, organization: caller.organization },
      subjectType: "SecurityLogin",
      subjectId: loginId,
    });
    return toLogin({ ...login, status: SecurityLoginStatus.ACTIVE });
  });
}
