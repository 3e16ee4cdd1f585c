import { randomUUID } from "node:crypto";
import { addCommitment, assignHandler, nowIso } from "../../kit";
import { OwnershipState } from "../caseOwnership";
import { MatterKind } from "../caseStatus";
import type { Context } from "../context";
import { dueTime } from "../handOverValidation";
import { toCallback } from "../mappers";
import type { Callback } from "../types/Callback";
import { identifier, text } from "../validation";
import { forgetCase } from "./handOverSupport";
import { actOnCase, recordCaseEvent } from "./caseAction";
import { actorOf } from "./idempotent";
import { withOwner } from "../handOverMappers";

export interface MakeCallbackPromiseInput {
  caseNumber: string;
  purpose: string;
  dueAt: string;
  idempotencyKey: string;
}

/**
 * S4, S7: "I will call you back with the result by tomorrow 10:00". Who (the caller), by
 * when (dueAt) and what (purpose): an OPEN callback, a promise on the case (same id) and an
 * open matter whose handler is the one who promised; overdue in words once past due.
 */
export async function makeCallbackPromise(ctx: Context, input: MakeCallbackPromiseInput): Promise<Callback> {
  const caseNumber = identifier(input.caseNumber, "caseNumber", "caseNumber");
  const purpose = text(input.purpose, "purpose", 300);
  const dueAt = dueTime(input.dueAt, "dueAt");
  const actor = actorOf(ctx.caller);
  return actOnCase(ctx, input, caseNumber, { operation: "makeCallbackPromise", may: "promise callbacks", from: [OwnershipState.QUEUED, OwnershipState.ASSIGNED, OwnershipState.ESCALATED], doing: "promise a callback on it" }, async (trx, row) => {
    const at = nowIso();
    const id = `CB-${randomUUID().slice(0, 8).toUpperCase()}`;
    const callback = { id, case_number: caseNumber, owner_id: row.owner_id, purpose, promised_at: at, due_at: dueAt, promised_by_name: actor.name, promised_by_org: actor.organization, status: "OPEN", done_at: null, outcome: null };
    await trx.insertInto("callbacks").values(callback).execute();
    await addCommitment(trx, { kind: MatterKind.SERVICE_CASE, id: caseNumber }, { id, description: purpose, dueAt, madeBy: { name: actor.name, organization: actor.organization } });
    await assignHandler(trx, { kind: MatterKind.CALLBACK, id }, { name: actor.name, organization: actor.organization, tier: row.tier }, at, "promised the call");
    await recordCaseEvent(trx, row, {
      at,
      kind: "CALLBACK_PROMISED",
      summary: `${actor.name} (${actor.organization}) promised to call back by ${dueAt}: ${purpose}`,
      actor,
      payload: { caseNumber, callbackId: id, dueAt, purpose },
    });
    forgetCase(ctx, caseNumber);
    return withOwner(toCallback(callback), callback.owner_id);
  });
}
