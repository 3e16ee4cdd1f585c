import { storeRefundMigration } from "./storeRefundMigration";
import type { Kysely, Migration } from "kysely";
import { seedCaseReferences } from "../seed/caseReferences";
import { createRetailerCustomerContacts } from "./retailerCustomerContacts";

export const migrations: Record<string, Migration> = {
  "001_initial": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("retailer_customers")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_latin", "text")
        .addColumn("city", "text")
        .addColumn("member_since", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("stores")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_latin", "text")
        .addColumn("address", "text", (c) => c.notNull())
        .addColumn("address_latin", "text")
        .addColumn("city", "text", (c) => c.notNull())
        .addColumn("phone", "text", (c) => c.notNull())
        .addColumn("hours", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("products")
        .addColumn("sku", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_latin", "text")
        .addColumn("model", "text", (c) => c.notNull())
        .addColumn("brand", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("orders")
        .addColumn("number", "text", (c) => c.primaryKey())
        .addColumn("customer_id", "text", (c) => c.notNull().references("retailer_customers.id"))
        .addColumn("placed_at", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("store_id", "text", (c) => c.references("stores.id"))
        .addColumn("total_fen", "integer", (c) => c.notNull())
        .execute();
      // A customer's orders, newest first.
      await db.schema.createIndex("orders_customer_placed").on("orders").columns(["customer_id", "placed_at", "number"]).execute();

      await db.schema
        .createTable("order_lines")
        .addColumn("order_number", "text", (c) => c.notNull().references("orders.number"))
        .addColumn("line_no", "integer", (c) => c.notNull())
        .addColumn("sku", "text", (c) => c.notNull().references("products.sku"))
        .addColumn("quantity", "integer", (c) => c.notNull())
        .addColumn("unit_price_fen", "integer", (c) => c.notNull())
        .addColumn("serial", "text")
        .addPrimaryKeyConstraint("order_lines_pk", ["order_number", "line_no"])
        .execute();

      await db.schema
        .createTable("return_requests")
        .addColumn("number", "text", (c) => c.primaryKey())
        .addColumn("order_number", "text", (c) => c.notNull().references("orders.number"))
        .addColumn("customer_id", "text", (c) => c.notNull().references("retailer_customers.id"))
        .addColumn("line_no", "integer", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("next_step", "text")
        .addColumn("handling_party", "text", (c) => c.notNull())
        .addColumn("store_id", "text", (c) => c.references("stores.id"))
        .addColumn("refund_fen", "integer")
        .addColumn("opened_at", "text", (c) => c.notNull())
        .addColumn("closed_at", "text")
        .execute();
      await db.schema.createIndex("return_requests_order").on("return_requests").column("order_number").execute();
      // A customer's returns newest first, and the open ones for open matters.
      await db.schema.createIndex("return_requests_customer").on("return_requests").columns(["customer_id", "opened_at", "number"]).execute();

      await db.schema
        .createTable("vas_orders")
        .addColumn("number", "text", (c) => c.primaryKey())
        .addColumn("case_number", "text", (c) => c.notNull())
        .addColumn("customer_id", "text", (c) => c.notNull().references("retailer_customers.id"))
        .addColumn("service_code", "text", (c) => c.notNull())
        .addColumn("service_name", "text", (c) => c.notNull())
        .addColumn("price_fen", "integer", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("ordered_at", "text", (c) => c.notNull())
        .addColumn("due_at", "text", (c) => c.notNull())
        .addColumn("ordered_by_name", "text", (c) => c.notNull())
        .addColumn("ordered_by_role", "text")
        .addColumn("ordered_by_org", "text", (c) => c.notNull())
        .addColumn("closed_at", "text")
        .addColumn("open_slot", "text")
        .execute();
      await db.schema.createIndex("vas_orders_case").on("vas_orders").columns(["case_number", "ordered_at"]).execute();
      await db.schema.createIndex("vas_orders_customer").on("vas_orders").columns(["customer_id", "ordered_at"]).execute();
      await db.schema.createIndex("vas_orders_open_slot").on("vas_orders").column("open_slot").unique().execute();
    },
  },
  "003_service_case_refs": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("service_case_refs")
        .addColumn("case_number", "text", (c) => c.primaryKey())
        .addColumn("customer_id", "text")
        .addColumn("maker", "text", (c) => c.notNull())
        .addColumn("parties", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .execute();
      // A database seeded before this table existed gets the story cases now; a fresh one gets them from the seed.
      const seeded = await db.selectFrom("retailer_customers").select("id").where("id", "=", "RC-1001").executeTakeFirst();
      if (seeded) await seedCaseReferences(db);
    },
  },
  "005_retailer_customer_contacts": { up: createRetailerCustomerContacts },
  "014b_store_refund": storeRefundMigration,
};
