import type { Kysely } from "kysely";
import { groupLoader } from "../kit";
import type { AuditEntryCustomersTable, DB } from "./db/tables";

export function createLoaders(db: Kysely<DB>) {
  return {
    /** The customers of every entry on a page in one statement (primary key entry_id, customer_id). */
    customersOfEntry: groupLoader<string, AuditEntryCustomersTable>(
      (entryIds) => db.selectFrom("audit_entry_customers").selectAll().where("entry_id", "in", entryIds).orderBy("customer_id").execute(),
      (row) => row.entry_id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
