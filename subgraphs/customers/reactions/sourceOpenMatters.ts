import type { Reaction } from "../../kit/events/reaction";
import type { DB } from "../db/tables";
import { SOURCES } from "../sources";

/*
 * S4's "never while a matter is unresolved" holds in the mutation, not only in the read: every
 * source's events carry the owner's open matters there when the relay handed them on
 * (kit/events/sourceState.ts); this keeps the latest per (source, owner), which
 * survey/surveyRefusal.ts reads in recordSurveySent's transaction. Seeded history is included,
 * so the matters of the story data are known from the first start. A state older than the one
 * kept (a redelivery, a replayed dead letter) changes nothing.
 */

export const SOURCE_OPEN_MATTERS_CONSUMER = "customers.source-open-matters";

export const sourceOpenMattersReaction: Reaction<DB> = {
  consumer: SOURCE_OPEN_MATTERS_CONSUMER,
  sources: "all",
  includeHistory: true,
  async handle(event, trx) {
    const state = event.sourceState;
    // Only the merged sources' matters count (customer360-sources.yaml); ours are read directly.
    if (!state || !SOURCES.includes(event.source)) return;
    const row = { source: event.source, owner_id: event.ownerId, matters: JSON.stringify(state.openMatters), as_of: state.asOf, event_id: event.id };
    await trx
      .insertInto("source_open_matters")
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(["source", "owner_id"])
          .doUpdateSet({ matters: row.matters, as_of: row.as_of, event_id: row.event_id })
          .where("source_open_matters.as_of", "<=", row.as_of),
      )
      .execute();
  },
};
