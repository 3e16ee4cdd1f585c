import { randomUUID } from "node:crypto";
import { assignHandler, nowIso } from "../../kit";
import { OwnershipState, owningOrgOf } from "../caseOwnership";
import { MatterKind } from "../caseStatus";
import type { Context } from "../context";
import { dueTime, optionalText, priority as priorityOf } from "../handOverValidation";
import { toEngineeringTask } from "../mappers";
import type { EngineeringTask } from "../types/EngineeringTask";
import { identifier, text } from "../validation";
import { forgetCase } from "./handOverSupport";
import { actOnCase, recordCaseEvent } from "./caseAction";
import { actorOf } from "./idempotent";
import { withOwner } from "../handOverMappers";

export interface CreateEngineeringTaskInput {
  caseNumber: string;
  title: string;
  priority: string;
  assigneeName: string;
  assigneeTeam?: string | null;
  dueAt: string;
  idempotencyKey: string;
}

/**
 * S7: "an engineer verifies over the weekend". The handling organization asks an engineer
 * for a verification, due at a time; the task is OPEN, its handler the engineer, and it is
 * one of the customer's open matters until completed (completeEngineeringTask).
 */
export async function createEngineeringTask(ctx: Context, input: CreateEngineeringTaskInput): Promise<EngineeringTask> {
  const caseNumber = identifier(input.caseNumber, "caseNumber", "caseNumber");
  const title = text(input.title, "title", 200);
  const priority = priorityOf(input.priority);
  const assigneeName = text(input.assigneeName, "assigneeName", 100);
  const assigneeTeam = optionalText(input.assigneeTeam, "assigneeTeam", 100);
  const dueAt = dueTime(input.dueAt, "dueAt");
  const actor = actorOf(ctx.caller);
  return actOnCase(ctx, input, caseNumber, { operation: "createEngineeringTask", may: "open engineering tasks", from: [OwnershipState.QUEUED, OwnershipState.ASSIGNED, OwnershipState.ESCALATED], doing: "open an engineering task on it" }, async (trx, row) => {
    const at = nowIso();
    const id = `ENG-${randomUUID().slice(0, 8).toUpperCase()}`;
    const organization = owningOrgOf(row);
    const task = { id, case_number: caseNumber, owner_id: row.owner_id, title, priority, status: "OPEN", assignee_name: assigneeName, assignee_team: assigneeTeam, assignee_org: organization, opened_at: at, done_at: null, outcome: null, due_at: dueAt };
    await trx.insertInto("engineering_tasks").values(task).execute();
    await assignHandler(trx, { kind: MatterKind.ENGINEERING_TASK, id }, { name: assigneeName, team: assigneeTeam, organization, tier: "L3" }, at, `verification requested by ${actor.name}`);
    await recordCaseEvent(trx, row, {
      at,
      kind: "TASK_OPENED",
      summary: `Engineering verification ${id} (priority ${priority}, due ${dueAt}) assigned to ${assigneeName}${assigneeTeam ? ` (${assigneeTeam})` : ""} by ${actor.name} (${actor.organization}): ${title}`,
      actor,
      payload: { caseNumber, taskId: id, dueAt, assignee: assigneeName },
    });
    forgetCase(ctx, caseNumber);
    return withOwner(toEngineeringTask(task), task.owner_id);
  });
}
