import { conflict, notFound } from "../../../common/errorCodes";
import { assertCanWrite, lateness, nowIso, recordEvent, releaseHandler } from "../../kit";
import { OPEN_TASK_STATUSES, MatterKind } from "../caseStatus";
import type { Context } from "../context";
import { handOverId } from "../handOverValidation";
import { assertHandlingOrganization } from "../manageAccess";
import { toEngineeringTask } from "../mappers";
import type { EngineeringTask } from "../types/EngineeringTask";
import { text } from "../validation";
import { caseForAction, forgetCase } from "./handOverSupport";
import { actorOf, idempotent } from "./idempotent";
import { withOwner } from "../handOverMappers";

export interface CompleteEngineeringTaskInput {
  taskId: string;
  result: string;
  idempotencyKey: string;
}

/**
 * The engineer's result ("not supported on ARM"): OPEN or IN_PROGRESS -> DONE, once. A task
 * done or cancelled is CONFLICT with its status; of racing completions one wins. Done after
 * its due time, the timeline says how late.
 */
export async function completeEngineeringTask(ctx: Context, input: CompleteEngineeringTaskInput): Promise<EngineeringTask> {
  const taskId = handOverId(input.taskId, "taskId", "taskId");
  const result = text(input.result, "result", 1000);
  const actor = actorOf(ctx.caller);
  assertCanWrite(ctx.caller, "complete engineering tasks");
  const found = await ctx.loaders.task.load(taskId);
  if (!found) throw notFound(`engineering task ${taskId} does not exist`, { argument: "taskId" });
  const serviceCase = await caseForAction(ctx, found.case_number);
  // The engineer's own organization or the one handling the case now.
  if (ctx.caller.organization !== found.assignee_org) assertHandlingOrganization(ctx, serviceCase, "complete engineering tasks");
  return idempotent(ctx, input, "completeEngineeringTask", async (trx) => {
    const at = nowIso();
    const updated = await trx
      .updateTable("engineering_tasks")
      .set({ status: "DONE", done_at: at, outcome: result })
      .where("id", "=", taskId)
      .where("status", "in", [...OPEN_TASK_STATUSES])
      .executeTakeFirst();
    const task = await trx.selectFrom("engineering_tasks").selectAll().where("id", "=", taskId).executeTakeFirst();
    if (!task) throw notFound(`engineering task ${taskId} does not exist`, { argument: "taskId" });
    if (Number(updated.numUpdatedRows) === 0) throw conflict(`engineering task ${taskId} is ${task.status} and cannot be completed again`, { status: task.status });
    await releaseHandler(trx, { kind: MatterKind.ENGINEERING_TASK, id: taskId }, at);
    const lateMinutes = task.due_at ? Math.floor((Date.parse(at) - Date.parse(task.due_at)) / 60_000) : 0;
    await recordEvent(trx, {
      ownerId: task.owner_id,
      at,
      kind: "TASK_DONE",
      summary: `Verification ${taskId} done by ${actor.name} (${actor.organization})${lateMinutes > 0 ? `, ${lateness(lateMinutes)}` : ""}: ${result}`,
      actor,
      subjectType: "ServiceCase",
      subjectId: task.case_number,
      payload: { caseNumber: task.case_number, taskId, result },
    });
    forgetCase(ctx, task.case_number);
    return withOwner(toEngineeringTask(task), task.owner_id);
  });
}
