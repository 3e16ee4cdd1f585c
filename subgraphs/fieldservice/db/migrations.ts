import type { Kysely, Migration } from "kysely";

async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("field_jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("visit_id", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("maker_org", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("technician_name", "text", (c) => c.notNull())
    .addColumn("technician_phone", "text", (c) => c.notNull())
    .addColumn("lat_e6", "integer")
    .addColumn("lng_e6", "integer")
    .addColumn("position_at", "text")
    .addColumn("eta", "text")
    .addColumn("cancel_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // Visit.fieldJob: the newest job of a set of visits.
  await db.schema.createIndex("field_jobs_visit_created").on("field_jobs").columns(["visit_id", "created_at"]).execute();
  // Open matters: the open jobs of a customer's registrations.
  await db.schema.createIndex("field_jobs_owner_status").on("field_jobs").columns(["owner_id", "status"]).execute();

  await db.schema
    .createTable("job_notes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("job_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .execute();
  // FieldJob.notes: newest notes of a set of jobs.
  await db.schema.createIndex("job_notes_job_at").on("job_notes").columns(["job_id", "at", "id"]).execute();
}

export const migrations: Record<string, Migration> = { "001_initial": { up } };
