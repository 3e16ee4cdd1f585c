import type { Transaction } from "kysely";
import { conflict, notFound } from "../../../common/errorCodes";
import { assertCanWrite, lateness, nowIso, recordEvent, releaseHandler, type ActorInput } from "../../kit";
import { MatterKind } from "../caseStatus";
import type { Context } from "../context";
import type { DB } from "../db/tables";
import { assertHandlingOrganization } from "../manageAccess";
import { toCallback } from "../mappers";
import type { Callback } from "../types/Callback";
import { caseForAction, forgetCase } from "./handOverSupport";
import { actorOf, idempotent } from "./idempotent";
import { withOwner } from "../handOverMappers";
import { handOverId } from "../handOverValidation";
import { text } from "../validation";

/**
 * The promise state machine's one step, shared by keepCallbackPromise and
 * breakCallbackPromise: OPEN -> KEPT or OPEN -> BROKEN, by the organization that promised or
 * the one handling the case, with one conditional update (racing settlements: one wins,
 * the others CONFLICT with the status it left). The callback, its promise on the case and
 * its open matter settle together; a promise kept after its due time says how late.
 */
export async function settleCallbackPromise(
  ctx: Context,
  /** The normalized arguments (the idempotency key is bound to all of them). */
  input: { callbackId: string; idempotencyKey: string; outcome?: string; reason?: string },
  outcome: { status: "KEPT" | "BROKEN"; text: string; operation: string },
): Promise<Callback> {
  const callbackId = input.callbackId;
  const actor = actorOf(ctx.caller);
  const action = outcome.status === "KEPT" ? "mark callbacks kept" : "mark callbacks broken";
  assertCanWrite(ctx.caller, action);
  const found = await ctx.db.selectFrom("callbacks").selectAll().where("id", "=", callbackId).executeTakeFirst();
  if (!found) throw notFound(`callback ${callbackId} does not exist`, { argument: "callbackId" });
  if (ctx.caller.organization !== found.promised_by_org) assertHandlingOrganization(ctx, await caseForAction(ctx, found.case_number), action);
  return idempotent(ctx, input, outcome.operation, async (trx) => {
    const at = nowIso();
    const updated = await trx
      .updateTable("callbacks")
      .set({ status: outcome.status, done_at: at, outcome: outcome.text })
      .where("id", "=", callbackId)
      .where("status", "=", "OPEN")
      .executeTakeFirst();
    const row = await trx.selectFrom("callbacks").selectAll().where("id", "=", callbackId).executeTakeFirstOrThrow();
    if (Number(updated.numUpdatedRows) === 0) throw conflict(`callback ${callbackId} is already ${row.status}`, { status: row.status });
    await trx
      .updateTable("commitments")
      .set({ status: outcome.status, kept_at: outcome.status === "KEPT" ? at : null })
      .where("id", "=", callbackId)
      .where("status", "=", "OPEN")
      .execute();
    await releaseHandler(trx, { kind: MatterKind.CALLBACK, id: callbackId }, at);
    await recordSettlement(trx, row, actor, at, outcome);
    forgetCase(ctx, row.case_number);
    return withOwner(toCallback(row, new Date(at)), row.owner_id);
  });
}

/**
 * keepCallbackPromise and breakCallbackPromise as the client calls them: the callback's id and
 * the one text the settlement carries (the outcome kept, the reason broken) checked, then
 * settled. `said` names that text's argument.
 */
export function settlementMutation<Input extends { callbackId: string; idempotencyKey: string }>(status: "KEPT" | "BROKEN", said: Exclude<keyof Input & string, "callbackId" | "idempotencyKey">, operation: string): (ctx: Context, input: Input) => Promise<Callback> {
  return async (ctx, input) => {
    const callbackId = handOverId(input.callbackId, "callbackId", "callbackId");
    const checked = text(input[said] as string, said);
    return settleCallbackPromise(ctx, { callbackId, idempotencyKey: input.idempotencyKey, [said]: checked }, { status, text: checked, operation });
  };
}

/** "kept 3 hours late" when the call came after its due time. */
export function keptLateText(dueAt: string, doneAt: string): string | null {
  const minutes = Math.floor((Date.parse(doneAt) - Date.parse(dueAt)) / 60_000);
  return minutes > 0 ? `kept ${lateness(minutes)}` : null;
}

async function recordSettlement(trx: Transaction<DB>, row: { id: string; owner_id: string; case_number: string; due_at: string; promised_by_name: string; promised_by_org: string }, actor: ActorInput, at: string, outcome: { status: "KEPT" | "BROKEN"; text: string }): Promise<void> {
  const late = keptLateText(row.due_at, at);
  const summary =
    outcome.status === "KEPT"
      ? `Callback promised by ${row.promised_by_name} (${row.promised_by_org}) ${late ?? "kept on time"}, marked by ${actor.name}: ${outcome.text}`
      : `Callback promised by ${row.promised_by_name} (${row.promised_by_org}) broken, marked by ${actor.name}: ${outcome.text}`;
  await recordEvent(trx, {
    ownerId: row.owner_id,
    at,
    kind: outcome.status === "KEPT" ? "CALLBACK_KEPT" : "CALLBACK_BROKEN",
    summary,
    actor,
    subjectType: "ServiceCase",
    subjectId: row.case_number,
    payload: { caseNumber: row.case_number, callbackId: row.id, dueAt: row.due_at, late: outcome.status === "KEPT" && late !== null },
  });
}
