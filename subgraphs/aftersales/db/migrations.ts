import { handoverMigration } from "./handoverMigration";
import type { CreateTableBuilder, Kysely, Migration } from "kysely";
import { caseOwnershipMigration } from "./ownershipMigration";

type Columns = (table: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;

/** Portable DDL only: text, integer and double precision columns, plain indexes. */
async function table(db: Kysely<any>, name: string, columns: Columns): Promise<void> {
  await columns(db.schema.createTable(name) as CreateTableBuilder<string, never>).execute();
}

async function index(db: Kysely<any>, table: string, columns: string[]): Promise<void> {
  await db.schema.createIndex(`${table}_${columns.join("_")}`).on(table).columns(columns).execute();
}

async function up(db: Kysely<any>): Promise<void> {
  await table(db, "maker_customers", (t) =>
    t
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("maker", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("name_latin", "text")
      .addColumn("phone", "text")
      .addColumn("city", "text", (c) => c.notNull())
      .addColumn("address", "text")
      .addColumn("registered_at", "text", (c) => c.notNull()),
  );
  // Lookup by the phone number a rep types.
  await index(db, "maker_customers", ["phone"]);

  await table(db, "devices", (t) =>
    t
      .addColumn("serial", "text", (c) => c.primaryKey())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("maker", "text", (c) => c.notNull())
      .addColumn("model", "text", (c) => c.notNull())
      .addColumn("product_name", "text", (c) => c.notNull())
      .addColumn("purchased_at", "text", (c) => c.notNull())
      .addColumn("retailer_order_number", "text"),
  );
  await index(db, "devices", ["owner_id"]);

  await table(db, "entitlements", (t) =>
    t
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("serial", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("starts_at", "text", (c) => c.notNull())
      .addColumn("ends_at", "text")
      .addColumn("paid", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("price_fen", "integer"),
  );
  await index(db, "entitlements", ["serial"]);

  await table(db, "known_issues", (t) =>
    t
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("maker", "text", (c) => c.notNull())
      .addColumn("model", "text", (c) => c.notNull())
      .addColumn("symptom", "text", (c) => c.notNull())
      .addColumn("hint", "text", (c) => c.notNull())
      .addColumn("manual_ref", "text"),
  );
  await index(db, "known_issues", ["model"]);

  await table(db, "service_centers", (t) =>
    t
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("maker", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("name_latin", "text")
      .addColumn("address", "text", (c) => c.notNull())
      .addColumn("address_latin", "text")
      .addColumn("city", "text", (c) => c.notNull())
      .addColumn("city_latin", "text", (c) => c.notNull())
      .addColumn("phone", "text", (c) => c.notNull())
      .addColumn("hours", "text", (c) => c.notNull())
      .addColumn("lat", "double precision")
      .addColumn("lng", "double precision"),
  );
  await index(db, "service_centers", ["maker"]);

  await table(db, "cities", (t) =>
    t
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("name_latin", "text", (c) => c.notNull())
      .addColumn("lat", "double precision", (c) => c.notNull())
      .addColumn("lng", "double precision", (c) => c.notNull()),
  );

  await table(db, "technicians", (t) =>
    t
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("name_latin", "text")
      .addColumn("phone", "text", (c) => c.notNull())
      .addColumn("service_center_id", "text", (c) => c.notNull()),
  );

  await table(db, "service_cases", (t) =>
    t
      .addColumn("number", "text", (c) => c.primaryKey())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("serial", "text")
      .addColumn("maker", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("summary", "text", (c) => c.notNull())
      .addColumn("opened_at", "text", (c) => c.notNull())
      .addColumn("closed_at", "text")
      .addColumn("resolution", "text")
      .addColumn("resolved_by", "text")
      .addColumn("priority", "text", (c) => c.notNull())
      .addColumn("tier", "text", (c) => c.notNull())
      .addColumn("order_number", "text")
      .addColumn("service_center_id", "text"),
  );
  // A customer's cases newest first, and open matters (owner, then status in the index range).
  await index(db, "service_cases", ["owner_id", "opened_at"]);
  // Order.serviceCases: the retailer's order -> the maker's cases.
  await index(db, "service_cases", ["order_number", "opened_at"]);
  await index(db, "service_cases", ["serial"]);

  await table(db, "case_parties", (t) =>
    t
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("case_number", "text", (c) => c.notNull())
      .addColumn("organization", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("phone", "text")
      .addColumn("joined_at", "text", (c) => c.notNull()),
  );
  await index(db, "case_parties", ["case_number"]);

  await table(db, "visits", (t) =>
    t
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("case_number", "text", (c) => c.notNull())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("window_start", "text", (c) => c.notNull())
      .addColumn("window_end", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("technician_id", "text")
      .addColumn("service_center_id", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("cancel_reason", "text")
      .addColumn("cancelled_by_name", "text")
      .addColumn("cancelled_by_role", "text")
      .addColumn("cancelled_by_org", "text")
      .addColumn("cancelled_at", "text")
      .addColumn("rescheduled_from", "text")
      .addColumn("rescheduled_to", "text"),
  );
  await index(db, "visits", ["case_number"]);
  await index(db, "visits", ["owner_id", "status"]);

  await table(db, "callbacks", (t) =>
    t
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("case_number", "text", (c) => c.notNull())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("purpose", "text", (c) => c.notNull())
      .addColumn("promised_at", "text", (c) => c.notNull())
      .addColumn("due_at", "text", (c) => c.notNull())
      .addColumn("promised_by_name", "text", (c) => c.notNull())
      .addColumn("promised_by_org", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("done_at", "text")
      .addColumn("outcome", "text"),
  );
  await index(db, "callbacks", ["case_number"]);
  await index(db, "callbacks", ["owner_id", "status"]);

  await table(db, "engineering_tasks", (t) =>
    t
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("case_number", "text", (c) => c.notNull())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("priority", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("assignee_name", "text", (c) => c.notNull())
      .addColumn("assignee_team", "text")
      .addColumn("assignee_org", "text", (c) => c.notNull())
      .addColumn("opened_at", "text", (c) => c.notNull())
      .addColumn("done_at", "text")
      .addColumn("outcome", "text"),
  );
  await index(db, "engineering_tasks", ["case_number"]);
  await index(db, "engineering_tasks", ["owner_id", "status"]);

  await table(db, "replacements", (t) =>
    t
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("case_number", "text", (c) => c.notNull())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("product_name", "text", (c) => c.notNull())
      .addColumn("carrier", "text", (c) => c.notNull())
      .addColumn("tracking_number", "text", (c) => c.notNull())
      .addColumn("shipped_at", "text", (c) => c.notNull())
      .addColumn("delivered_at", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("old_unit_returned", "integer", (c) => c.notNull().defaultTo(0)),
  );
  await index(db, "replacements", ["case_number"]);
  await index(db, "replacements", ["owner_id", "status"]);

  await table(db, "arrangements", (t) =>
    t
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("case_number", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("service_center_id", "text")
      .addColumn("scheduled_for", "text")
      .addColumn("arranged_at", "text", (c) => c.notNull())
      .addColumn("arranged_by_name", "text", (c) => c.notNull())
      .addColumn("arranged_by_org", "text", (c) => c.notNull())
      .addColumn("sms_sent_at", "text")
      .addColumn("sms_to", "text"),
  );
  await index(db, "arrangements", ["case_number"]);
}

export const migrations: Record<string, Migration> = {
  "001_initial": { up },
  // Issue 14: ownership state, transfers, notes, task due times.
  "005_case_ownership": caseOwnershipMigration,
  // Issue 14 part B: service-center arrangements, SMS, advance replacements.
  "014b_handover_arrangements": handoverMigration,
};
