import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent, type Migration } from "kysely";
import { Pool } from "pg";
import { cacheStatements } from "./cachedStatements";
import { resilientPool } from "./resilientPool";
import { recordStatementSpan } from "../../common/observability/tracing";

export type Dialect = "sqlite" | "postgres";

export interface DatabaseOptions {
  /** The subgraph's name: the SQLite file name, or the PostgreSQL schema. */
  name: string;
  /** Brought to the latest on open; null to open as is (tools reading a running subgraph's data). */
  migrations: Record<string, Migration> | null;
  /** Defaults to $DATABASE_URL; unset means embedded SQLite. */
  databaseUrl?: string;
  /** Folder for SQLite files. Defaults to $DATA_DIR, else ./data. */
  dataDir?: string;
  /** Prefix for the PostgreSQL schema name (tests use it to stay apart). Defaults to $DB_SCHEMA_PREFIX. */
  schemaPrefix?: string;
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
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  const log = (event: LogEvent) => {
    // A span per statement under the request's span (nothing when tracing is off).
    recordStatementSpan(url ? "postgresql" : "sqlite", event.query.sql, event.queryDurationMillis, event.level === "error");
  };
  let database: Database<DB>;
  if (url) {
    const schema = schemaName(options.schemaPrefix ?? process.env.DB_SCHEMA_PREFIX ?? "", options.name);
    const bootstrap = new Pool({ connectionString: url, max: 1 });
    try {
      await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await bootstrap.end();
    }
    // search_path per connection keeps every query unqualified, so the code is the same on SQLite.
    // A connect that cannot finish in 5 s fails (DATABASE_UNAVAILABLE) instead of hanging the request.
    const pool = new Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10), options: `-c search_path=${schema}`, connectionTimeoutMillis: 5000 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: resilientPool(options.name, pool) }), log });
    database = { db, dialect: "postgres", location: `postgres schema ${schema}`, close: () => db.destroy() };
    if (options.migrations) await migrateOrClose(database, options.migrations, schema);
    return database;
  } else {
    const dir = path.resolve(options.dataDir ?? process.env.DATA_DIR ?? "data");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${options.name}.sqlite`);
    const sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cacheStatements(sqlite) }), log });
    database = { db, dialect: "sqlite", location: file, close: () => db.destroy() };
  }
  if (options.migrations) await migrateOrClose(database, options.migrations);
  return database;
}

/** A database that failed to migrate is closed, so no pool or file handle outlives the error. */
async function migrateOrClose<DB>(database: Database<DB>, migrations: Record<string, Migration>, schema?: string): Promise<void> {
  try {
    await migrate(database.db, migrations, schema);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Brings a subgraph's database to its latest migration. Our own small runner rather than
 * Kysely's Migrator: that one introspects every schema of the database, and on PostgreSQL
 * it fails ("schema ... does not exist") while another subgraph migrates its own schema at
 * the same moment, which is exactly what starting the graph does. This runner only touches
 * its own `schema_migrations` table; on PostgreSQL an advisory lock keeps two replicas of
 * one subgraph from migrating the same schema at once. Each migration and its record commit
 * together, so a failed one leaves nothing half-applied.
 */
async function migrate<DB>(db: Kysely<DB>, migrations: Record<string, Migration>, schema?: string): Promise<void> {
  const any = db as unknown as Kysely<any>;
  await any.schema
    .createTable("schema_migrations")
    .ifNotExists()
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("applied_at", "text", (c) => c.notNull())
    .execute();
  for (const name of Object.keys(migrations).sort()) {
    await any.transaction().execute(async (trx) => {
      if (schema) await sql`select pg_advisory_xact_lock(hashtext(${schema}))`.execute(trx);
      const done = await trx.selectFrom("schema_migrations").select("name").where("name", "=", name).executeTakeFirst();
      if (done) return;
      try {
        await migrations[name].up(trx);
      } catch (error) {
        throw new Error(`migration ${name} failed: ${(error as Error).message}`);
      }
      await trx.insertInto("schema_migrations").values({ name, applied_at: new Date().toISOString() }).execute();
    });
  }
}

/** True when the table has no rows: the seed runs once, on first start. */
export async function isEmpty<DB>(db: Kysely<DB>, table: string): Promise<boolean> {
  const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(row.rows[0]?.n ?? 0) === 0;
}
