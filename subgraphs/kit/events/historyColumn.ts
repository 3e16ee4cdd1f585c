import type { Kysely } from "kysely";

/**
 * Migration 005_outbox_history: seeded history is written to the outbox too, flagged
 * history = 1, so read models (analytics) can backfill from the same stream. The consumer
 * runner never hands history to a reaction unless it asks for it (Reaction.includeHistory),
 * so the seeds' past does not re-trigger reactions the seeds already contain.
 */
export async function addOutboxHistoryColumn(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("history", "integer", (c) => c.notNull().defaultTo(0)).execute();
}
