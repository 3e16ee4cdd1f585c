import { sql, type Kysely, type Migration } from "kysely";

/* Indexes follow the hot queries: per-account lists newest first, lines by position, outages by line. */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("billing_accounts")
    .addColumn("number", "text", (c) => c.primaryKey())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("holder_name", "text", (c) => c.notNull())
    .addColumn("holder_name_latin", "text")
    .addColumn("contact_phone", "text")
    .addColumn("address", "text")
    .addColumn("address_latin", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("balance_fen", "integer", (c) => c.notNull())
    .addColumn("opened_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("billing_accounts_contact").on("billing_accounts").column("contact_phone").execute();

  await db.schema
    .createTable("plans")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_latin", "text")
    .addColumn("monthly_fee_fen", "integer", (c) => c.notNull())
    .addColumn("included_minutes", "integer", (c) => c.notNull())
    .addColumn("included_data_mb", "integer", (c) => c.notNull())
    .addColumn("included_sms", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("add_ons")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_latin", "text")
    .addColumn("fee_fen", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("billing_lines")
    .addColumn("number", "text", (c) => c.primaryKey())
    .addColumn("account_number", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("member_name", "text", (c) => c.notNull())
    .addColumn("member_name_latin", "text")
    .addColumn("member_role", "text", (c) => c.notNull())
    .addColumn("plan_code", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("activated_at", "text", (c) => c.notNull())
    .addColumn("equipment_serial", "text")
    .addColumn("usage_period", "text", (c) => c.notNull())
    .addColumn("usage_minutes", "integer", (c) => c.notNull())
    .addColumn("usage_data_mb", "integer", (c) => c.notNull())
    .addColumn("usage_sms", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("billing_lines_account").on("billing_lines").columns(["account_number", "position"]).execute();

  await db.schema
    .createTable("line_add_ons")
    .addColumn("line_number", "text", (c) => c.notNull())
    .addColumn("add_on_code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("line_add_ons_pk", ["line_number", "add_on_code"])
    .execute();

  await db.schema
    .createTable("bundle_rules")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_number", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("monthly_cap_fen", "integer")
    .execute();
  await db.schema.createIndex("bundle_rules_account").on("bundle_rules").column("account_number").execute();

  await db.schema
    .createTable("invoices")
    .addColumn("number", "text", (c) => c.primaryKey())
    .addColumn("account_number", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("total_fen", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("paid_at", "text")
    .execute();
  await db.schema.createIndex("invoices_account_issued").on("invoices").columns(["account_number", "issued_at"]).execute();

  await db.schema
    .createTable("invoice_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("invoice_number", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("line_number", "text")
    .addColumn("amount_fen", "integer", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("quantity", "integer")
    .addColumn("unit", "text")
    .execute();
  await db.schema.createIndex("invoice_items_invoice").on("invoice_items").columns(["invoice_number", "position"]).execute();

  await db.schema
    .createTable("payments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_number", "text", (c) => c.notNull())
    .addColumn("invoice_number", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("amount_fen", "integer", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("payments_account_at").on("payments").columns(["account_number", "at"]).execute();

  await db.schema
    .createTable("suspensions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_number", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("from_at", "text", (c) => c.notNull())
    .addColumn("until_at", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("invoice_number", "text")
    .execute();
  await db.schema.createIndex("suspensions_account_from").on("suspensions").columns(["account_number", "from_at"]).execute();

  await db.schema
    .createTable("outages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("area_latin", "text")
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .addColumn("cause", "text")
    .addColumn("explanation", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("outage_lines")
    .addColumn("outage_id", "text", (c) => c.notNull())
    .addColumn("line_number", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("outage_lines_pk", ["outage_id", "line_number"])
    .execute();
  await db.schema.createIndex("outage_lines_line").on("outage_lines").column("line_number").execute();

  await db.schema
    .createTable("billing_disputes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_number", "text", (c) => c.notNull())
    .addColumn("invoice_number", "text")
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("opened_by_name", "text")
    .addColumn("opened_by_role", "text")
    .addColumn("opened_by_org", "text")
    .execute();
  await db.schema.createIndex("billing_disputes_account").on("billing_disputes").columns(["account_number", "opened_at"]).execute();
  // One open dispute per invoice: the guard that makes two concurrent openings end in one.
  await db.schema
    .createIndex("billing_disputes_one_open")
    .on("billing_disputes")
    .column("invoice_number")
    .unique()
    .where(sql.ref("status"), "=", sql.lit("OPEN"))
    .execute();
}

/*
 * Issue 13 item 4: a carrier opens accounts through the graph (openBillingAccount) and states
 * the holder's email and city in its identity.registered event; it keeps what it stated.
 * Nullable: the seeded accounts predate them.
 */
async function accountContact(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("billing_accounts").addColumn("contact_email", "text").execute();
  await db.schema.alterTable("billing_accounts").addColumn("city", "text").execute();
}

export const migrations: Record<string, Migration> = { "001_initial": { up }, "002_account_contact": { up: accountContact } };
