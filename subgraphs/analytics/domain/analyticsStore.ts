import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import type { AnalyticsRow } from "./analyticsRow";

/*
 * The analytical store: one DuckDB file, <DATA_DIR>/analytics.duckdb, holding masked events
 * (analyticsRow.ts) in one wide table that DuckDB scans by column. Writes arrive in batches
 * through an appender into a staging table, then one INSERT OR IGNORE moves them (the event
 * id is the primary key: a redelivered event changes nothing). Reads use their own
 * connection so a long aggregate never waits behind an ingest.
 */

export const ANALYTICS_FILE = "analytics.duckdb";

const COLUMNS = `
  id VARCHAR PRIMARY KEY,
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

export type Params = Record<string, DuckDBValue>;

export class AnalyticsStore {
  private writing: Promise<unknown> = Promise.resolve();
  /** Bumped by every insert that added rows; derived tables remember the version they were built at. */
  private version = 0;
  private readonly derivedAt = new Map<string, number>();

  private constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
  ) {}

  /** Opens (creating) the store; `file` is a path or ":memory:". */
  static async open(file: string): Promise<AnalyticsStore> {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    const instance = await DuckDBInstance.create(file);
    const writer = await instance.connect();
    await writer.run(`CREATE TABLE IF NOT EXISTS events (${COLUMNS})`);
    await writer.run(`CREATE TEMP TABLE incoming AS SELECT * FROM events LIMIT 0`);
    const reader = await instance.connect();
    return new AnalyticsStore(file, instance, writer, reader);
  }

  /** Adds rows (already masked); returns how many were new. Batches serialize on one connection. */
  insert(rows: AnalyticsRow[]): Promise<number> {
    const run = this.writing.then(() => this.insertNow(rows));
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
      const result = await this.writer.run(`INSERT OR IGNORE INTO events SELECT DISTINCT ON (id) * FROM temp.incoming`);
      await this.writer.run("DELETE FROM temp.incoming");
      await this.writer.run("COMMIT");
      const added = Number(result.rowsChanged);
      if (added > 0) this.version += 1;
      return added;
    } catch (error) {
      await this.writer.run("ROLLBACK");
      await this.writer.run("DELETE FROM temp.incoming");
      throw error;
    }
  }

  /**
   * (Re)builds table `name` from `selectSql` when events were added since it was last built:
   * per-matter aggregates are computed once per change of the data, not once per query.
   * Runs in the write queue, so no insert lands halfway through a build.
   */
  refreshDerived(name: string, selectSql: string): Promise<void> {
    if (this.derivedAt.get(name) === this.version) return Promise.resolve();
    const run = this.writing.then(async () => {
      if (this.derivedAt.get(name) === this.version) return;
      const version = this.version;
      await this.writer.run(`CREATE OR REPLACE TABLE ${name} AS ${selectSql}`);
      this.derivedAt.set(name, version);
    });
    this.writing = run.catch(() => undefined);
    return run;
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
