import path from "node:path";
import type { Kysely } from "kysely";
import type { DomainEvent, Reaction } from "../../kit/events";
import type { DB } from "../db/tables";
import { toAnalyticsRow } from "./analyticsRow";
import { AnalyticsStore, ANALYTICS_FILE } from "./analyticsStore";
import { loadPseudonymSecret, pseudonymizer, type Pseudonymizer } from "./pseudonym";

/*
 * From delivery to DuckDB. The reaction stages each event in the kit's database inside the
 * inbox transaction (so "applied once" is the kit's guarantee); a drain moves staged events
 * to the store in batches (appender), masking them on the way, then deletes them. A crash
 * between the two leaves rows staged; the next drain re-inserts them and the store's primary
 * key ignores the ones it already had. Queries drain first, so an accepted event is visible
 * to the next answer; a timer drains every DRAIN_INTERVAL_MS in between. The derived tables
 * serviceMetrics reads catch up in the query (only the matters that changed), or right after
 * a large drain.
 */

export const CONSUMER = "analytics.read-model";
const DRAIN_BATCH = 5000;
const DRAIN_INTERVAL_MS = 500;

export const analyticsReaction: Reaction<DB> = {
  consumer: CONSUMER,
  sources: "all",
  includeHistory: true,
  async handle(event, trx) {
    // An event the store could not take throws here, so the kit retries it and then dead-letters it.
    toAnalyticsRow(event, () => "");
    await stageEvent(trx, event);
  },
};

export async function stageEvent(db: Kysely<DB>, event: DomainEvent): Promise<void> {
  await db
    .insertInto("analytics_staging")
    .values({ id: event.id, event: JSON.stringify(event), staged_at: new Date().toISOString() })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

interface Service {
  store: AnalyticsStore;
  key: Pseudonymizer;
  draining: Promise<number> | null;
  timer: NodeJS.Timeout | null;
}

let service: Promise<Service> | null = null;

/** The process's store (one DuckDB file per data folder), opened on first use. */
export function analyticsService(dataDir = process.env.DATA_DIR ?? "data"): Promise<Service> {
  service ??= (async () => ({
    store: await AnalyticsStore.open(path.join(dataDir, ANALYTICS_FILE)),
    key: pseudonymizer(loadPseudonymSecret(dataDir)),
    draining: null,
    timer: null,
  }))();
  return service;
}

/** Moves every staged event into the store; concurrent callers share one drain. Returns rows moved. */
export async function drainStaged(db: Kysely<DB>, target?: Service): Promise<number> {
  const svc = target ?? (await analyticsService());
  if (svc.draining) return svc.draining;
  svc.draining = (async () => {
    let moved = 0;
    for (;;) {
      const staged = await db.selectFrom("analytics_staging").select(["id", "event"]).orderBy("id").limit(DRAIN_BATCH).execute();
      if (staged.length === 0) return moved;
      const rows = staged.flatMap((row) => {
        try {
          return [toAnalyticsRow(JSON.parse(row.event) as DomainEvent, svc.key)];
        } catch (error) {
          // Staged only after the same check passed; a row that fails now is dropped, not retried forever.
          console.error(`[analytics] dropped staged event ${row.id}: ${(error as Error).message}`);
          return [];
        }
      });
      await svc.store.insert(rows);
      const ids = staged.map((row) => row.id);
      for (let i = 0; i < ids.length; i += 500) await db.deleteFrom("analytics_staging").where("id", "in", ids.slice(i, i + 500)).execute();
      moved += staged.length;
      if (staged.length < DRAIN_BATCH) return moved;
    }
  })()
    .then((moved) => {
      // After a backfill-sized drain, build the derived tables now rather than in the next query.
      if (moved >= DRAIN_BATCH) svc.store.refreshDerived().catch((error: unknown) => console.error(`[analytics] refresh failed: ${(error as Error).message}`));
      return moved;
    })
    .finally(() => {
      svc.draining = null;
    });
  return svc.draining;
}

/** Starts the background drain once per process (unref'd: it never keeps the process alive). */
export async function ensureDrainTimer(db: Kysely<DB>): Promise<void> {
  const svc = await analyticsService();
  if (svc.timer) return;
  svc.timer = setInterval(() => {
    drainStaged(db, svc).catch((error: unknown) => console.error(`[analytics] drain failed: ${(error as Error).message}`));
  }, DRAIN_INTERVAL_MS);
  svc.timer.unref();
}
