import { sql, type Kysely, type Migration } from "kysely";
import { createEventTables } from "../events/outboxTables";
import { addOutboxHistoryColumn } from "../events/historyColumn";

/*
 * Tables every subgraph keeps for the single question, created by one migration that each
 * subgraph's migration list includes. Times are ISO 8601 UTC strings (sortable as text on
 * both SQLite and PostgreSQL); ids are text.
 */

/** Append-only: what happened, to whom (owner = the customer's id in this system). */
export interface TimelineEventsTable {
  id: string;
  owner_id: string;
  at: string;
  kind: string;
  summary: string;
  actor_name: string | null;
  actor_role: string | null;
  actor_org: string | null;
  actor_team: string | null;
  subject_type: string;
  subject_id: string;
}

/** Ownership history of a matter: the open row (until null) is the current handler. */
export interface MatterHandlersTable {
  id: string;
  matter_kind: string;
  matter_id: string;
  name: string;
  team: string | null;
  organization: string;
  tier: string | null;
  phone: string | null;
  hours: string | null;
  since: string;
  until: string | null;
  reason: string | null;
}

/** Promises made to the customer on a matter. */
export interface CommitmentsTable {
  id: string;
  matter_kind: string;
  matter_id: string;
  description: string;
  due_at: string;
  made_by_name: string | null;
  made_by_org: string | null;
  status: string;
  kept_at: string | null;
}

/**
 * Mutations remember each caller's idempotency key, the request it was used for and the
 * answer they gave (kit/idempotency.ts). Primary key (subject, key): keys are per caller.
 * Shape since migration 002_idempotency_per_caller (upgradeIdempotencyKeys below).
 */
export interface IdempotencyKeysTable {
  subject: string;
  key: string;
  operation: string;
  /** sha256 of the operation and its arguments (canonical JSON). */
  request_hash: string;
  result: string;
  created_at: string;
}

export interface Customer360Tables {
  timeline_events: TimelineEventsTable;
  matter_handlers: MatterHandlersTable;
  commitments: CommitmentsTable;
  idempotency_keys: IdempotencyKeysTable;
}

export async function createCustomer360Tables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("timeline_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("actor_name", "text")
    .addColumn("actor_role", "text")
    .addColumn("actor_org", "text")
    .addColumn("actor_team", "text")
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .execute();
  // The timeline's hot query: one owner's newest events before a cursor.
  await db.schema.createIndex("timeline_events_owner_at").on("timeline_events").columns(["owner_id", "at", "id"]).execute();

  await db.schema
    .createTable("matter_handlers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("matter_kind", "text", (c) => c.notNull())
    .addColumn("matter_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("team", "text")
    .addColumn("organization", "text", (c) => c.notNull())
    .addColumn("tier", "text")
    .addColumn("phone", "text")
    .addColumn("hours", "text")
    .addColumn("since", "text", (c) => c.notNull())
    .addColumn("until", "text")
    .addColumn("reason", "text")
    .execute();
  await db.schema.createIndex("matter_handlers_matter").on("matter_handlers").columns(["matter_id", "since"]).execute();

  await db.schema
    .createTable("commitments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("matter_kind", "text", (c) => c.notNull())
    .addColumn("matter_id", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("made_by_name", "text")
    .addColumn("made_by_org", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("OPEN"))
    .addColumn("kept_at", "text")
    .execute();
  await db.schema.createIndex("commitments_matter").on("commitments").columns(["matter_id"]).execute();

  await db.schema
    .createTable("idempotency_keys")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("operation", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .execute();
}

/**
 * Migration 002: idempotency keys become per caller and bound to the request. Every
 * subgraph that keeps the customer-360 tables lists this step (CUSTOMER360_MIGRATIONS), so
 * existing databases are upgraded in place on their next start, SQLite and PostgreSQL alike
 * (SQLite cannot change a primary key with ALTER TABLE, so the table is rebuilt and renamed;
 * the migration runner commits it atomically with its record).
 *
 * Keys remembered before the upgrade are dropped: they record no caller and no arguments,
 * so replaying one to anybody would be exactly the leak this fixes. A retry spanning the
 * upgrade runs again, which every mutation's own state checks (CONFLICT on a second cancel,
 * a unique open slot per service) already make safe.
 */
export async function upgradeIdempotencyKeys(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("idempotency_keys_per_caller")
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("operation", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .addPrimaryKeyConstraint("idempotency_keys_subject_key", ["subject", "key"])
    .execute();
  await db.schema.dropTable("idempotency_keys").execute();
  await db.schema.alterTable("idempotency_keys_per_caller").renameTo("idempotency_keys").execute();
}

/**
 * The kit's migrations after the first, in the order every subgraph applies them: spread
 * into the subgraph's own list after its "001_initial" (which calls createCustomer360Tables).
 */
export const CUSTOMER360_MIGRATIONS: Record<string, Migration> = {
  "002_idempotency_per_caller": { up: upgradeIdempotencyKeys },
  // The event backbone: outbox (written with every timeline entry), inbox, dead letters.
  // Numbered 004 because security already has its own 003 (migrations run in name order).
  "004_event_outbox": { up: createEventTables },
  // Seeded history goes to the outbox too, flagged (delivered only to includeHistory consumers).
  "005_outbox_history": { up: addOutboxHistoryColumn },
};
