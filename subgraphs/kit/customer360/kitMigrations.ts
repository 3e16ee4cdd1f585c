import type { Kysely, Migration, Transaction } from "kysely";
import { createEventTables } from "../events/outboxTables";
import { tableExists, type MigrationSet } from "../migrationRunner";
import { createCustomer360Tables, upgradeIdempotencyKeys } from "./tables";

/** The kit records its own steps here, apart from each subgraph's `schema_migrations`. */
export const KIT_MIGRATION_TABLE = "kit_migrations";

/** The event outbox remembers how often an event was handed on (default 0). */
async function addOutboxHistory(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("history", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

/**
 * The kit's one versioned migration set for the tables it owns in every subgraph (timeline
 * events, handlers, commitments, idempotency keys, the event outbox, inbox and dead letters).
 * The kit applies it on open, before the subgraph's own list; a subgraph's migrations never
 * touch these tables. Append new steps here, in name order.
 *
 * Step names 002 and 004 are the ones subgraphs listed themselves before the kit owned its
 * tables, so a database made then is recognised step by step (adoptExistingKitTables).
 */
export const KIT_MIGRATIONS: Record<string, Migration> = {
  "001_customer360_tables": { up: createCustomer360Tables },
  "002_idempotency_per_caller": { up: upgradeIdempotencyKeys },
  "004_event_outbox": { up: createEventTables },
  "005_outbox_history": { up: addOutboxHistory },
};

/**
 * A database created before the kit owned its tables: each subgraph's own "001_initial"
 * created the customer-360 tables, and its list carried the kit's later steps under the same
 * names as here (recorded in `schema_migrations`). Those steps are recorded as applied
 * without running again; the rest run as usual.
 */
export function adoptExistingKitTables(dialect: "sqlite" | "postgres"): (trx: Transaction<any>) => Promise<string[]> {
  return async (trx) => {
    const held: string[] = [];
    if (await tableExists(trx, dialect, "timeline_events")) held.push("001_customer360_tables");
    if (await tableExists(trx, dialect, "schema_migrations")) {
      const recorded = await trx.selectFrom("schema_migrations").select("name").execute();
      held.push(...recorded.map((row: { name: string }) => row.name).filter((name: string) => name !== "001_customer360_tables" && name in KIT_MIGRATIONS));
    }
    return held;
  };
}

export function kitMigrationSet(dialect: "sqlite" | "postgres", migrations: Record<string, Migration> = KIT_MIGRATIONS): MigrationSet {
  return { table: KIT_MIGRATION_TABLE, migrations, adopt: adoptExistingKitTables(dialect) };
}
