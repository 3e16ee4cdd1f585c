import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import { Client, Pool } from "pg";
import type { EventHandler, EventSubscription, EventTransport, SubscribeOptions } from "./eventTransport";
import { outboxRowToEvent } from "./outboxRelay";
import { PollBackoff } from "./pollBackoff";
import type { DomainEvent } from "./reaction";
import type { OutboxTable } from "./outboxTables";

/*
 * The embedded default delivery (no NATS_URL): one shared, durable, append-only event log
 * that every subgraph process reaches without knowing any other process's URL:
 * - SQLite: the file <DATA_DIR>/events.sqlite (WAL, busy_timeout), next to the subgraphs' own
 *   files, so `npm start` needs nothing extra;
 * - PostgreSQL (DATABASE_URL set): the schema `<DB_SCHEMA_PREFIX>events`.
 * Each event has a position (commit order) and is unique per (source, id): a second publish
 * of an event is ignored (JetStream's msgID dedupe). A durable consumer's position is stored
 * in the log (consumer_positions) and advanced after its handler resolved (the ack).
 * On PostgreSQL, appends take a transaction-scoped advisory lock so positions commit in
 * order and a reader never skips a position that commits late.
 */

export interface EventLogLocation {
  /** Folder of events.sqlite. Defaults to $DATA_DIR, else ./data. */
  dataDir?: string;
  /** PostgreSQL URL; empty or unset (and no $DATABASE_URL) means SQLite. */
  databaseUrl?: string;
  /** Defaults to $DB_SCHEMA_PREFIX. */
  schemaPrefix?: string;
}

/** A log row is an outbox row plus its source and position (and the state the relay attached). */
type LogRow = Pick<OutboxTable, "id" | "type" | "version" | "occurred_at" | "actor" | "owner_id" | "payload"> & {
  position: number | string;
  source: string;
  history: number | boolean;
  source_state: string | null;
};

const BATCH = 200;

export function decodeLogRow(row: LogRow): DomainEvent {
  // A log row is an outbox row plus its source and position: one decoder for both.
  return outboxRowToEvent(row.source, { ...row, history: Number(row.history) });
}

function logSchemaName(prefix: string): string {
  const schema = `${prefix}events`.toLowerCase();
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}": use letters, digits and _`);
  return schema;
}

function tableDdl(positionColumn: string): string[] {
  return [
    `create table if not exists events (
      position ${positionColumn},
      source text not null,
      id text not null,
      type text not null,
      version integer not null,
      occurred_at text not null,
      actor text,
      owner_id text not null,
      payload text not null,
      history integer not null default 0,
      source_state text,
      published_at text not null,
      unique (source, id))`,
    `create index if not exists events_source_position on events (source, position)`,
    `create table if not exists consumer_positions (consumer text primary key, position bigint not null, updated_at text not null)`,
  ];
}

/** Opens (creating if needed) the shared log and returns it as a transport. */
export async function openEmbeddedLog(location: EventLogLocation = {}): Promise<EmbeddedLogTransport> {
  const url = location.databaseUrl ?? process.env.DATABASE_URL;
  if (url) {
    const schema = logSchemaName(location.schemaPrefix ?? process.env.DB_SCHEMA_PREFIX ?? "");
    // Every subgraph process creates the log at start, concurrently: serialized by an advisory lock.
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("begin");
      await client.query("select pg_advisory_xact_lock(hashtext($1))", [schema]);
      await client.query(`create schema if not exists ${schema}`);
      await client.query(`set local search_path = ${schema}`);
      for (const ddl of tableDdl("bigserial primary key")) await client.query(ddl);
      // A log created before events carried their source's state (sourceState.ts).
      // (Checked first: ALTER takes the table's exclusive lock even when the column exists.)
      const known = await client.query("select 1 from information_schema.columns where table_schema = $1 and table_name = 'events' and column_name = 'source_state'", [schema]);
      if (known.rowCount === 0) await client.query("alter table events add column source_state text");
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }
    const pool = new Pool({ connectionString: url, max: 3, options: `-c search_path=${schema}`, connectionTimeoutMillis: 5000 });
    // A dropped connection (idle, or checked out) must not end the process: the next query opens a new one.
    pool.on("error", () => undefined);
    pool.on("connect", (client) => client.on("error", () => undefined));
    return new EmbeddedLogTransport(new Kysely<any>({ dialect: new PostgresDialect({ pool }) }), "postgres", `postgres schema ${schema}`);
  }
  const dir = path.resolve(location.dataDir || process.env.DATA_DIR || "data");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "events.sqlite");
  const sqlite = new SQLite(file, { timeout: 5000 });
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.transaction(() => {
    for (const ddl of tableDdl("integer primary key autoincrement")) sqlite.exec(ddl);
    // A log created before events carried their source's state (sourceState.ts).
    const columns = sqlite.prepare("select name from pragma_table_info('events')").all() as { name: string }[];
    if (!columns.some((c) => c.name === "source_state")) sqlite.exec("alter table events add column source_state text");
  }).immediate();
  return new EmbeddedLogTransport(new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) }), "sqlite", file);
}

export class EmbeddedLogTransport implements EventTransport {
  readonly kind = "embedded" as const;

  constructor(
    /** The log's own connection (tests read it to check what was published). */
    readonly db: Kysely<any>,
    readonly dialect: "sqlite" | "postgres",
    readonly location: string,
  ) {}

  async publish(events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const publishedAt = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (this.dialect === "postgres") await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.append'))`.execute(trx);
      for (const event of events) {
        await trx
          .insertInto("events")
          .values({
            source: event.source,
            id: event.id,
            type: event.type,
            version: event.version,
            occurred_at: event.occurredAt,
            actor: event.actor ? JSON.stringify(event.actor) : null,
            owner_id: event.ownerId,
            payload: JSON.stringify(event.payload),
            history: event.history ? 1 : 0,
            source_state: event.sourceState ? JSON.stringify(event.sourceState) : null,
            published_at: publishedAt,
          })
          .onConflict((oc) => oc.columns(["source", "id"]).doNothing())
          .execute();
      }
    });
  }

  /** The consumer's stored position (0: nothing handled yet, start from the beginning). */
  async position(consumer: string): Promise<number> {
    const row = await this.db.selectFrom("consumer_positions").select("position").where("consumer", "=", consumer).executeTakeFirst();
    return Number(row?.position ?? 0);
  }

  async setPosition(consumer: string, position: number): Promise<void> {
    await this.db
      .insertInto("consumer_positions")
      .values({ consumer, position, updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column("consumer").doUpdateSet({ position, updated_at: new Date().toISOString() }))
      .execute();
  }

  /** Events after `position` from `sources`, in log order, with their positions. */
  async readAfter(position: number, sources: string[] | "all", limit = BATCH): Promise<{ position: number; event: DomainEvent }[]> {
    let query = this.db.selectFrom("events").selectAll().where("position", ">", position);
    if (sources !== "all") {
      if (sources.length === 0) return [];
      query = query.where("source", "in", sources);
    }
    const rows = (await query.orderBy("position").limit(limit).execute()) as LogRow[];
    return rows.map((row) => ({ position: Number(row.position), event: decodeLogRow(row) }));
  }

  subscribe(consumer: string, sources: string[] | "all", handler: EventHandler, options: SubscribeOptions): EventSubscription {
    let stopped = false;
    let wake: (() => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    let warned = false;
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, ms);
      });
    const backoff = new PollBackoff(options.pollMs, options.idlePollMs);
    const loop = async () => {
      let position: number | undefined;
      while (!stopped) {
        let full = false;
        let found = false;
        try {
          position ??= await this.position(consumer);
          const batch = await this.readAfter(position, sources);
          full = batch.length === BATCH;
          found = batch.length > 0;
          for (const item of batch) {
            if (stopped) break;
            await handler(item.event);
            await this.setPosition(consumer, item.position);
            position = item.position;
          }
          warned = false;
        } catch (error) {
          // Not acknowledged: re-read the stored position and deliver again after the poll interval.
          position = undefined;
          full = false;
          if (!warned && !stopped && (error as Error)?.name !== "DeliveryStopped") console.error(`[events] consumer ${consumer}: ${(error as Error).message}; retrying`);
          warned = true;
        }
        if (!stopped && !full) await sleep(backoff.next(found));
      }
    };
    const running = loop();
    return {
      async stop() {
        stopped = true;
        if (timer) clearTimeout(timer);
        wake?.();
        await running;
      },
    };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
