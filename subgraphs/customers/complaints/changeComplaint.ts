import { conflict, notFound } from "../../../common/errorCodes";
import { actorOf, assignHandler, lateness, nowIso, recordEvent, releaseHandler, settleCommitments } from "../../kit";
import type { Context } from "../context";
import type { ComplaintsTable } from "../db/tables";
import { toComplaint } from "../mappers";
import type { Complaint } from "../types/Complaint";
import { idempotent } from "../mutations/idempotent";
import { complaintId as parseComplaintId, optionalText, text } from "../mutations/validation";
import { assertMayHandleComplaint } from "./complaintAccess";
import { COMPLAINT_MATTER, COMPLAINT_TRANSITIONS, ComplaintStatus } from "./complaintStates";

/*
 * The three moves of a filed complaint (complaintStates.ts). Each is one conditional update
 * on the status the transition starts from: of racing actions one wins, the rest get CONFLICT
 * naming the status they met.
 */

type Action = keyof typeof COMPLAINT_TRANSITIONS;

async function loadForAction(ctx: Context, id: string, action: Action, words: string) {
  const row = await ctx.db.selectFrom("complaints").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound(`complaint ${id} does not exist`, { argument: "complaintId" });
  assertMayHandleComplaint(ctx.caller, row, words);
  return row;
}

async function transition(trx: any, id: string, action: Action, set: Partial<ComplaintsTable>) {
  const { from, to } = COMPLAINT_TRANSITIONS[action];
  const updated = await trx.updateTable("complaints").set({ ...set, status: to }).where("id", "=", id).where("status", "in", [...from]).executeTakeFirst();
  const row = await trx.selectFrom("complaints").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  if (Number(updated.numUpdatedRows) === 0) {
    throw conflict(`complaint ${id} is ${row.status}; ${action} needs ${from.join(" or ")}`, { status: row.status, allowedFrom: [...from] });
  }
  return row;
}

export interface EscalateComplaintInput {
  complaintId: string;
  reason: string;
  newOwnerName?: string | null;
  newOwnerTeam?: string | null;
  idempotencyKey: string;
}

/** OPEN -> ESCALATED, optionally to a new owner (the complaints team); the reply date stays. */
export async function escalateComplaint(ctx: Context, input: EscalateComplaintInput): Promise<Complaint> {
  const id = parseComplaintId(input.complaintId);
  const reason = text(input.reason, "reason");
  const newOwner = optionalText(input.newOwnerName, "newOwnerName", 120);
  const newTeam = optionalText(input.newOwnerTeam, "newOwnerTeam", 120);
  const current = await loadForAction(ctx, id, "escalateComplaint", "escalate complaints");
  const actor = actorOf(ctx.caller);
  return idempotent(ctx, input, "escalateComplaint", async (trx) => {
    const at = nowIso();
    const set: Partial<ComplaintsTable> = { escalated: 1 };
    if (newOwner) Object.assign(set, { owner_name: newOwner, owner_team: newTeam });
    const row = await transition(trx, id, "escalateComplaint", set);
    if (newOwner) await assignHandler(trx, { kind: COMPLAINT_MATTER, id }, { name: newOwner, team: newTeam, organization: current.against_org }, at, `escalated: ${reason}`);
    await recordEvent(trx, {
      ownerId: row.customer_id,
      at,
      kind: "COMPLAINT_ESCALATED",
      summary: `Complaint ${id} escalated by ${actor.name} (${actor.organization})${newOwner ? ` to ${newOwner}${newTeam ? ` (${newTeam})` : ""}` : ""}: ${reason}`,
      actor,
      subjectType: "Complaint",
      subjectId: id,
      payload: { reason, newOwner: newOwner ? { name: newOwner, team: newTeam, organization: current.against_org } : null },
    });
    return toComplaint(row);
  });
}

export interface AnswerComplaintInput {
  complaintId: string;
  answer: string;
  idempotencyKey: string;
}

/** OPEN or ESCALATED -> ANSWERED: the reply promise is kept (late, if it was), nobody handles it any more. */
export async function answerComplaint(ctx: Context, input: AnswerComplaintInput): Promise<Complaint> {
  const id = parseComplaintId(input.complaintId);
  const answer = text(input.answer, "answer", 2000);
  await loadForAction(ctx, id, "answerComplaint", "answer complaints");
  const actor = actorOf(ctx.caller);
  return idempotent(ctx, input, "answerComplaint", async (trx) => {
    const at = nowIso();
    const row = await transition(trx, id, "answerComplaint", { answer, answered_at: at, answered_by_name: actor.name, answered_by_org: actor.organization });
    const matter = { kind: COMPLAINT_MATTER, id };
    await settleCommitments(trx, matter, "KEPT", at);
    await releaseHandler(trx, matter, at);
    const lateMinutes = row.due_at ? Math.floor((Date.parse(at) - Date.parse(row.due_at)) / 60_000) : 0;
    await recordEvent(trx, {
      ownerId: row.customer_id,
      at,
      kind: "COMPLAINT_ANSWERED",
      summary: `Complaint ${id} answered by ${actor.name} (${actor.organization})${lateMinutes > 0 ? `, ${lateness(lateMinutes)}` : ""}: ${answer}`,
      actor,
      subjectType: "Complaint",
      subjectId: id,
      payload: { lateMinutes: Math.max(0, lateMinutes) },
    });
    return toComplaint(row);
  });
}

export interface CloseComplaintInput {
  complaintId: string;
  note?: string | null;
  idempotencyKey: string;
}

/** ANSWERED -> RESOLVED: the customer accepted the answer (or the desk closes it after it). */
export async function closeComplaint(ctx: Context, input: CloseComplaintInput): Promise<Complaint> {
  const id = parseComplaintId(input.complaintId);
  const note = optionalText(input.note, "note");
  await loadForAction(ctx, id, "closeComplaint", "close complaints");
  const actor = actorOf(ctx.caller);
  return idempotent(ctx, input, "closeComplaint", async (trx) => {
    const at = nowIso();
    const row = await transition(trx, id, "closeComplaint", { resolved_at: at });
    await recordEvent(trx, {
      ownerId: row.customer_id,
      at,
      kind: "COMPLAINT_CLOSED",
      summary: `Complaint ${id} closed by ${actor.name} (${actor.organization})${note ? `: ${note}` : ""}`,
      actor,
      subjectType: "Complaint",
      subjectId: id,
    });
    return toComplaint(row);
  });
}

export { ComplaintStatus };
