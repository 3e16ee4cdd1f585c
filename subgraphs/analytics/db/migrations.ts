import type { Kysely, Migration } from "kysely";

async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("analytics_staging")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("staged_at", "text", (c) => c.notNull())
    .execute();
}

/** Its staging table; the kit's own migration set (kit_migrations) adds the inbox and dead letters its reaction needs. */
export const migrations: Record<string, Migration> = {
  "001_initial": { up },
};
