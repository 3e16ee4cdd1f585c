import type { Selectable } from "kysely";
import type { CaseNotesTable, CaseTransfersTable } from "./db/ownershipTables";
import type { CaseNote } from "./types/CaseNote";
import type { CaseTransfer } from "./types/CaseTransfer";

/** Rows of the hand-over tables (issue 14) as the schema shows them. */
export function toCaseNote(row: Selectable<CaseNotesTable>): CaseNote {
  return { ownerId: row.owner_id, id: row.id, text: row.body, visibility: row.visibility, author: { name: row.author_name, role: row.author_role ?? undefined, organization: row.author_org }, createdAt: row.created_at };
}

export function toCaseTransfer(row: Selectable<CaseTransfersTable>): CaseTransfer {
  return { fromOrganization: row.from_org, toOrganization: row.to_org, reason: row.reason, by: { name: row.by_name, organization: row.by_org }, at: row.at };
}

/** A mutation's answer with its owner attached (not in the schema), for the audit trail (customerData.ts). */
export function withOwner<T extends object>(record: T, ownerId: string): T & { ownerId: string } {
  return Object.assign(record, { ownerId });
}
