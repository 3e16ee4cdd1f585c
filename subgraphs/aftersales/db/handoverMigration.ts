import type { Kysely, Migration } from "kysely";

/**
 * Issue 14 (S7): arrangements get a state, a certificate and the retailer's return they
 * serve; replacements get the time the old unit came back. Tracking numbers are unique, so
 * two racing shipments of one parcel cannot both land.
 */
export const handoverMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable("arrangements").addColumn("status", "text", (c) => c.notNull().defaultTo("ARRANGED")).execute();
    for (const column of ["certificate_number", "certificate_issued_at", "certificate_finding", "return_request_number", "sms_text"]) {
      await db.schema.alterTable("arrangements").addColumn(column, "text").execute();
    }
    await db.schema.alterTable("replacements").addColumn("old_unit_returned_at", "text").execute();
    await db.schema.createIndex("replacements_tracking_unique").on("replacements").column("tracking_number").unique().execute();
  },
};
