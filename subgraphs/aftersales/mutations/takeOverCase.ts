import { assignHandler, nowIso } from "../../kit";
import { moveCase, OwnershipState } from "../caseOwnership";
import { MatterKind } from "../caseStatus";
import type { Context } from "../context";
import { optionalText } from "../handOverValidation";
import type { ServiceCase } from "../types/ServiceCase";
import { identifier } from "../validation";
import { answerCase } from "./handOverSupport";
import { actOnCase, recordCaseEvent } from "./caseAction";
import { actorOf } from "./idempotent";

export interface TakeOverCaseInput {
  caseNumber: string;
  team?: string | null;
  phone?: string | null;
  hours?: string | null;
  reason?: string | null;
  idempotencyKey: string;
}

/**
 * S7: the second-line expert takes the case over completely (QUEUED or ESCALATED ->
 * ASSIGNED). The caller becomes the current handler at the case's tier; whoever held it
 * before (first line, the queue) appears only in the hand-off history. Of experts racing
 * for the same case exactly one wins; the others get CONFLICT (already ASSIGNED).
 */
export async function takeOverCase(ctx: Context, input: TakeOverCaseInput): Promise<ServiceCase> {
  const caseNumber = identifier(input.caseNumber, "caseNumber", "caseNumber");
  const team = optionalText(input.team, "team", 100);
  const phone = optionalText(input.phone, "phone", 40);
  const hours = optionalText(input.hours, "hours", 40);
  const reason = optionalText(input.reason, "reason", 500);
  const actor = actorOf(ctx.caller);
  return actOnCase(ctx, input, caseNumber, { operation: "takeOverCase", may: "take cases over", from: [OwnershipState.QUEUED, OwnershipState.ESCALATED], doing: "take it over" }, async (trx, row) => {
    const at = nowIso();
    const moved = await moveCase(trx, row, { ownership_state: OwnershipState.ASSIGNED }, "take it over");
    await assignHandler(trx, { kind: MatterKind.SERVICE_CASE, id: caseNumber }, { name: actor.name, team, organization: actor.organization, tier: moved.tier, phone, hours }, at, reason ?? `taken over by ${actor.name}`);
    await recordCaseEvent(trx, moved, {
      at,
      kind: "CASE_TAKEN_OVER",
      summary: `${actor.name} (${actor.organization}, ${moved.tier}) took case ${caseNumber} over and owns it now${reason ? `: ${reason}` : ""}`,
      actor,
      payload: { caseNumber, tier: moved.tier },
    });
    return answerCase(ctx, moved);
  });
}
