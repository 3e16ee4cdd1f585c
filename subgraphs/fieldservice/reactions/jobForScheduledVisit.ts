import type { Kysely } from "kysely";
import { assignHandler, recordEvent } from "../../kit";
import type { VisitScheduledPayload } from "../../kit/events/catalogue";
import type { DomainEvent, Reaction } from "../../kit/events/reaction";
import type { DB } from "../db/tables";
import { CONTRACTOR_ORG, FIELD_JOB_MATTER, KUAIXIU_DISPATCH } from "../domain/contractor";

/** "VIS-N12345678" -> "FJ-KX-N12345678": one job id per visit, so a second delivery cannot make a second job. */
export function jobIdForVisit(visitId: string): string {
  return `FJ-KX-${visitId.replace(/^VIS-/, "")}`;
}

/** "2026-11-06 14:00-18:00 (China time)". */
function chinaWindow(startIso: string, endIso: string): string {
  const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  const start = local(startIso);
  const end = local(endIso);
  return `${start.slice(0, 10)} ${start.slice(11, 16)}-${end.slice(11, 16)} (China time)`;
}

/**
 * Issue 13: when a maker books a visit that Kuaixiu works (aftersales `visit.scheduled` naming
 * contractor "kuaixiu"), Kuaixiu opens the field job for it, as FJ-KX-0001 is for VIS-0001 in
 * the seed: the technician the maker booked, its phone, a note with the fault, the job's
 * handler, and a timeline entry saying on whose word. Visits of other contractors (or the
 * maker's own center) are not Kuaixiu's business.
 */
export const jobForScheduledVisit: Reaction<DB> = {
  consumer: "fieldservice.job-for-scheduled-visit",
  sources: ["aftersales"],
  types: ["visit.scheduled"],
  async handle(event: DomainEvent, trx: Kysely<DB>): Promise<void> {
    if (event.type !== "visit.scheduled") return;
    const payload = event.payload as unknown as VisitScheduledPayload;
    if (payload.contractor !== CONTRACTOR_ORG || !payload.visitId) return;
    const jobId = jobIdForVisit(payload.visitId);
    const existing = await trx.selectFrom("field_jobs").select("id").where("id", "=", jobId).executeTakeFirst();
    if (existing) return;
    const at = event.occurredAt;
    const technicianName = payload.technicianName ?? "快修到家调度 Kuaixiu dispatch (technician to be assigned)";
    const technicianPhone = payload.technicianPhone ?? "";
    await trx
      .insertInto("field_jobs")
      .values({
        id: jobId,
        visit_id: payload.visitId,
        owner_id: event.ownerId,
        maker_org: payload.maker,
        status: "ASSIGNED",
        technician_name: technicianName,
        technician_phone: technicianPhone,
        lat_e6: null,
        lng_e6: null,
        position_at: null,
        eta: null,
        cancel_reason: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    if (payload.note) await trx.insertInto("job_notes").values({ id: `${jobId}-1`, job_id: jobId, at, author: KUAIXIU_DISPATCH.name, text: payload.note }).execute();
    if (payload.technicianName) {
      await assignHandler(trx, { kind: FIELD_JOB_MATTER, id: jobId }, { name: technicianName, organization: CONTRACTOR_ORG, phone: technicianPhone || null }, at, `Dispatched by Kuaixiu for ${payload.maker} visit ${payload.visitId}`);
    }
    const bookedBy = event.actor ? `${event.actor.name} (${event.actor.organization})` : payload.maker;
    await recordEvent(trx, {
      ownerId: event.ownerId,
      at,
      kind: "TECHNICIAN_DISPATCHED",
      summary: `快修到家 Kuaixiu dispatched ${technicianName}${technicianPhone ? ` (${technicianPhone})` : ""} for ${payload.maker} visit ${payload.visitId}, ${chinaWindow(payload.windowStart, payload.windowEnd)}: booked by ${bookedBy} in case ${payload.caseNumber}`,
      actor: KUAIXIU_DISPATCH,
      subjectType: "FieldJob",
      subjectId: jobId,
      payload: { visitId: payload.visitId, caseNumber: payload.caseNumber, causedBy: event.id },
    });
  },
};
