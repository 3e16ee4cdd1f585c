import type { Transaction } from "kysely";
import { conflict, notFound } from "../../../common/errorCodes";
import { nowIso, recordEvent, releaseHandler, settleCommitments, type ActorInput, type EventInput } from "../../kit";
import { beijingWindow, CLOSABLE_CASE_STATUSES, MatterKind, OPEN_TASK_STATUSES } from "../caseStatus";
import { assertMayActOnCase } from "../access";
import type { Context } from "../context";
import type { DB } from "../db/tables";
import { toServiceCase } from "../mappers";
import type { ServiceCase } from "../types/ServiceCase";
import { identifier, text } from "../validation";
import { actorOf, idempotent } from "./idempotent";
import { caseFacts } from "./casePayload";

export interface ResolveCaseInput {
  caseNumber: string;
  note: string;
  idempotencyKey: string;
}

/**
 * S5: the customer fixed it himself. Recorded once, by whichever party hears it, and every
 * party's open work on the case (visits, callbacks, verification tasks, promises, owners)
 * ends with it, so nobody calls again "unaware that it is resolved".
 */
export async function resolveCaseByCustomer(ctx: Context, input: ResolveCaseInput): Promise<ServiceCase> {
  const caseNumber = identifier(input.caseNumber, "caseNumber", "caseNumber");
  const note = text(input.note, "note");
  const actor = actorOf(ctx.caller);
  await assertMayActOnCase(ctx, caseNumber, "close cases");
  return idempotent(ctx, input, "resolveCaseByCustomer", async (trx) => {
    const at = nowIso();
    const updated = await trx
      .updateTable("service_cases")
      .set({ status: "CLOSED", closed_at: at, resolution: note, resolved_by: "CUSTOMER" })
      .where("number", "=", caseNumber)
      .where("status", "in", [...CLOSABLE_CASE_STATUSES])
      .executeTakeFirst();
    const row = await trx.selectFrom("service_cases").selectAll().where("number", "=", caseNumber).executeTakeFirst();
    if (!row) throw notFound(`service case ${caseNumber} does not exist`, { argument: "caseNumber" });
    if (Number(updated.numUpdatedRows) === 0) throw conflict(`service case ${caseNumber} is already ${row.status}`, { status: row.status });

    const closeWork = { trx, at, actor, ownerId: row.owner_id, caseNumber };
    const visits = await cancelOpenVisits(closeWork);
    const callbacks = await cancelOpenCallbacks(closeWork);
    const tasks = await cancelOpenTasks(closeWork);

    await settleCommitments(trx, { kind: MatterKind.SERVICE_CASE, id: caseNumber }, "CANCELLED", at);
    await releaseHandler(trx, { kind: MatterKind.SERVICE_CASE, id: caseNumber }, at);
    const closedWork = [plural(visits.length, "visit"), plural(callbacks, "callback"), plural(tasks, "engineering task")].filter(Boolean).join(", ");
    await recordEvent(trx, {
      ownerId: row.owner_id,
      at,
      kind: "CASE_RESOLVED_BY_CUSTOMER",
      summary: `Case ${caseNumber} closed: resolved by the customer ("${note}"), reported by ${actor.name} (${actor.organization})${closedWork ? `; cancelled ${closedWork}` : ""}`,
      actor,
      subjectType: "ServiceCase",
      subjectId: caseNumber,
      payload: { ...(await caseFacts(trx, caseNumber, actor)), reason: note, cancelledVisitIds: visits },
    });
    return toServiceCase(row);
  });
}

interface CloseWork {
  trx: Transaction<DB>;
  at: string;
  actor: ActorInput;
  ownerId: string;
  caseNumber: string;
}

/** A piece of the case's open work ends with it: nobody handles it any more, its promises are cancelled. */
async function endMatter({ trx, at }: CloseWork, matter: { kind: string; id: string }): Promise<void> {
  await releaseHandler(trx, matter, at);
  await settleCommitments(trx, matter, "CANCELLED", at);
}

/** One event of the closing in the customer's timeline, by the one who reported it. */
async function recordClosing({ trx, at, actor, ownerId }: CloseWork, event: Pick<EventInput, "kind" | "summary" | "subjectType" | "subjectId" | "payload">): Promise<void> {
  await recordEvent(trx, { ownerId, at, actor, ...event });
}

function plural(count: number, noun: string): string {
  return count === 0 ? "" : `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Cancels the case's scheduled visits (one event each, so the contractor hears of every one); returns their ids. */
async function cancelOpenVisits(work: CloseWork): Promise<string[]> {
  const { trx, at, actor, caseNumber } = work;
  const open = await trx.selectFrom("visits").selectAll().where("case_number", "=", caseNumber).where("status", "=", "SCHEDULED").execute();
  if (open.length === 0) return [];
  await trx
    .updateTable("visits")
    .set({ status: "CANCELLED", cancel_reason: "Resolved by the customer", cancelled_by_name: actor.name, cancelled_by_role: actor.role ?? null, cancelled_by_org: actor.organization, cancelled_at: at })
    .where("case_number", "=", caseNumber)
    .where("status", "=", "SCHEDULED")
    .execute();
  const facts = await caseFacts(trx, caseNumber, actor);
  for (const visit of open) {
    await endMatter(work, { kind: MatterKind.VISIT, id: visit.id });
    await recordClosing(work, {
      kind: "VISIT_CANCELLED",
      summary: `Technician visit ${visit.id} on ${beijingWindow(visit.window_start, visit.window_end)} cancelled: case ${caseNumber} resolved by the customer`,
      subjectType: "Visit",
      subjectId: visit.id,
      payload: { ...facts, visitId: visit.id, reason: "resolved by the customer", windowStart: visit.window_start, windowEnd: visit.window_end, resolvedByCustomer: true },
    });
  }
  return open.map((visit) => visit.id);
}

async function cancelOpenCallbacks(work: CloseWork): Promise<number> {
  const { trx, at, caseNumber } = work;
  const open = await trx.selectFrom("callbacks").selectAll().where("case_number", "=", caseNumber).where("status", "=", "OPEN").execute();
  if (open.length === 0) return 0;
  await trx
    .updateTable("callbacks")
    .set({ status: "CANCELLED", done_at: at, outcome: "Not needed: resolved by the customer" })
    .where("case_number", "=", caseNumber)
    .where("status", "=", "OPEN")
    .execute();
  for (const callback of open) {
    await endMatter(work, { kind: MatterKind.CALLBACK, id: callback.id });
    await recordClosing(work, {
      kind: "CALLBACK_CANCELLED",
      summary: `Callback by ${callback.promised_by_name} (${callback.promised_by_org}) cancelled, no call needed: case ${caseNumber} resolved by the customer`,
      subjectType: "ServiceCase",
      subjectId: caseNumber,
    });
  }
  return open.length;
}

async function cancelOpenTasks(work: CloseWork): Promise<number> {
  const { trx, at, caseNumber } = work;
  const open = await trx.selectFrom("engineering_tasks").selectAll().where("case_number", "=", caseNumber).where("status", "in", [...OPEN_TASK_STATUSES]).execute();
  if (open.length === 0) return 0;
  await trx
    .updateTable("engineering_tasks")
    .set({ status: "CANCELLED", done_at: at, outcome: "Not needed: resolved by the customer" })
    .where("case_number", "=", caseNumber)
    .where("status", "in", [...OPEN_TASK_STATUSES])
    .execute();
  for (const task of open) {
    await releaseHandler(trx, { kind: MatterKind.ENGINEERING_TASK, id: task.id }, at);
    await recordClosing(work, {
      kind: "ENGINEERING_TASK_CANCELLED",
      summary: `Engineering task "${task.title}" cancelled: case ${caseNumber} resolved by the customer`,
      subjectType: "ServiceCase",
      subjectId: caseNumber,
    });
  }
  return open.length;
}
