import { conflict } from "../../../common/errorCodes";
import { assignHandler, nowIso } from "../../kit";
import { currentState, moveCase, OwnershipState, owningOrgOf } from "../caseOwnership";
import { MatterKind } from "../caseStatus";
import type { Context } from "../context";
import { optionalText } from "../handOverValidation";
import type { ServiceCase } from "../types/ServiceCase";
import { identifier, text } from "../validation";
import { answerCase } from "./handOverSupport";
import { actOnCase, recordCaseEvent } from "./caseAction";
import { actorOf } from "./idempotent";

export interface AssignCaseInput {
  caseNumber: string;
  assigneeName: string;
  assigneeTeam?: string | null;
  assigneePhone?: string | null;
  reason?: string | null;
  idempotencyKey: string;
}

/**
 * A dispatcher or supervisor names who owns the case at its current tier (QUEUED, ASSIGNED
 * or ESCALATED -> ASSIGNED). The previous owner stays in the hand-off history only.
 * Assigning the person who already owns it is CONFLICT: nothing would change.
 */
export async function assignCase(ctx: Context, input: AssignCaseInput): Promise<ServiceCase> {
  const caseNumber = identifier(input.caseNumber, "caseNumber", "caseNumber");
  const assigneeName = text(input.assigneeName, "assigneeName", 100);
  const assigneeTeam = optionalText(input.assigneeTeam, "assigneeTeam", 100);
  const assigneePhone = optionalText(input.assigneePhone, "assigneePhone", 40);
  const reason = optionalText(input.reason, "reason", 500);
  const actor = actorOf(ctx.caller);
  return actOnCase(ctx, input, caseNumber, { operation: "assignCase", may: "assign cases", from: [OwnershipState.QUEUED, OwnershipState.ASSIGNED, OwnershipState.ESCALATED], doing: "assign it" }, async (trx, row) => {
    const current = await trx.selectFrom("matter_handlers").select(["name"]).where("matter_kind", "=", MatterKind.SERVICE_CASE).where("matter_id", "=", caseNumber).where("until", "is", null).executeTakeFirst();
    if (current?.name === assigneeName) throw conflict(`service case ${caseNumber} is already handled by ${assigneeName}`, currentState(row));
    const at = nowIso();
    const moved = await moveCase(trx, row, { ownership_state: OwnershipState.ASSIGNED }, "assign it");
    const organization = owningOrgOf(moved);
    await assignHandler(trx, { kind: MatterKind.SERVICE_CASE, id: caseNumber }, { name: assigneeName, team: assigneeTeam, organization, tier: moved.tier, phone: assigneePhone }, at, reason ?? `assigned by ${actor.name}`);
    await recordCaseEvent(trx, moved, {
      at,
      kind: "CASE_ASSIGNED",
      summary: `Case ${caseNumber} (${moved.tier}) assigned to ${assigneeName}${assigneeTeam ? ` (${assigneeTeam})` : ""} at ${organization} by ${actor.name} (${actor.organization})${current ? `, from ${current.name}` : ""}${reason ? `: ${reason}` : ""}`,
      actor,
      payload: { caseNumber, assignee: assigneeName, tier: moved.tier, previousHandler: current?.name ?? null },
    });
    return answerCase(ctx, moved);
  });
}
