import type { Kysely } from "kysely";

/**
 * How the retailer reaches a customer it created through the graph (recordOrder): mobile and
 * email normalized (common/normalizeIdentity.ts), delivery address. A separate table so the
 * seeded retailer_customers keep their shape; the mobile index lets a repeat buyer be found
 * instead of created twice.
 */
export interface RetailerCustomerContactsTable {
  customer_id: string;
  /** E.164-like digits with country code ("8613807191234"). */
  mobile: string;
  email: string | null;
  district: string | null;
  address: string;
  /** 1 when the buyer said the number is a household's/shared phone, 0 when not, null when unknown. */
  shared_phone: number | null;
  created_at: string;
}

export async function createRetailerCustomerContacts(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("retailer_customer_contacts")
    .addColumn("customer_id", "text", (c) => c.primaryKey().references("retailer_customers.id"))
    .addColumn("mobile", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("district", "text")
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("shared_phone", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("retailer_customer_contacts_mobile").on("retailer_customer_contacts").column("mobile").execute();
}
