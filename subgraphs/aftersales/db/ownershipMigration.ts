import type { Kysely, Migration } from "kysely";
import "./ownershipTables";

/**
 * Migration 005 (issue 14): ownership state, owning organization, version and return link on
 * cases; due time on engineering tasks; transfers and notes. Portable DDL (SQLite and
 * PostgreSQL): added columns are nullable or have a default, indexes are plain or unique.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("service_cases").addColumn("ownership_state", "text").execute();
  await db.schema.alterTable("service_cases").addColumn("owning_org", "text").execute();
  await db.schema.alterTable("service_cases").addColumn("ownership_version", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("service_cases").addColumn("return_number", "text").execute();
  // One case per return: a second open from the same return (or a racing one) is refused.
  await db.schema.createIndex("service_cases_return_number").unique().on("service_cases").column("return_number").execute();
  await db.schema.alterTable("engineering_tasks").addColumn("due_at", "text").execute();

  await db.schema
    .createTable("case_transfers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_number", "text", (c) => c.notNull())
    .addColumn("from_org", "text", (c) => c.notNull())
    .addColumn("to_org", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("by_name", "text", (c) => c.notNull())
    .addColumn("by_org", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("case_transfers_case_number").on("case_transfers").columns(["case_number", "at"]).execute();

  await db.schema
    .createTable("case_notes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_number", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("author_role", "text")
    .addColumn("author_org", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("case_notes_case_number").on("case_notes").columns(["case_number", "created_at"]).execute();
}

export const caseOwnershipMigration: Migration = { up };
