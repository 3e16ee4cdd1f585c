import type { Kysely, Migration } from "kysely";
import { complaintWorkflowMigration } from "./complaintWorkflowMigration";
import { SOURCE_OPEN_MATTERS_MIGRATION } from "./sourceOpenMatters";
import { CONTACT_FACTS_MIGRATION } from "./contactFacts";
import { createIdentityGraphTables } from "./identityGraphTables";

export const migrations: Record<string, Migration> = {
  "001_initial": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("customers")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_latin", "text")
        .addColumn("city", "text")
        .addColumn("city_latin", "text")
        .addColumn("address", "text")
        .addColumn("email", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("customers_email").on("customers").column("email").execute();

      await db.schema
        .createTable("customer_phones")
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("phone", "text", (c) => c.notNull())
        .addColumn("label", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("customer_phones_pk", ["phone", "customer_id"])
        .execute();
      await db.schema.createIndex("customer_phones_customer").on("customer_phones").column("customer_id").execute();

      await db.schema
        .createTable("identity_links")
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("system", "text", (c) => c.notNull())
        .addColumn("external_id", "text", (c) => c.notNull())
        .addColumn("role", "text")
        .addPrimaryKeyConstraint("identity_links_pk", ["system", "external_id", "customer_id"])
        .execute();
      await db.schema.createIndex("identity_links_customer").on("identity_links").column("customer_id").execute();

      await db.schema
        .createTable("contacts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("party", "text", (c) => c.notNull())
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("direction", "text", (c) => c.notNull())
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("by_name", "text")
        .addColumn("by_org", "text")
        .addColumn("subject_type", "text")
        .addColumn("subject_id", "text")
        .execute();
      await db.schema.createIndex("contacts_customer_at").on("contacts").columns(["customer_id", "at"]).execute();

      await db.schema
        .createTable("complaints")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("opened_at", "text", (c) => c.notNull())
        .addColumn("against_org", "text", (c) => c.notNull())
        .addColumn("summary", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("escalated", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("resolved_at", "text")
        .execute();
      await db.schema.createIndex("complaints_customer").on("complaints").columns(["customer_id", "status"]).execute();

      await db.schema
        .createTable("surveys")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("sent_at", "text", (c) => c.notNull())
        .addColumn("party", "text", (c) => c.notNull())
        .addColumn("subject_type", "text")
        .addColumn("subject_id", "text")
        .execute();
      await db.schema.createIndex("surveys_customer").on("surveys").columns(["customer_id", "sent_at"]).execute();
    },
  },
  // "Resolved by the customer" as a fact every party reads first (reactions/resolvedByCustomerFact.ts).
  "006_contact_facts": CONTACT_FACTS_MIGRATION,
  "014b_complaint_workflow": complaintWorkflowMigration,
  // Issue 13: the identity graph built from events (docs/IDENTITY.md).
  "110_identity_graph": { up: createIdentityGraphTables },
  // Issue 14: what is open in the other systems, for the survey check (reactions/sourceOpenMatters.ts).
  "120_source_open_matters": SOURCE_OPEN_MATTERS_MIGRATION,
};
