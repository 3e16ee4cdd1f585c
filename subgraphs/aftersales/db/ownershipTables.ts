/*
 * Issue 14 (hand-over workflows): the columns and tables the ownership actions add, merged
 * into tables.ts's interfaces (module augmentation) so that file stays as it was. Created by
 * migration 005_case_ownership (ownershipMigration.ts).
 */
import type { ColumnType } from "kysely";
import "./tables";

declare module "./tables" {
  interface ServiceCasesTable {
    /** QUEUED, ASSIGNED or ESCALATED (docs/STATE_MACHINES.md); null on rows older than 005: read as ASSIGNED. */
    ownership_state: string | null;
    /** The organization handling the case now (a transfer moves it); null: the maker. */
    owning_org: string | null;
    /** Bumped by every ownership change: the conditional update that lets one of racing actions win. */
    ownership_version: ColumnType<number, number | undefined, number>;
    /** The retailer's return or repair request the case was opened from (RT-...); unique. */
    return_number: string | null;
  }

  interface EngineeringTasksTable {
    /** When the verification is due (null on rows older than 005). */
    due_at: string | null;
  }

  interface AftersalesTables {
    case_transfers: CaseTransfersTable;
    case_notes: CaseNotesTable;
  }
}

/** A case handed to another organization (S5: provider -> maker -> repair department). */
export interface CaseTransfersTable {
  id: string;
  case_number: string;
  from_org: string;
  to_org: string;
  reason: string;
  by_name: string;
  by_org: string;
  at: string;
}

/** A note on a case: INTERNAL (the author's organization only) or SHARED (every party). */
export interface CaseNotesTable {
  id: string;
  case_number: string;
  owner_id: string;
  body: string;
  visibility: string;
  author_name: string;
  author_role: string | null;
  author_org: string;
  created_at: string;
}
