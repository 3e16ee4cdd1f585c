import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import type { AnalyticsRow } from "./analyticsRow";
import { CHANGED_MATTERS, refreshDerivedTables, type DerivedRefresh } from "./derivedTables";

/*
 * The analytical store: one DuckDB file, <DATA_DIR>/analytics.duckdb, holding masked events
 * (analyticsRow.ts) in one wide table that DuckDB scans by column. Writes arrive in batches
 * through an appender into a staging table, then one INSERT moves the rows whose id the
 * table does not have yet (an anti-join: a redelivered event changes nothing). No primary
 * key: DuckDB's index on a text key made every batch slower as the table grew (1,300
 * events/s at 1M); the anti-join is one scan of the id column per batch. Each batch also
 * records the matters it touched, so the derived tables (derivedTables.ts) are brought up
 * to date for those matters only. Reads use their own connection so a long aggregate never
 * waits behind an ingest.
 */

export const ANALYTICS_FILE = "analytics.duckdb";

const COLUMNS = `
  id VARCHAR NOT NULL,
  source VARCHAR NOT NULL,
  type VARCHAR NOT NULL,
  at_ms BIGINT NOT NULL,
  person_key VARCHAR NOT NULL,
  matter_key VARCHAR NOT NULL,
  matter_type VARCHAR NOT NULL,
  organization VARCHAR,
  actor_key VARCHAR,
  actor_role VARCHAR,
  team VARCHAR,
  tier VARCHAR,
  city VARCHAR,
  device_model VARCHAR,
  due_ms BIGINT,
  history BOOLEAN NOT NULL,
  opens BOOLEAN NOT NULL,
  resolves BOOLEAN NOT NULL,
  escalates BOOLEAN NOT NULL,
  hands_off BOOLEAN NOT NULL,
  promises BOOLEAN NOT NULL,
  keeps_promise BOOLEAN NOT NULL,
  contacts BOOLEAN NOT NULL,
  surveys BOOLEAN NOT NULL,
  refuses_verification BOOLEAN NOT NULL`;

/**
 * The layout this code reads. 1: events keyed by a primary key, one derived table rebuilt on
 * every change. 2: no primary key, changed_matters, incrementally kept derived tables.
 */
const LAYOUT = 2;

export type Params = Record<string, DuckDBValue>;

export class AnalyticsStore {
  private writing: Promise<unknown> = Promise.resolve();
  /** False once a batch changed matters the derived tables have not caught up with. */
  private derivedCurrent = false;

  private constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
  ) {}

  /** Opens (creating, or upgrading an older layout) the store; `file` is a path or ":memory:". */
  static async open(file: string): Promise<AnalyticsStore> {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    const instance = await DuckDBInstance.create(file);
    const writer = await instance.connect();
    await upgradeLayout(writer);
    await writer.run(`CREATE TEMP TABLE incoming AS SELECT * FROM events LIMIT 0`);
    const reader = await instance.connect();
    return new AnalyticsStore(file, instance, writer, reader);
  }

  /** Adds rows (already masked); returns how many were new. Batches serialize on one connection. */
  insert(rows: AnalyticsRow[]): Promise<number> {
    return this.enqueue(() => this.insertNow(rows));
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work);
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async insertNow(rows: AnalyticsRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const appender = await this.writer.createAppender("incoming", "main", "temp");
    try {
      for (const row of rows) appendRow(appender, row);
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    await this.writer.run("BEGIN TRANSACTION");
    try {
      // Duplicates inside one batch too (an event delivered twice before a flush).
      const result = await this.writer.run(
        `INSERT INTO events SELECT DISTINCT ON (id) * FROM temp.incoming i WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = i.id)`,
      );
      const added = Number(result.rowsChanged);
      if (added > 0) {
        await this.writer.run(`INSERT INTO ${CHANGED_MATTERS} SELECT DISTINCT matter_key FROM temp.incoming`);
        this.derivedCurrent = false;
      }
      await this.writer.run("DELETE FROM temp.incoming");
      await this.writer.run("COMMIT");
      return added;
    } catch (error) {
      await this.writer.run("ROLLBACK");
      await this.writer.run("DELETE FROM temp.incoming");
      throw error;
    }
  }

  /**
   * Brings the derived tables (derivedTables.ts) up to date with every event inserted so
   * far: the matters changed since the last refresh are recomputed, or everything when most
   * of the data is new (a backfill). In the write queue, so no insert lands halfway through;
   * in one transaction, so a reader sees the tables before or after, never between.
   */
  refreshDerived(): Promise<DerivedRefresh> {
    if (this.derivedCurrent) return Promise.resolve("current");
    return this.enqueue(async () => {
      if (this.derivedCurrent) return "current";
      let done: DerivedRefresh;
      await this.writer.run("BEGIN TRANSACTION");
      try {
        done = await refreshDerivedTables({
          run: async (sql) => {
            await this.writer.run(sql);
          },
          count: async (sql) => {
            const reader = await this.writer.runAndReadAll(sql);
            return Number(reader.getRows()[0]?.[0] ?? 0);
          },
        });
        await this.writer.run("COMMIT");
      } catch (error) {
        await this.writer.run("ROLLBACK");
        throw error;
      }
      this.derivedCurrent = true;
      return done;
    });
  }

  /** Rows of a read query as plain JS objects (BIGINT as bigint: cast in SQL when a number is wanted). */
  async query(sql: string, params: Params = {}): Promise<Record<string, unknown>[]> {
    const reader = await this.reader.runAndReadAll(sql, usedParams(sql, params));
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  }

  async count(): Promise<number> {
    const [row] = await this.query("SELECT count(*)::INTEGER AS n FROM events");
    return Number(row.n);
  }

  /** Writes a query's rows to a Parquet or CSV file with DuckDB's COPY (export). */
  async copyTo(selectSql: string, params: Params, file: string, format: "parquet" | "csv"): Promise<void> {
    const options = format === "parquet" ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true";
    const prepared = await this.reader.prepare(`COPY (${selectSql}) TO '${file.replace(/'/g, "''")}' (${options})`);
    prepared.bind(usedParams(selectSql, params));
    await prepared.run();
  }

  async close(): Promise<void> {
    await this.writing;
    this.writer.closeSync();
    this.reader.closeSync();
    this.instance.closeSync();
  }
}

/** Creates the tables, or moves an older file's events into this layout (derived tables are then rebuilt). */
async function upgradeLayout(writer: DuckDBConnection): Promise<void> {
  await writer.run(`CREATE TABLE IF NOT EXISTS store_layout (version INTEGER NOT NULL)`);
  const found = await writer.runAndReadAll(`SELECT max(version) FROM store_layout`);
  const version = Number(found.getRows()[0]?.[0] ?? 0);
  if (version === LAYOUT) return;
  if (version > LAYOUT) throw new Error(`analytics store layout ${version} is newer than this code (${LAYOUT})`);
  const tables = await writer.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'`);
  const existing = new Set(tables.getRows().map((row) => String(row[0])));
  await writer.run("BEGIN TRANSACTION");
  try {
    if (existing.has("events")) {
      await writer.run(`CREATE TABLE events_layout${LAYOUT} (${COLUMNS})`);
      await writer.run(`INSERT INTO events_layout${LAYOUT} SELECT * FROM events`);
      await writer.run(`DROP TABLE events`);
      await writer.run(`ALTER TABLE events_layout${LAYOUT} RENAME TO events`);
    } else {
      await writer.run(`CREATE TABLE events (${COLUMNS})`);
    }
    await writer.run(`DROP TABLE IF EXISTS derived_matters`);
    await writer.run(`CREATE TABLE IF NOT EXISTS ${CHANGED_MATTERS} (matter_key VARCHAR NOT NULL)`);
    await writer.run(`DELETE FROM store_layout`);
    await writer.run(`INSERT INTO store_layout VALUES (${LAYOUT})`);
    await writer.run("COMMIT");
  } catch (error) {
    await writer.run("ROLLBACK");
    throw error;
  }
}

/** DuckDB refuses a named parameter the statement does not use; shared parameter sets bind only theirs. */
function usedParams(sql: string, params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)));
}

function appendText(appender: DuckDBAppender, value: string | null): void {
  if (value === null) appender.appendNull();
  else appender.appendVarchar(value);
}

function appendRow(appender: DuckDBAppender, row: AnalyticsRow): void {
  appender.appendVarchar(row.id);
  appender.appendVarchar(row.source);
  appender.appendVarchar(row.type);
  appender.appendBigInt(BigInt(row.atMs));
  appender.appendVarchar(row.personKey);
  appender.appendVarchar(row.matterKey);
  appender.appendVarchar(row.matterType);
  appendText(appender, row.organization);
  appendText(appender, row.actorKey);
  appendText(appender, row.actorRole);
  appendText(appender, row.team);
  appendText(appender, row.tier);
  appendText(appender, row.city);
  appendText(appender, row.deviceModel);
  if (row.dueMs === null) appender.appendNull();
  else appender.appendBigInt(BigInt(row.dueMs));
  appender.appendBoolean(row.history);
  for (const flag of [row.opens, row.resolves, row.escalates, row.handsOff, row.promises, row.keepsPromise, row.contacts, row.surveys, row.refusesVerification]) appender.appendBoolean(flag);
  appender.endRow();
}
