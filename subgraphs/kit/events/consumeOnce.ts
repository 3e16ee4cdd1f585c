import type { Kysely } from "kysely";
import type { EventTables } from "./outboxTables";

/**
 * Applies a consumer's effect for one event at most once: the inbox row (event id,
 * consumer) and the effect commit in one transaction, so a redelivered or duplicated event
 * finds its inbox row and does nothing. Returns false when the event was already applied.
 */
export async function consumeOnce(db: Kysely<any>, eventId: string, consumer: string, at: string, effect: (trx: Kysely<any>) => Promise<void>): Promise<boolean> {
  return (db as Kysely<EventTables>).transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("inbox")
      .values({ event_id: eventId, consumer, processed_at: at })
      .onConflict((oc) => oc.columns(["event_id", "consumer"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await effect(trx);
    return true;
  });
}
