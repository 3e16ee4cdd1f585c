import { notFound } from "../../../common/errorCodes";
import type { CaseRow } from "../caseOwnership";
import type { Context } from "../context";
import { toServiceCase } from "../mappers";
import type { ServiceCase } from "../types/ServiceCase";
import "../db/ownershipTables";

/*
 * What every hand-over mutation (issue 14) shares: the case read for the per-record check
 * before the transaction (through the request's loader, like access.ts), and the answer
 * built after it with the request's caches dropped, so the fields the client asks for
 * (handler, handoffs, promises, ...) show the state just written, not the state before.
 */

export async function caseForAction(ctx: Context, caseNumber: string): Promise<CaseRow> {
  const row = await ctx.loaders.serviceCase.load(caseNumber);
  if (!row) throw notFound(`service case ${caseNumber} does not exist`, { argument: "caseNumber" });
  return row;
}

export function forgetCase(ctx: Context, caseNumber: string): void {
  const loaders = ctx.loaders;
  loaders.serviceCase.clear(caseNumber);
  loaders.caseHandlers.clear(caseNumber);
  loaders.parties.clear(caseNumber);
  loaders.casePromises.clear(caseNumber);
  loaders.callbacksByCase.clear(caseNumber);
  loaders.tasksByCase.clear(caseNumber);
  loaders.caseNotes.clear(caseNumber);
  loaders.caseTransfers.clear(caseNumber);
}

export function answerCase(ctx: Context, row: CaseRow): ServiceCase {
  forgetCase(ctx, row.number);
  return toServiceCase(row);
}
