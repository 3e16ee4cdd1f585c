import type { CaseRow } from "../caseOwnership";

/** What the one opening a case says of it; the rest is the same for every new case (openedCaseRow). */
export type OpenedCaseFields = Omit<CaseRow, "closed_at" | "resolution" | "resolved_by" | "priority" | "tier" | "ownership_version">;

/**
 * A new service case row, whichever way it was opened (openServiceCase by its maker,
 * openServiceCaseFromReturn from a retailer's return): unresolved, NORMAL priority, at the
 * first tier (L1), with no ownership change yet (version 0).
 */
export function openedCaseRow(fields: OpenedCaseFields): CaseRow {
  return { ...fields, closed_at: null, resolution: null, resolved_by: null, priority: "NORMAL", tier: "L1", ownership_version: 0 };
}
