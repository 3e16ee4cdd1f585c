import { assertCanWrite, forbidden } from "../kit";
import { owningOrgOf, type CaseRow } from "./caseOwnership";
import type { Context } from "./context";

/*
 * Per-record checks of the hand-over actions (issue 14), on top of the access matrix's role
 * gate. Ownership and the work on a case (assign, escalate, take over, priority, transfer,
 * tasks, promises) belong to the organization handling it now; the other parties keep read
 * access and may add notes. Supervisors may act on any case (the matrix: "allow").
 */

/** FORBIDDEN unless the caller's organization handles the case now (or a supervisor). */
export function assertHandlingOrganization(ctx: Context, row: CaseRow, action: string): void {
  assertCanWrite(ctx.caller, action);
  if (ctx.caller.role === "supervisor") return;
  const owning = owningOrgOf(row);
  if (ctx.caller.organization !== owning) {
    throw forbidden(`service case ${row.number} is handled by ${owning}; ${ctx.caller.organization} may not ${action} (only the handling organization or a supervisor may)`, { caseNumber: row.number, owningOrganization: owning });
  }
}

/** FORBIDDEN unless the caller's organization is the maker, the handling organization or a party. */
export async function assertCaseParty(ctx: Context, row: CaseRow, action: string): Promise<void> {
  assertCanWrite(ctx.caller, action);
  if (ctx.caller.role === "supervisor") return;
  if (ctx.caller.organization === owningOrgOf(row) || ctx.caller.organization === row.maker) return;
  const parties = await ctx.loaders.parties.load(row.number);
  if (parties.some((party) => party.organization === ctx.caller.organization)) return;
  throw forbidden(`${ctx.caller.organization} is not a party to service case ${row.number} (maker ${row.maker}) and may not ${action}`, { caseNumber: row.number });
}
