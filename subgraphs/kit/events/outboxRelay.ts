import type { Kysely } from "kysely";
import { PollBackoff } from "./pollBackoff";
import type { EventTransport } from "./eventTransport";
import type { EventTables, OutboxTable } from "./outboxTables";
import type { DomainEvent } from "./reaction";
import type { SourceState, SourceStateReader } from "./sourceState";

/*
 * The relay of one subgraph process: copies its unsent outbox rows, in (seq, id) order, to
 * the transport, and marks them sent only after the transport said they are durable. A crash
 * between the two publishes them again on the next start, which the transport's dedupe on
 * (source, id) turns into nothing: at-least-once in, exactly once in the log.
 */

const BATCH = 100;

export function outboxRowToEvent(source: string, row: Pick<OutboxTable, "id" | "type" | "version" | "occurred_at" | "actor" | "owner_id" | "payload"> & { history?: number | null; source_state?: string | null }): DomainEvent {
  return {
    id: row.id,
    source,
    type: row.type,
    version: Number(row.version),
    occurredAt: row.occurred_at,
    actor: row.actor ? JSON.parse(row.actor) : null,
    ownerId: row.owner_id,
    payload: JSON.parse(row.payload),
    history: Boolean(Number(row.history ?? 0)),
    sourceState: row.source_state ? (JSON.parse(row.source_state) as SourceState) : null,
  };
}

/**
 * The batch's owners' open matters, read once per owner after the events committed. A source
 * whose reader fails still publishes (a stuck relay would stop every party's reactions): its
 * events go out without state, and readers keep the last state they had.
 */
async function readSourceState(source: string, ownerIds: string[], reader: SourceStateReader | undefined): Promise<Map<string, SourceState>> {
  const states = new Map<string, SourceState>();
  if (!reader) return states;
  try {
    const asOf = new Date().toISOString();
    for (const [ownerId, openMatters] of await reader([...new Set(ownerIds)])) states.set(ownerId, { asOf, openMatters });
  } catch (error) {
    console.error(`[${source}] event relay: open matters not attached (${(error as Error).message})`);
  }
  return states;
}

/** One pass: publishes up to a batch of unsent events; returns how many it published. */
export async function relayOnce(db: Kysely<any>, source: string, transport: EventTransport, limit = BATCH, sourceState?: SourceStateReader): Promise<number> {
  const rows = await (db as Kysely<EventTables>).selectFrom("outbox").selectAll().where("sent_at", "is", null).orderBy("seq").orderBy("id").limit(limit).execute();
  if (rows.length === 0) return 0;
  const states = await readSourceState(source, rows.map((row) => row.owner_id), sourceState);
  await transport.publish(rows.map((row) => ({ ...outboxRowToEvent(source, row), sourceState: states.get(row.owner_id) ?? null })));
  await (db as Kysely<EventTables>)
    .updateTable("outbox")
    .set({ sent_at: new Date().toISOString() })
    .where(
      "id",
      "in",
      rows.map((row) => row.id),
    )
    .execute();
  return rows.length;
}

export interface RunningRelay {
  /** Publishes what is unsent now (tests; stop() also drains once). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs relayOnce every `pollMs`, backing off to `idlePollMs` while idle (immediately again while batches are full). */
export function startOutboxRelay(db: Kysely<any>, source: string, transport: EventTransport, pollMs: number, idlePollMs = pollMs, sourceState?: SourceStateReader): RunningRelay {
  const backoff = new PollBackoff(pollMs, idlePollMs);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let warned = false;
  let pass = Promise.resolve();
  const once = async (): Promise<number> => {
    try {
      const n = await relayOnce(db, source, transport, BATCH, sourceState);
      if (warned) console.error(`[${source}] event relay recovered`);
      warned = false;
      return n;
    } catch (error) {
      // Unsent rows stay unsent; the next pass tries again.
      await db
        .updateTable("outbox")
        .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
        .where("sent_at", "is", null)
        .execute()
        .catch(() => undefined);
      if (!warned) console.error(`[${source}] event relay: ${(error as Error).message}; retrying`);
      warned = true;
      return 0;
    }
  };
  const serialized = () => {
    const next = pass.then(once);
    pass = next.then(() => undefined);
    return next;
  };
  const loop = async () => {
    while (!stopped) {
      const n = await serialized();
      if (!stopped && n < BATCH) {
        const wait = backoff.next(n > 0);
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, wait);
        });
      }
    }
  };
  const running = loop();
  return {
    async flush() {
      while ((await serialized()) > 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await running;
    },
  };
}
