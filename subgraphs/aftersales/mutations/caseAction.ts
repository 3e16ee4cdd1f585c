import type { Transaction } from "kysely";
import { recordEvent, type EventInput } from "../../kit";
import { caseInTransaction, requireState, type CaseRow, type OwnershipStateName } from "../caseOwnership";
import type { Context } from "../context";
import type { DB } from "../db/tables";
import { assertHandlingOrganization } from "../manageAccess";
import { caseForAction } from "./handOverSupport";
import { idempotent } from "./idempotent";

/** One action the organization handling a case takes on it (issue 14, docs/STATE_MACHINES.md). */
export interface CaseAction {
  /** The mutation: the idempotency key's scope. */
  operation: string;
  /** What FORBIDDEN says the caller may not do ("assign cases"). */
  may: string;
  /** The ownership states it may start from. */
  from: readonly OwnershipStateName[];
  /** What CONFLICT says could not be done from another state ("assign it"). */
  doing: string;
}

/**
 * The checks every such action makes around its own step: the handling organization before
 * the transaction (on the case through the request's loader) and again on the row read in it,
 * then the ownership state. `step` runs in the transaction, once per idempotency key, with
 * the row it checked.
 */
export async function actOnCase<T>(ctx: Context, input: { idempotencyKey: string }, caseNumber: string, action: CaseAction, step: (trx: Transaction<DB>, row: CaseRow) => Promise<T>): Promise<T> {
  assertHandlingOrganization(ctx, await caseForAction(ctx, caseNumber), action.may);
  return idempotent(ctx, input, action.operation, async (trx) => {
    const row = await caseInTransaction(trx, caseNumber);
    assertHandlingOrganization(ctx, row, action.may);
    requireState(row, action.from, action.doing);
    return step(trx, row);
  });
}

/** An event in the timeline of the case's customer, about the case. */
export function recordCaseEvent(trx: Transaction<DB>, row: CaseRow, event: Omit<EventInput, "ownerId" | "subjectType" | "subjectId">): Promise<string> {
  return recordEvent(trx, { ...event, ownerId: row.owner_id, subjectType: "ServiceCase", subjectId: row.number });
}
