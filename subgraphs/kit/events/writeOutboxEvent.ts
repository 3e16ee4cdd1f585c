import type { Kysely } from "kysely";
import { sql } from "kysely";
import { eventTypeForKind } from "./catalogue";
import type { EventTables } from "./outboxTables";

export interface OutboxEventInput {
  id: string;
  kind: string;
  ownerId: string;
  at: string;
  actor: { name: string; role?: string | null; organization: string; team?: string | null } | null;
  payload: Record<string, unknown>;
  /** Seeded history (migration 005): published, but only to consumers that ask (includeHistory). */
  history?: boolean;
}

/**
 * Writes the domain event for a timeline entry into the outbox, on the caller's
 * connection: inside a mutation's transaction the event commits or rolls back with the
 * state change. `seq` is one more than the highest so far; concurrent writers in one
 * subgraph serialize on the transaction (SQLite) or collide on nothing but order
 * (PostgreSQL), which the relay tolerates since it orders by (seq, id).
 */
export async function writeOutboxEvent(db: Kysely<any>, event: OutboxEventInput): Promise<void> {
  const { type, version } = eventTypeForKind(event.kind);
  const typed = db as Kysely<EventTables>;
  const last = await typed.selectFrom("outbox").select(sql<number>`coalesce(max(seq), 0)`.as("seq")).executeTakeFirst();
  await typed
    .insertInto("outbox")
    .values({
      id: event.id,
      type,
      version,
      occurred_at: event.at,
      actor: event.actor ? JSON.stringify(event.actor) : null,
      owner_id: event.ownerId,
      payload: JSON.stringify(event.payload),
      seq: Number(last?.seq ?? 0) + 1,
      sent_at: null,
      attempts: 0,
      history: event.history ? 1 : 0,
    })
    .execute();
}
