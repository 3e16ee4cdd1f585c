import type { Kysely, Migration } from "kysely";

/**
 * The latest open matters of each (source, owner) as the sources' events carried them
 * (kit/events/sourceState.ts), kept by reactions/sourceOpenMatters.ts for the survey check:
 * the customers subgraph cannot ask the other systems inside its own transaction. `owner_id`
 * is in the source's identity system (customer360-sources.yaml); `matters` is JSON
 * [{kind, id, status}]; `as_of` is when the source's relay read it (a later state wins).
 */
export interface SourceOpenMattersTable {
  source: string;
  owner_id: string;
  matters: string;
  as_of: string;
  /** The event it came with. */
  event_id: string;
}

export const SOURCE_OPEN_MATTERS_MIGRATION: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("source_open_matters")
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("matters", "text", (c) => c.notNull())
      .addColumn("as_of", "text", (c) => c.notNull())
      .addColumn("event_id", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("source_open_matters_pk", ["source", "owner_id"])
      .execute();
    await db.schema.createIndex("source_open_matters_owner").on("source_open_matters").columns(["owner_id"]).execute();
  },
};
