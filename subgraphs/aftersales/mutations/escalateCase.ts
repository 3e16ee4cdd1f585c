import { assignHandler, nowIso } from "../../kit";
import { currentState, moveCase, nextTier, OwnershipState, owningOrgOf, queueHandler } from "../caseOwnership";
import { MatterKind } from "../caseStatus";
import { conflict } from "../../../common/errorCodes";
import type { Context } from "../context";
import type { ServiceCase } from "../types/ServiceCase";
import { identifier, text } from "../validation";
import { answerCase } from "./handOverSupport";
import { actOnCase, recordCaseEvent } from "./caseAction";
import { actorOf } from "./idempotent";

export interface EscalateCaseInput {
  caseNumber: string;
  reason: string;
  idempotencyKey: string;
}

/**
 * S7: first line cannot find the apps in its support list and escalates (L1 -> L2, L2 -> L3)
 * with a reason. The case waits in the next tier's queue (ESCALATED) until an expert takes
 * it over; an ESCALATED case or one at the highest tier cannot be escalated again (CONFLICT).
 */
export async function escalateCase(ctx: Context, input: EscalateCaseInput): Promise<ServiceCase> {
  const caseNumber = identifier(input.caseNumber, "caseNumber", "caseNumber");
  const reason = text(input.reason, "reason");
  const actor = actorOf(ctx.caller);
  return actOnCase(ctx, input, caseNumber, { operation: "escalateCase", may: "escalate cases", from: [OwnershipState.QUEUED, OwnershipState.ASSIGNED], doing: "escalate it" }, async (trx, row) => {
    const tier = nextTier(row.tier);
    if (!tier) throw conflict(`service case ${caseNumber} is already at ${row.tier}, the highest tier`, currentState(row));
    const at = nowIso();
    const moved = await moveCase(trx, row, { ownership_state: OwnershipState.ESCALATED, tier, status: "ESCALATED" }, "escalate it");
    const queue = queueHandler(owningOrgOf(moved), tier);
    await assignHandler(trx, { kind: MatterKind.SERVICE_CASE, id: caseNumber }, queue, at, `escalated ${row.tier} -> ${tier}: ${reason}`);
    await recordCaseEvent(trx, moved, {
      at,
      kind: "CASE_ESCALATED",
      summary: `Escalated ${row.tier} -> ${tier} by ${actor.name} (${actor.organization}): ${reason}; waiting in the ${queue.name}`,
      actor,
      payload: { caseNumber, fromTier: row.tier, toTier: tier, reason },
    });
    return answerCase(ctx, moved);
  });
}
