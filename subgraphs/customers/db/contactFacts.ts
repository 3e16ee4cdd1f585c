import type { Kysely, Migration } from "kysely";

/**
 * Facts about the customer every party reads first before calling (S5: "customer told
 * jiangcheng it was resolved at 09:12"). One per (customer, kind, subject): recorded once,
 * however many events tell it. `contact_id` is the contact in which the customer said it;
 * `parties` are the organizations that may read it (the case's parties), comma-separated.
 */
export interface ContactFactsTable {
  id: string;
  customer_id: string;
  /** RESOLVED_BY_CUSTOMER */
  kind: string;
  contact_id: string;
  subject_type: string;
  subject_id: string;
  parties: string;
  recorded_at: string;
  /** The domain event it was recorded from. */
  event_id: string;
}

export const CONTACT_FACTS_MIGRATION: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("contact_facts")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("customer_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("contact_id", "text", (c) => c.notNull())
      .addColumn("subject_type", "text", (c) => c.notNull())
      .addColumn("subject_id", "text", (c) => c.notNull())
      .addColumn("parties", "text", (c) => c.notNull())
      .addColumn("recorded_at", "text", (c) => c.notNull())
      .addColumn("event_id", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("contact_facts_customer").on("contact_facts").columns(["customer_id", "recorded_at"]).execute();
  },
};
