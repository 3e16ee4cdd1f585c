import type { Kysely } from "kysely";

/*
 * The event backbone's tables, in every subgraph that keeps the customer-360 tables
 * (migration 004_event_outbox). Payloads and actors are JSON text (same on SQLite and
 * PostgreSQL).
 */

/** Domain events written in the state change's own transaction; the relay ships them. */
export interface OutboxTable {
  /** Same id as the timeline entry it was written with (one record of what happened). */
  id: string;
  type: string;
  version: number;
  occurred_at: string;
  /** JSON ActorInput or null. */
  actor: string | null;
  /** The customer's id in this system. */
  owner_id: string;
  /** JSON payload typed by the catalogue. */
  payload: string;
  /** Insertion order, so the relay publishes in commit order. */
  seq: number;
  sent_at: string | null;
  attempts: number;
  /** 1 for seeded history (migration 005_outbox_history), else 0. */
  history: number;
}

/** One row per (event, consumer) applied, written in the consumer's effect transaction. */
export interface InboxTable {
  event_id: string;
  consumer: string;
  processed_at: string;
}

/** Events a consumer failed N times; a supervisor lists and replays them. */
export interface DeadLettersTable {
  id: string;
  event_id: string;
  consumer: string;
  event: string;
  error: string;
  attempts: number;
  failed_at: string;
  replayed_at: string | null;
}

export interface EventTables {
  outbox: OutboxTable;
  inbox: InboxTable;
  dead_letters: DeadLettersTable;
}

export async function createEventTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("actor", "text")
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // The relay's query: unsent events in commit order.
  await db.schema.createIndex("outbox_unsent").on("outbox").columns(["sent_at", "seq"]).execute();

  await db.schema
    .createTable("inbox")
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("consumer", "text", (c) => c.notNull())
    .addColumn("processed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("inbox_event_consumer", ["event_id", "consumer"])
    .execute();

  await db.schema
    .createTable("dead_letters")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("consumer", "text", (c) => c.notNull())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("error", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("failed_at", "text", (c) => c.notNull())
    .addColumn("replayed_at", "text")
    .execute();
}
