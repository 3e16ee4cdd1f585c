import { PostgresAdapter, sql, type Kysely, type Migration } from "kysely";

const APPEND_ONLY_MESSAGE = "the audit trail is append-only";

/**
 * Defence in depth for "append-only": the subgraph has no update or delete path, and the
 * database refuses one too (a script or a hand-typed statement cannot rewrite history).
 * Trigger syntax differs between the two databases, so this is the one dialect branch.
 */
async function refuseUpdatesAndDeletes(db: Kysely<any>, table: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)} for each row execute function audit_append_only()`.execute(db);
    return;
  }
  for (const action of ["update", "delete"]) {
    await sql
      .raw(`create trigger ${table}_no_${action} before ${action} on ${table} begin select raise(abort, '${APPEND_ONLY_MESSAGE}'); end`)
      .execute(db);
  }
}

async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("audit_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("request_id", "text", (c) => c.notNull())
    .addColumn("actor_subject", "text", (c) => c.notNull())
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("organization", "text", (c) => c.notNull())
    .addColumn("operation_type", "text", (c) => c.notNull())
    .addColumn("operation_name", "text")
    .addColumn("fields", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("error_codes", "text", (c) => c.notNull())
    .execute();
  // Per-actor pages, newest first, keyset on (at, id).
  await db.schema.createIndex("audit_entries_actor_at").on("audit_entries").columns(["actor_subject", "at", "id"]).execute();

  await db.schema
    .createTable("audit_entry_customers")
    .addColumn("entry_id", "text", (c) => c.notNull().references("audit_entries.id"))
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("audit_entry_customers_pk", ["entry_id", "customer_id"])
    .execute();
  // Per-customer pages, newest first, keyset on (at, entry_id); the primary key serves the customerIds loader.
  await db.schema.createIndex("audit_entry_customers_customer_at").on("audit_entry_customers").columns(["customer_id", "at", "entry_id"]).execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function audit_append_only() returns trigger language plpgsql as ${sql.raw(`$$ begin raise exception '${APPEND_ONLY_MESSAGE}'; end $$`)}`.execute(db);
  }
  await refuseUpdatesAndDeletes(db, "audit_entries");
  await refuseUpdatesAndDeletes(db, "audit_entry_customers");
}

/** Issue 10: every identity an answer served, and a mutation's (masked) arguments. Existing rows read as none. */
async function identitiesAndArguments(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("audit_entries").addColumn("identities", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.alterTable("audit_entries").addColumn("arguments", "text").execute();
}

export const migrations: Record<string, Migration> = { "001_initial": { up }, "002_identities_and_arguments": { up: identitiesAndArguments } };
