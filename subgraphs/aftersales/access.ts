import type { Selectable } from "kysely";
import { assertCanWrite, canSeeMakerData, forbidden, isPartner } from "../kit";
import type { Context } from "./context";
import type { ServiceCasesTable } from "./db/tables";

/*
 * Who may see which after-sales records (policy table: kit/authorization.ts). Reps,
 * supervisors and analysts see every maker's records; a partner sees a case when it is the
 * case's maker or one of its parties, and a registration or device of its own maker.
 * Everything goes through the per-request loaders after the batched load: the parties of
 * all cases in an answer come in one statement.
 */

type CaseRow = Selectable<ServiceCasesTable>;

export async function caseVisible(ctx: Context, row: CaseRow): Promise<boolean> {
  if (!isPartner(ctx.caller)) return canSeeMakerData(ctx.caller, row.maker);
  if (row.maker === ctx.caller.organization) return true;
  const parties = await ctx.loaders.parties.load(row.number);
  return canSeeMakerData(ctx.caller, row.maker, parties.map((party) => party.organization));
}

/** The case itself, or FORBIDDEN saying whose it is. */
export async function authorizeCase(ctx: Context, row: CaseRow): Promise<CaseRow> {
  if (await caseVisible(ctx, row)) return row;
  throw forbidden(`service case ${row.number} belongs to ${row.maker}; ${ctx.caller.organization} is neither its maker nor a party to it`, { caseNumber: row.number });
}

/** Lists leave out the cases a partner may not see. */
export async function visibleCases(ctx: Context, rows: CaseRow[]): Promise<CaseRow[]> {
  if (!isPartner(ctx.caller)) return rows;
  const visible = await Promise.all(rows.map((row) => caseVisible(ctx, row)));
  return rows.filter((_, index) => visible[index]);
}

/** A visit is visible with its case. */
export async function authorizeVisitCase(ctx: Context, visitId: string, caseNumber: string): Promise<void> {
  if (!isPartner(ctx.caller)) return;
  const row = await ctx.loaders.serviceCase.load(caseNumber);
  if (!row || !(await caseVisible(ctx, row))) {
    throw forbidden(`visit ${visitId} belongs to case ${caseNumber} of ${row?.maker ?? "another maker"}; ${ctx.caller.organization} is neither its maker nor a party to it`, { visitId });
  }
}

/**
 * Mutations: analysts and the system identity may not act; a partner only on its own
 * cases (the case's maker, or a party to it). Unknown ids pass on to the mutation's NOT_FOUND.
 */
export async function assertMayActOnCase(ctx: Context, caseNumber: string, action: string): Promise<void> {
  assertCanWrite(ctx.caller, action);
  if (!isPartner(ctx.caller)) return;
  const row = await ctx.loaders.serviceCase.load(caseNumber);
  if (row) await authorizeCase(ctx, row);
}

export async function assertMayActOnVisit(ctx: Context, visitId: string, action: string): Promise<void> {
  assertCanWrite(ctx.caller, action);
  if (!isPartner(ctx.caller)) return;
  const row = await ctx.loaders.visit.load(visitId);
  if (row) await authorizeVisitCase(ctx, visitId, row.case_number);
}

/** Registrations, devices and known issues belong to one maker. */
export function authorizeMakerRecord<T>(ctx: Context, maker: string, what: string, record: T): T {
  if (canSeeMakerData(ctx.caller, maker)) return record;
  throw forbidden(`${what} belongs to ${maker}; a ${ctx.caller.organization} partner sees only its own organization's records`);
}

/** A partner's share of a customer's registrations: its own maker's (one batched statement). */
export async function partnerOwnerIds(ctx: Context, ownerIds: string[]): Promise<string[]> {
  if (!isPartner(ctx.caller)) return ownerIds;
  const rows = await ctx.loaders.makerCustomer.loadMany(ownerIds);
  return ownerIds.filter((_, index) => {
    const row = rows[index];
    return !(row instanceof Error) && row?.maker === ctx.caller.organization;
  });
}
