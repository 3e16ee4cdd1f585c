import { createHash, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { badInput, codedError, conflict, ErrorCode, notFound } from "../../../common/errorCodes";
import { actorOf, maskPhone, recordEvent, withIdempotency } from "../../kit";
import type { Context } from "../context";
import type { IdentityVerificationsTable } from "../db/tables";
import { IdentityVerificationMethod } from "../types/enums";
import type { IdentityVerification } from "../types/IdentityVerification";
import type { VerificationChallenge } from "../types/VerificationChallenge";
import { toVerification } from "./mapping";
import { assertMayVerify } from "./access";
import { CHALLENGE_MINUTES, MAX_WRONG_CODES, verificationMinutes } from "./platform";
import { checkVerificationBudget } from "./verificationBudget";

const CHALLENGE_ID = /^VC-[0-9a-f-]{36}$/;
const CODE = /^\d{6}$/;

/** Salted with the challenge id so equal codes never give equal hashes. */
function hashCode(challengeId: string, code: string): string {
  return createHash("sha256").update(`${challengeId}:${code}`).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Sends a one-time code to the login's registered phone. The code is only "sent": the
 * database keeps its hash, and the answer carries it (devCode) outside production only,
 * and only the first time: a replayed answer comes from stored JSON, which never holds it.
 */
export async function startVerification(context: Context, loginId: string, idempotencyKey: string): Promise<VerificationChallenge> {
  assertMayVerify(context.caller, "start");
  const sent: { code?: string } = {};
  const scope = { subject: context.caller.subject, key: idempotencyKey, operation: "startIdentityVerification", args: { loginId, method: IdentityVerificationMethod.SMS_CODE } };
  const challenge = await withIdempotency(context.db, scope, async (trx) => {
    const login = await trx.selectFrom("security_logins").select(["id", "phone"]).where("id", "=", loginId).executeTakeFirst();
    if (!login) throw notFound(`no login ${loginId}`, { loginId });
    const now = new Date();
    await checkVerificationBudget(trx, context.caller.subject, loginId, now);

    const id = `VC-${randomUUID()}`;
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const maskedDestination = maskPhone(login.phone);
    const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString();
    await trx
      .insertInto("verification_challenges")
      .values({
        id,
        login_id: loginId,
        caller_subject: context.caller.subject,
        method: IdentityVerificationMethod.SMS_CODE,
        code_hash: hashCode(id, code),
        masked_destination: maskedDestination,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        failed_attempts: 0,
        status: "PENDING",
      })
      .execute();
    await trx
      .insertInto("security_notifications")
      .values({
        id: `SN-${randomUUID()}`,
        login_id: loginId,
        at: now.toISOString(),
        channel: "SMS",
        template_code: "IDENTITY_VERIFICATION_CODE",
        text: `【优购】您正在与客服通话，验证码${CHALLENGE_MINUTES}分钟内有效，请勿告诉他人。 Your Yougou verification code for a call with customer service, valid ${CHALLENGE_MINUTES} minutes. Never share it with anyone else.`,
        masked_destination: maskedDestination,
        delivery_status: "SENT",
      })
      .execute();
    await recordEvent(trx, {
      ownerId: loginId,
      at: now.toISOString(),
      kind: "VERIFICATION_CODE_SENT",
      summary: `Identity verification code sent by SMS to ${maskedDestination} at the request of ${context.caller.name} (${context.caller.organization})`,
      actor: actorOf(context.caller),
      subjectType: "SecurityLogin",
      subjectId: loginId,
    });
    sent.code = code;
    return { id, loginId, method: IdentityVerificationMethod.SMS_CODE, maskedDestination, expiresAt, attemptsAllowed: MAX_WRONG_CODES };
  });
  const devCode = process.env.NODE_ENV !== "production" ? sent.code ?? null : null;
  return { ...challenge, devCode };
}

type ConfirmOutcome = { kind: "verified"; row: IdentityVerificationsTable } | { kind: "wrong"; remaining: number };

/**
 * Checks the code the customer read out. Naturally idempotent: confirming a passed
 * challenge again with its code returns the same verification. Wrong codes are counted in
 * their own committed transaction (the error is raised afterwards), and the fifth kills
 * the challenge, so guessing the 6 digits is not an option.
 */
export async function confirmVerification(context: Context, challengeId: string, code: string): Promise<IdentityVerification> {
  if (!CHALLENGE_ID.test(challengeId)) throw badInput("challengeId is not a verification challenge id (VC-...)", { argument: "challengeId" });
  if (!CODE.test(code)) throw badInput("the code has 6 digits", { argument: "code" });
  assertMayVerify(context.caller, "confirm");

  const outcome = await context.db.transaction().execute(async (trx): Promise<ConfirmOutcome> => {
    const challenge = await trx.selectFrom("verification_challenges").selectAll().where("id", "=", challengeId).executeTakeFirst();
    if (!challenge) throw notFound(`no verification challenge ${challengeId}`);
    if (challenge.caller_subject !== context.caller.subject) {
      throw codedError(ErrorCode.FORBIDDEN, "this challenge was started by another caller; a verification belongs to the caller who asked for it");
    }
    if (challenge.status === "DEAD") throw conflict("too many wrong codes: this challenge is closed; start a new verification");
    const matches = sameHash(challenge.code_hash, hashCode(challengeId, code));
    const existing = () => trx.selectFrom("identity_verifications").selectAll().where("challenge_id", "=", challengeId).executeTakeFirstOrThrow();

    if (challenge.status === "PASSED") {
      if (!matches) throw conflict("this challenge was already used; start a new verification");
      return { kind: "verified", row: await existing() };
    }
    const now = new Date();
    if (new Date(challenge.expires_at).getTime() <= now.getTime()) throw conflict("the code expired; start a new verification");

    if (!matches) {
      // One statement counts and, at the limit, closes: concurrent guesses cannot overshoot.
      await trx
        .updateTable("verification_challenges")
        .set((eb) => ({
          failed_attempts: eb("failed_attempts", "+", 1),
          status: eb.case().when("failed_attempts", ">=", MAX_WRONG_CODES - 1).then("DEAD").else("PENDING").end(),
        }))
        .where("id", "=", challengeId)
        .where("status", "=", "PENDING")
        .execute();
      const after = await trx.selectFrom("verification_challenges").select(["failed_attempts", "status"]).where("id", "=", challengeId).executeTakeFirstOrThrow();
      if (after.status === "DEAD") {
        await recordEvent(trx, {
          ownerId: challenge.login_id,
          at: now.toISOString(),
          kind: "VERIFICATION_FAILED",
          summary: `Identity verification failed: ${MAX_WRONG_CODES} wrong codes given to ${context.caller.name} (${context.caller.organization})`,
          actor: actorOf(context.caller),
          subjectType: "SecurityLogin",
          subjectId: challenge.login_id,
        });
      }
      return { kind: "wrong", remaining: Math.max(0, MAX_WRONG_CODES - Number(after.failed_attempts)) };
    }

    const passed = await trx
      .updateTable("verification_challenges")
      .set({ status: "PASSED" })
      .where("id", "=", challengeId)
      .where("status", "=", "PENDING")
      .executeTakeFirst();
    // Lost a race with a confirm of the same challenge: that one's verification is ours too.
    if (Number(passed.numUpdatedRows) === 0) return { kind: "verified", row: await existing() };

    const row: IdentityVerificationsTable = {
      id: `IV-${randomUUID()}`,
      challenge_id: challengeId,
      login_id: challenge.login_id,
      caller_subject: context.caller.subject,
      caller_name: context.caller.name,
      method: challenge.method,
      verified_at: now.toISOString(),
      verified_until: new Date(now.getTime() + verificationMinutes() * 60_000).toISOString(),
    };
    await trx.insertInto("identity_verifications").values(row).execute();
    await recordEvent(trx, {
      ownerId: challenge.login_id,
      at: now.toISOString(),
      kind: "VERIFICATION_PASSED",
      summary: `Customer's identity verified with an SMS code by ${context.caller.name} (${context.caller.organization})`,
      actor: actorOf(context.caller),
      subjectType: "SecurityLogin",
      subjectId: challenge.login_id,
    });
    return { kind: "verified", row };
  });

  if (outcome.kind === "wrong") {
    throw badInput(
      outcome.remaining > 0
        ? `wrong code; ${outcome.remaining} attempt(s) left`
        : "wrong code; no attempts left: this challenge is closed, start a new verification",
      { argument: "code", remainingAttempts: outcome.remaining },
    );
  }
  return toVerification(outcome.row);
}
