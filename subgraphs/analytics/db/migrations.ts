import type { Kysely, Migration } from "kysely";
import { CUSTOMER360_MIGRATIONS } from "../../kit";

async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("analytics_staging")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("staged_at", "text", (c) => c.notNull())
    .execute();
}

/**
 * Its staging table, then the kit's event tables under the kit's own migration names (the kit
 * runs reactions only where "004_event_outbox" is applied): the inbox and dead letters its
 * reaction needs; its outbox stays empty (analytics publishes nothing).
 */
export const migrations: Record<string, Migration> = {
  "001_initial": { up },
  "004_event_outbox": CUSTOMER360_MIGRATIONS["004_event_outbox"],
  "005_outbox_history": CUSTOMER360_MIGRATIONS["005_outbox_history"],
};
