import type { Selectable } from "kysely";
import type { CaseNotesTable, CaseTransfersTable } from "./db/ownershipTables";
import type { CaseNote } from "./types/CaseNote";
import type { CaseTransfer } from "./types/CaseTransfer";

/** Rows of the hand-over tables (issue 14) as the schema shows them. */
export function toCaseNote(row: Selectable<CaseNotesTable>): CaseNote {
  return { id: row.id, text: row.body, visibility: row.visibility, author: { name: row.author_name, role: row.author_role ?? undefined, organization: row.author_org }, createdAt: row.created_at };
}

export function toCaseTransfer(row: Selectable<CaseTransfersTable>): CaseTransfer {
  return { fromOrganization: row.from_org, toOrganization: row.to_org, reason: row.reason, by: { name: row.by_name, organization: row.by_org }, at: row.at };
}
