import { conflict, notFound } from "../../../common/errorCodes";
import { nowIso, recordEvent, releaseHandler, settleCommitments } from "../../kit";
import { beijingWindow, MatterKind } from "../caseStatus";
import { assertMayActOnVisit } from "../access";
import type { Context } from "../context";
import { toVisit } from "../mappers";
import type { Visit } from "../types/Visit";
import { identifier, text } from "../validation";
import { actorOf, idempotent } from "./idempotent";
import { reopenCaseWithoutVisits } from "./caseAfterVisit";
import { caseFacts, saysResolvedByCustomer } from "./casePayload";

export interface CancelVisitInput {
  visitId: string;
  reason: string;
  idempotencyKey: string;
}

/**
 * S1: the retailer's rep tells the maker's technician not to come. Only a SCHEDULED visit
 * can be cancelled; the conditional update makes a concurrent reschedule or second cancel
 * lose with CONFLICT instead of overwriting.
 */
export async function cancelVisit(ctx: Context, input: CancelVisitInput): Promise<Visit> {
  const visitId = identifier(input.visitId, "visitId", "visitId");
  const reason = text(input.reason, "reason");
  const actor = actorOf(ctx.caller);
  await assertMayActOnVisit(ctx, visitId, "cancel visits");
  return idempotent(ctx, input, "cancelVisit", async (trx) => {
    const at = nowIso();
    const updated = await trx
      .updateTable("visits")
      .set({ status: "CANCELLED", cancel_reason: reason, cancelled_by_name: actor.name, cancelled_by_role: actor.role ?? null, cancelled_by_org: actor.organization, cancelled_at: at })
      .where("id", "=", visitId)
      .where("status", "=", "SCHEDULED")
      .executeTakeFirst();
    const row = await trx.selectFrom("visits").selectAll().where("id", "=", visitId).executeTakeFirst();
    if (!row) throw notFound(`visit ${visitId} does not exist`, { argument: "visitId" });
    if (Number(updated.numUpdatedRows) === 0) throw conflict(`visit ${visitId} is ${row.status} and can no longer be cancelled`, { status: row.status });

    await reopenCaseWithoutVisits(trx, row.case_number);
    await releaseHandler(trx, { kind: MatterKind.VISIT, id: visitId }, at);
    await settleCommitments(trx, { kind: MatterKind.VISIT, id: visitId }, "CANCELLED", at);
    await recordEvent(trx, {
      ownerId: row.owner_id,
      at,
      kind: "VISIT_CANCELLED",
      summary: `Technician visit ${visitId} on ${beijingWindow(row.window_start, row.window_end)} for case ${row.case_number} cancelled by ${actor.name} (${actor.organization}): ${reason}`,
      actor,
      subjectType: "Visit",
      subjectId: visitId,
      payload: { ...(await caseFacts(trx, row.case_number, actor)), visitId, reason, windowStart: row.window_start, windowEnd: row.window_end, resolvedByCustomer: saysResolvedByCustomer(reason) },
    });
    return toVisit(row);
  });
}
