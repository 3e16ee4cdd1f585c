import type { Kysely } from "kysely";
import type { SyntheticPerson } from "../../kit";
import type { DB } from "../db/tables";
import { stageEvent } from "../domain/ingest";
import { syntheticEventsFor } from "./syntheticEvents";

/**
 * `npm run seed`: each synthetic person's patterned events (seed/syntheticEvents.ts) are
 * staged like delivered history; the running subgraph drains them into DuckDB.
 */
export async function seedSynthetic(db: Kysely<DB>, people: SyntheticPerson[]): Promise<void> {
  const endMs = Date.now();
  await db.transaction().execute(async (trx) => {
    for (const person of people) {
      for (const event of syntheticEventsFor(person.index, { endMs, days: 90 }, person.city)) await stageEvent(trx, event);
    }
  });
}
