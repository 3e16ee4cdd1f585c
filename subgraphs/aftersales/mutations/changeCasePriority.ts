import { conflict } from "../../../common/errorCodes";
import { nowIso, recordEvent } from "../../kit";
import { caseInTransaction, currentState, moveCase, OwnershipState, requireState } from "../caseOwnership";
import type { Context } from "../context";
import { priority as priorityOf } from "../handOverValidation";
import { assertHandlingOrganization } from "../manageAccess";
import type { ServiceCase } from "../types/ServiceCase";
import { identifier, text } from "../validation";
import { answerCase, caseForAction } from "./handOverSupport";
import { actorOf, idempotent } from "./idempotent";

export interface ChangeCasePriorityInput {
  caseNumber: string;
  priority: string;
  reason: string;
  idempotencyKey: string;
}

/** Raises or lowers an open case's priority, with a reason; the same priority again is CONFLICT. */
export async function changeCasePriority(ctx: Context, input: ChangeCasePriorityInput): Promise<ServiceCase> {
  const caseNumber = identifier(input.caseNumber, "caseNumber", "caseNumber");
  const priority = priorityOf(input.priority);
  const reason = text(input.reason, "reason");
  const actor = actorOf(ctx.caller);
  assertHandlingOrganization(ctx, await caseForAction(ctx, caseNumber), "change case priorities");
  return idempotent(ctx, input, "changeCasePriority", async (trx) => {
    const row = await caseInTransaction(trx, caseNumber);
    assertHandlingOrganization(ctx, row, "change case priorities");
    requireState(row, [OwnershipState.QUEUED, OwnershipState.ASSIGNED, OwnershipState.ESCALATED], "change its priority");
    if (row.priority === priority) throw conflict(`service case ${caseNumber} is already ${priority}`, currentState(row));
    const at = nowIso();
    const moved = await moveCase(trx, row, { priority }, "change its priority");
    await recordEvent(trx, {
      ownerId: moved.owner_id,
      at,
      kind: "CASE_PRIORITY_CHANGED",
      summary: `Priority of case ${caseNumber} changed ${row.priority} -> ${priority} by ${actor.name} (${actor.organization}): ${reason}`,
      actor,
      subjectType: "ServiceCase",
      subjectId: caseNumber,
      payload: { caseNumber, fromPriority: row.priority, toPriority: priority, reason },
    });
    return answerCase(ctx, moved);
  });
}
