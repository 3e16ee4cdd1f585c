import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent, type Migration } from "kysely";
import { KIT_MIGRATIONS, kitMigrationSet } from "./customer360/kitMigrations";
import { runMigrationSet } from "./migrationRunner";
import { readDatabaseConfig } from "./subgraphConfig";
import { Pool } from "pg";
import { cacheStatements } from "./cachedStatements";
import { resilientPool } from "./resilientPool";
import { recordStatementSpan } from "../../common/observability/tracing";

export type Dialect = "sqlite" | "postgres";

export interface DatabaseOptions {
  /** The subgraph's name: the SQLite file name, or the PostgreSQL schema. */
  name: string;
  /**
   * The subgraph's own migrations, brought to the latest on open after the kit's set; null to
   * open as is (tools reading a running subgraph's data: neither set runs).
   */
  migrations: Record<string, Migration> | null;
  /** The kit's set (default KIT_MIGRATIONS); tests pass part of it to make an older database. */
  kitMigrations?: Record<string, Migration>;
  /** Defaults to $DATABASE_URL; unset or empty means embedded SQLite. */
  databaseUrl?: string;
  /** Folder for SQLite files. Defaults to $DATA_DIR, else ./data. */
  dataDir?: string;
  /** Prefix for the PostgreSQL schema name (tests use it to stay apart). Defaults to $DB_SCHEMA_PREFIX. */
  schemaPrefix?: string;
  /** PostgreSQL connections. Defaults to $PG_POOL_SIZE, else 10. */
  poolSize?: number;
}

export interface Database<DB> {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Where the data lives, for logs: a file path or a schema name. */
  location: string;
  close(): Promise<void>;
}

/** Postgres identifiers we build from names must stay plain: no quoting games. */
function schemaName(prefix: string, name: string): string {
  const schema = `${prefix}${name}`.toLowerCase();
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}": use letters, digits and _`);
  return schema;
}

/**
 * Opens a subgraph's own database and brings it to the latest migration.
 * SQLite (one file per subgraph) unless a PostgreSQL URL is configured, in which case the
 * subgraph lives in its own schema there. The same migrations run on both.
 */
export async function openDatabase<DB>(options: DatabaseOptions): Promise<Database<DB>> {
  // Unset options come from the environment, validated (kit/subgraphConfig.ts), read now, not at import.
  const config = readDatabaseConfig();
  const url = options.databaseUrl ?? config.databaseUrl;
  const log = (event: LogEvent) => {
    // A span per statement under the request's span (nothing when tracing is off).
    recordStatementSpan(url ? "postgresql" : "sqlite", event.query.sql, event.queryDurationMillis, event.level === "error");
  };
  let database: Database<DB>;
  if (url) {
    const schema = schemaName(options.schemaPrefix ?? config.schemaPrefix, options.name);
    const bootstrap = new Pool({ connectionString: url, max: 1 });
    try {
      await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await bootstrap.end();
    }
    // search_path per connection keeps every query unqualified, so the code is the same on SQLite.
    // A connect that cannot finish in 5 s fails (DATABASE_UNAVAILABLE) instead of hanging the request.
    const pool = new Pool({ connectionString: url, max: options.poolSize ?? config.poolSize, options: `-c search_path=${schema}`, connectionTimeoutMillis: 5000 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: resilientPool(options.name, pool) }), log });
    database = { db, dialect: "postgres", location: `postgres schema ${schema}`, close: () => db.destroy() };
    if (options.migrations) await migrateOrClose(database, options, schema);
    return database;
  } else {
    const dir = path.resolve(options.dataDir ?? config.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${options.name}.sqlite`);
    const sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cacheStatements(sqlite) }), log });
    database = { db, dialect: "sqlite", location: file, close: () => db.destroy() };
  }
  if (options.migrations) await migrateOrClose(database, options);
  return database;
}

/**
 * A database that failed to migrate is closed, so no pool or file handle outlives the error.
 * The kit's own set (its customer-360 and event tables, recorded in `kit_migrations`) runs
 * first, then the subgraph's (recorded in `schema_migrations`).
 */
async function migrateOrClose<DB>(database: Database<DB>, options: DatabaseOptions, schema?: string): Promise<void> {
  const db = database.db as unknown as Kysely<any>;
  try {
    const kit = options.kitMigrations ?? KIT_MIGRATIONS;
    // An empty kit set (tests making a database as code before the kit owned its tables did) leaves no trace.
    if (Object.keys(kit).length > 0) await runMigrationSet(db, kitMigrationSet(database.dialect, kit), schema);
    await runMigrationSet(db, { table: "schema_migrations", migrations: options.migrations ?? {} }, schema);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** True when the table has no rows: the seed runs once, on first start. */
export async function isEmpty<DB>(db: Kysely<DB>, table: string): Promise<boolean> {
  const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(row.rows[0]?.n ?? 0) === 0;
}
