import type { Kysely, Migration } from "kysely";
import { createEventTables } from "../../kit/events";

async function up(db: Kysely<any>): Promise<void> {
  // The kit's inbox and dead letters (the outbox stays empty: analytics publishes nothing).
  await createEventTables(db);
  await db.schema
    .createTable("analytics_staging")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("staged_at", "text", (c) => c.notNull())
    .execute();
}

export const migrations: Record<string, Migration> = { "001_initial": { up } };
