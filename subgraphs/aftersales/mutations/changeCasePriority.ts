import { conflict } from "../../../common/errorCodes";
import { nowIso } from "../../kit";
import { currentState, moveCase, OwnershipState } from "../caseOwnership";
import type { Context } from "../context";
import { priority as priorityOf } from "../handOverValidation";
import type { ServiceCase } from "../types/ServiceCase";
import { identifier, text } from "../validation";
import { answerCase } from "./handOverSupport";
import { actOnCase, recordCaseEvent } from "./caseAction";
import { actorOf } from "./idempotent";

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
  return actOnCase(ctx, input, caseNumber, { operation: "changeCasePriority", may: "change case priorities", from: [OwnershipState.QUEUED, OwnershipState.ASSIGNED, OwnershipState.ESCALATED], doing: "change its priority" }, async (trx, row) => {
    if (row.priority === priority) throw conflict(`service case ${caseNumber} is already ${priority}`, currentState(row));
    const at = nowIso();
    const moved = await moveCase(trx, row, { priority }, "change its priority");
    await recordCaseEvent(trx, moved, {
      at,
      kind: "CASE_PRIORITY_CHANGED",
      summary: `Priority of case ${caseNumber} changed ${row.priority} -> ${priority} by ${actor.name} (${actor.organization}): ${reason}`,
      actor,
      payload: { caseNumber, fromPriority: row.priority, toPriority: priority, reason },
    });
    return answerCase(ctx, moved);
  });
}
