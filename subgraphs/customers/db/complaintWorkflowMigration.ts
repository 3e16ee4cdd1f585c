import type { Kysely, Migration } from "kysely";

/**
 * Issue 14 (S4): complaints get an owner, a due date and an answer; surveys get an answer.
 * Added columns only (nullable), so rows written before keep their meaning.
 */
export const complaintWorkflowMigration: Migration = {
  async up(db: Kysely<any>) {
    for (const column of ["due_at", "owner_name", "owner_team", "owner_org", "answer", "answered_at", "answered_by_name", "answered_by_org", "filed_by_name", "filed_by_org"]) {
      await db.schema.alterTable("complaints").addColumn(column, "text").execute();
    }
    for (const column of ["status", "answered_at", "comment", "sent_by_name", "sent_by_org"]) {
      await db.schema.alterTable("surveys").addColumn(column, "text").execute();
    }
    await db.schema.alterTable("surveys").addColumn("score", "integer").execute();
    await db.schema.alterTable("customers").addColumn("last_survey_at", "text").execute();
  },
};
