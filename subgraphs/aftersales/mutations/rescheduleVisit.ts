import { randomUUID } from "node:crypto";
import { conflict, notFound } from "../../../common/errorCodes";
import { assignHandler, nowIso, recordEvent, releaseHandler, settleCommitments } from "../../kit";
import { beijingWindow, MatterKind } from "../caseStatus";
import { assertMayActOnVisit } from "../access";
import type { Context } from "../context";
import { toVisit } from "../mappers";
import type { Visit } from "../types/Visit";
import { identifier, visitWindow } from "../validation";
import { actorOf, idempotent } from "./idempotent";
import { caseFacts } from "./casePayload";

export interface RescheduleVisitInput {
  visitId: string;
  windowStart: string;
  windowEnd: string;
  idempotencyKey: string;
}

/**
 * Moves a visit to a new window. The old visit becomes RESCHEDULED and points to a new
 * SCHEDULED visit, so every visit's history stays readable and a concurrent cancel of the
 * old id loses cleanly (it is no longer SCHEDULED) instead of cancelling a moved visit.
 */
export async function rescheduleVisit(ctx: Context, input: RescheduleVisitInput): Promise<Visit> {
  const visitId = identifier(input.visitId, "visitId", "visitId");
  const window = visitWindow(input.windowStart, input.windowEnd);
  const actor = actorOf(ctx.caller);
  await assertMayActOnVisit(ctx, visitId, "reschedule visits");
  return idempotent(ctx, input, "rescheduleVisit", async (trx) => {
    const at = nowIso();
    const newId = `VIS-${randomUUID().slice(0, 8).toUpperCase()}`;
    const updated = await trx
      .updateTable("visits")
      .set({ status: "RESCHEDULED", rescheduled_to: newId })
      .where("id", "=", visitId)
      .where("status", "=", "SCHEDULED")
      .executeTakeFirst();
    const old = await trx.selectFrom("visits").selectAll().where("id", "=", visitId).executeTakeFirst();
    if (!old) throw notFound(`visit ${visitId} does not exist`, { argument: "visitId" });
    if (Number(updated.numUpdatedRows) === 0) throw conflict(`visit ${visitId} is ${old.status} and can no longer be rescheduled`, { status: old.status });

    const next = {
      ...old,
      id: newId,
      window_start: window.start,
      window_end: window.end,
      status: "SCHEDULED",
      created_at: at,
      rescheduled_from: visitId,
      rescheduled_to: null,
    };
    await trx.insertInto("visits").values(next).execute();

    // The same technician keeps the job: hand the open VISIT matter over to the new id.
    const handler = await trx
      .selectFrom("matter_handlers")
      .selectAll()
      .where("matter_kind", "=", MatterKind.VISIT)
      .where("matter_id", "=", visitId)
      .where("until", "is", null)
      .executeTakeFirst();
    await releaseHandler(trx, { kind: MatterKind.VISIT, id: visitId }, at);
    await settleCommitments(trx, { kind: MatterKind.VISIT, id: visitId }, "CANCELLED", at);
    if (handler) await assignHandler(trx, { kind: MatterKind.VISIT, id: newId }, handler, at, `rescheduled from ${visitId}`);

    await recordEvent(trx, {
      ownerId: old.owner_id,
      at,
      kind: "VISIT_RESCHEDULED",
      summary: `Technician visit for case ${old.case_number} moved from ${beijingWindow(old.window_start, old.window_end)} to ${beijingWindow(window.start, window.end)} by ${actor.name} (${actor.organization}); new visit ${newId}`,
      actor,
      subjectType: "Visit",
      subjectId: newId,
      payload: {
        ...(await caseFacts(trx, old.case_number, actor)),
        previousVisitId: visitId,
        newVisitId: newId,
        windowStart: window.start,
        windowEnd: window.end,
        previousWindowStart: old.window_start,
        previousWindowEnd: old.window_end,
      },
    });
    return toVisit(next);
  });
}
