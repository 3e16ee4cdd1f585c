import type { Selectable, Transaction } from "kysely";
import { conflict, notFound } from "../../common/errorCodes";
import type { HandlerInput } from "../kit";
import { OPEN_CASE_STATUSES } from "./caseStatus";
import type { DB, ServiceCasesTable } from "./db/tables";
import "./db/ownershipTables";

/*
 * The case-ownership state machine (docs/STATE_MACHINES.md, "Case ownership"). Every action
 * reads the case in its transaction, checks the transition, then moves it with ONE
 * conditional update on the version it read: of racing actions exactly one matches, the
 * others see 0 rows updated and answer CONFLICT with the state the winner left.
 */

export const OwnershipState = { QUEUED: "QUEUED", ASSIGNED: "ASSIGNED", ESCALATED: "ESCALATED", CLOSED: "CLOSED" } as const;
export type OwnershipStateName = (typeof OwnershipState)[keyof typeof OwnershipState];

export const TIERS = ["L1", "L2", "L3"] as const;
export type Tier = (typeof TIERS)[number];

const TIER_TEAMS: Record<string, string> = {
  L1: "first line (L1)",
  L2: "second-line experts (L2)",
  L3: "engineering (L3)",
};

export type CaseRow = Selectable<ServiceCasesTable>;

/** Rows written before migration 005 (the seeds) carry no state: open ones are owned. */
export function ownershipOf(row: CaseRow): OwnershipStateName {
  if (!(OPEN_CASE_STATUSES as readonly string[]).includes(row.status)) return OwnershipState.CLOSED;
  return (row.ownership_state as OwnershipStateName | null) ?? OwnershipState.ASSIGNED;
}

export function owningOrgOf(row: CaseRow): string {
  return row.owning_org ?? row.maker;
}

/** What CONFLICT carries, so a client can show the case as it is now. */
export function currentState(row: CaseRow): Record<string, unknown> {
  return { status: row.status, ownershipState: ownershipOf(row), tier: row.tier, priority: row.priority, owningOrganization: owningOrgOf(row) };
}

export function nextTier(tier: string): Tier | null {
  const index = TIERS.indexOf(tier as Tier);
  return index >= 0 && index < TIERS.length - 1 ? TIERS[index + 1] : null;
}

/** The team queue a case waits in when nobody in particular owns it yet. */
export function queueHandler(organization: string, tier: string): HandlerInput {
  return { name: `${organization} ${TIER_TEAMS[tier] ?? tier} queue`, team: TIER_TEAMS[tier] ?? tier, organization, tier };
}

export async function caseInTransaction(trx: Transaction<DB>, caseNumber: string): Promise<CaseRow> {
  const row = await trx.selectFrom("service_cases").selectAll().where("number", "=", caseNumber).executeTakeFirst();
  if (!row) throw notFound(`service case ${caseNumber} does not exist`, { argument: "caseNumber" });
  return row;
}

/** CONFLICT unless the case is in one of `from` (open states only). */
export function requireState(row: CaseRow, from: readonly OwnershipStateName[], action: string): void {
  const state = ownershipOf(row);
  if (!from.includes(state)) {
    const why = state === OwnershipState.CLOSED ? `is ${row.status}` : `is ${state} (${row.tier}, handled by ${owningOrgOf(row)})`;
    throw conflict(`service case ${row.number} ${why}: cannot ${action}`, currentState(row));
  }
}

/**
 * The one conditional update of an ownership action: applies `set` only if the case is
 * still at the version `row` was read at. Loses (CONFLICT with the winner's state) otherwise.
 */
export async function moveCase(trx: Transaction<DB>, row: CaseRow, set: Partial<Omit<ServiceCasesTable, "number">>, action: string): Promise<CaseRow> {
  const version = Number(row.ownership_version ?? 0);
  const updated = await trx
    .updateTable("service_cases")
    .set({ ...set, ownership_version: version + 1 })
    .where("number", "=", row.number)
    .where("ownership_version", "=", version)
    .executeTakeFirst();
  const now = await caseInTransaction(trx, row.number);
  if (Number(updated.numUpdatedRows) === 0) throw conflict(`service case ${row.number} changed meanwhile (now ${ownershipOf(now)}, ${now.tier}, ${owningOrgOf(now)}): cannot ${action}`, currentState(now));
  return now;
}
