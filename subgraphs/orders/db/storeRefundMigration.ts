import type { Kysely, Migration } from "kysely";

/** Issue 14 (S7): a store refund records the maker's certificate it was paid against, and who paid it. */
export const storeRefundMigration: Migration = {
  async up(db: Kysely<any>) {
    for (const column of ["maker_certificate_number", "maker_case_number", "refunded_at", "refunded_by_name", "refunded_by_org"]) {
      await db.schema.alterTable("return_requests").addColumn(column, "text").execute();
    }
  },
};
