import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { cstTime, nowIso, recordEvent, releaseHandler, settleCommitments } from "../../kit";
import type { EventCatalogue } from "../../kit/events/catalogue";
import type { DomainEvent, Reaction } from "../../kit/events/reaction";
import type { DB, FieldJobsTable } from "../db/tables";
import { CONTRACTOR_ORG, FIELD_JOB_MATTER, OPEN_STATUSES } from "../domain/contractor";
import { dispatchOnWordOf, whoSaid } from "./onWordOf";

/*
 * S1, S5, reschedule: the contractor's job follows the maker's visit. When the maker's visit
 * is cancelled (by whoever told the maker, S1: the retailer's rep) or its case is resolved by
 * the customer (S5), the job is cancelled and the technician told not to come; when the visit
 * moves, the job moves to the new visit and window. One consumer for all three, so the
 * changes of one visit apply in the order the maker made them (a reschedule, then a cancel
 * of the new visit). Only the maker's own visits move its jobs (the job's maker_org must be
 * the event's maker), and every update is conditional on the job still being open and on
 * the visit it was on: a late or repeated event changes nothing.
 */

type Cancelled = EventCatalogue["visit.cancelled"];
type Rescheduled = EventCatalogue["visit.rescheduled"];
type Resolved = EventCatalogue["case.resolved_by_customer"];

async function openJobs(trx: Kysely<DB>, visitIds: string[], maker: string | undefined): Promise<FieldJobsTable[]> {
  if (visitIds.length === 0) return [];
  let query = trx.selectFrom("field_jobs").selectAll().where("visit_id", "in", visitIds).where("status", "in", [...OPEN_STATUSES]);
  if (maker) query = query.where("maker_org", "=", maker);
  return query.orderBy("id").execute();
}

function jobFacts(job: FieldJobsTable, event: DomainEvent, caseNumber: string | undefined) {
  return {
    jobId: job.id,
    visitId: job.visit_id,
    caseNumber,
    maker: job.maker_org,
    contractor: CONTRACTOR_ORG,
    technicianName: job.technician_name,
    technicianPhone: job.technician_phone,
    status: job.status,
    eta: job.eta,
    causeEventId: event.id,
    onWordOf: event.actor ? { name: event.actor.name, role: event.actor.role ?? null, organization: event.actor.organization } : undefined,
  };
}

async function cancelJobs(trx: Kysely<DB>, event: DomainEvent, visitIds: string[], maker: string | undefined, caseNumber: string | undefined, why: (job: FieldJobsTable) => string): Promise<void> {
  for (const job of await openJobs(trx, visitIds, maker)) {
    const at = nowIso();
    const reason = why(job);
    const updated = await trx
      .updateTable("field_jobs")
      .set({ status: "CANCELLED", cancel_reason: reason, eta: null, updated_at: at })
      .where("id", "=", job.id)
      .where("visit_id", "=", job.visit_id)
      .where("status", "in", [...OPEN_STATUSES])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) continue;
    const actor = dispatchOnWordOf(event, job.maker_org);
    const matter = { kind: FIELD_JOB_MATTER, id: job.id };
    await releaseHandler(trx, matter, at);
    await settleCommitments(trx, matter, "CANCELLED", at);
    await trx.insertInto("job_notes").values({ id: randomUUID(), job_id: job.id, at, author: actor.name, text: `Cancelled: ${reason}` }).execute();
    await recordEvent(trx, {
      ownerId: job.owner_id,
      at,
      kind: "JOB_CANCELLED",
      summary: `快修到家 Kuaixiu job ${job.id} cancelled: ${reason}. Technician ${job.technician_name} will not come.`,
      actor,
      subjectType: "FieldJob",
      subjectId: job.id,
      payload: { ...jobFacts({ ...job, status: "CANCELLED", eta: null }, event, caseNumber), reason },
    });
  }
}

async function visitCancelled(trx: Kysely<DB>, event: DomainEvent, p: Cancelled): Promise<void> {
  const visitId = p.visitId ?? p.subjectId;
  const because = p.resolvedByCustomer ? "resolved by the customer" : (p.reason ?? "no reason given");
  await cancelJobs(trx, event, [visitId], p.maker, p.caseNumber, (job) => `${job.maker_org} visit ${visitId} cancelled by ${whoSaid(event)} — ${because}`);
}

async function caseResolved(trx: Kysely<DB>, event: DomainEvent, p: Resolved): Promise<void> {
  const note = p.reason ? ` ("${p.reason}")` : "";
  await cancelJobs(trx, event, p.cancelledVisitIds ?? [], p.maker, p.caseNumber, (job) => `${job.maker_org} case ${p.caseNumber} closed by ${whoSaid(event)} — resolved by the customer${note}`);
}

async function visitRescheduled(trx: Kysely<DB>, event: DomainEvent, p: Rescheduled): Promise<void> {
  const from = p.previousVisitId;
  const to = p.newVisitId ?? p.subjectId;
  if (!from || !to || !p.windowStart || !p.windowEnd) return;
  for (const job of await openJobs(trx, [from], p.maker)) {
    const at = nowIso();
    // The technician is expected at the start of the new window until they update the ETA.
    const eta = p.windowStart;
    const updated = await trx
      .updateTable("field_jobs")
      .set({ visit_id: to, eta, status: "ASSIGNED", updated_at: at })
      .where("id", "=", job.id)
      .where("visit_id", "=", from)
      .where("status", "in", [...OPEN_STATUSES])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) continue;
    // Promises to the customer (call 30 minutes before arrival) move with the window.
    const shift = p.previousWindowStart ? new Date(p.windowStart).getTime() - new Date(p.previousWindowStart).getTime() : 0;
    const promises = await trx.selectFrom("commitments").select(["id", "due_at"]).where("matter_kind", "=", FIELD_JOB_MATTER).where("matter_id", "=", job.id).where("status", "=", "OPEN").execute();
    for (const promise of promises) {
      await trx.updateTable("commitments").set({ due_at: new Date(new Date(promise.due_at).getTime() + shift).toISOString() }).where("id", "=", promise.id).where("status", "=", "OPEN").execute();
    }
    const window = `${cstTime(p.windowStart)} to ${cstTime(p.windowEnd)} (China time)`;
    const reason = `${job.maker_org} visit ${from} moved to ${to}, ${window}, by ${whoSaid(event)}`;
    const actor = dispatchOnWordOf(event, job.maker_org);
    await trx.insertInto("job_notes").values({ id: randomUUID(), job_id: job.id, at, author: actor.name, text: `Moved: ${reason}` }).execute();
    await recordEvent(trx, {
      ownerId: job.owner_id,
      at,
      kind: "JOB_MOVED",
      summary: `快修到家 Kuaixiu job ${job.id} moved: ${reason}. Technician ${job.technician_name} now expected at ${cstTime(eta)} (China time).`,
      actor,
      subjectType: "FieldJob",
      subjectId: job.id,
      payload: { ...jobFacts({ ...job, visit_id: to, eta, status: "ASSIGNED" }, event, p.caseNumber), previousVisitId: from, windowStart: p.windowStart, windowEnd: p.windowEnd },
    });
  }
}

export const jobFollowsVisit: Reaction<DB> = {
  consumer: "fieldservice.job-follows-visit",
  sources: ["aftersales"],
  types: ["visit.cancelled", "visit.rescheduled", "case.resolved_by_customer"],
  async handle(event, trx) {
    const payload = event.payload as unknown;
    if (event.type === "visit.cancelled") return visitCancelled(trx, event, payload as Cancelled);
    if (event.type === "visit.rescheduled") return visitRescheduled(trx, event, payload as Rescheduled);
    if (event.type === "case.resolved_by_customer") return caseResolved(trx, event, payload as Resolved);
  },
};
