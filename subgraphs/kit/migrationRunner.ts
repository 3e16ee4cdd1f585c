import { sql, type Kysely, type Migration, type Transaction } from "kysely";

export interface MigrationSet {
  /** Where applied steps are recorded: each set has its own table (the kit's, the subgraph's). */
  table: string;
  migrations: Record<string, Migration>;
  /**
   * Runs once, in the first step's transaction, when the record table is still empty: returns
   * the names of steps a database made before this set existed already holds (they are
   * recorded as applied without running). The kit set uses it to adopt the tables old
   * subgraph migrations created.
   */
  adopt?: (trx: Transaction<any>) => Promise<string[]>;
}

/**
 * Brings a database to the latest step of one migration set. Our own small runner rather than
 * Kysely's Migrator: that one introspects every schema of the database, and on PostgreSQL
 * it fails ("schema ... does not exist") while another subgraph migrates its own schema at
 * the same moment, which is exactly what starting the graph does. This runner only touches
 * the set's own record table; on PostgreSQL an advisory lock keeps two replicas of one
 * subgraph from migrating the same schema at once. Each step and its record commit
 * together, so a failed one leaves nothing half-applied.
 */
export async function runMigrationSet(db: Kysely<any>, set: MigrationSet, schema?: string): Promise<void> {
  await db.schema
    .createTable(set.table)
    .ifNotExists()
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("applied_at", "text", (c) => c.notNull())
    .execute();
  const names = Object.keys(set.migrations).sort();
  if (set.adopt) {
    const adopt = set.adopt;
    await db.transaction().execute(async (trx) => {
      if (schema) await sql`select pg_advisory_xact_lock(hashtext(${schema}))`.execute(trx);
      const any = await trx.selectFrom(set.table).select("name").limit(1).executeTakeFirst();
      if (any) return;
      const held = new Set(await adopt(trx));
      const at = new Date().toISOString();
      for (const name of names.filter((n) => held.has(n))) await trx.insertInto(set.table).values({ name, applied_at: at }).execute();
    });
  }
  for (const name of names) {
    await db.transaction().execute(async (trx) => {
      if (schema) await sql`select pg_advisory_xact_lock(hashtext(${schema}))`.execute(trx);
      const done = await trx.selectFrom(set.table).select("name").where("name", "=", name).executeTakeFirst();
      if (done) return;
      try {
        await set.migrations[name].up(trx);
      } catch (error) {
        throw new Error(`migration ${name} (${set.table}) failed: ${(error as Error).message}`);
      }
      await trx.insertInto(set.table).values({ name, applied_at: new Date().toISOString() }).execute();
    });
  }
}

/** True when `table` exists in the connection's own schema (PostgreSQL search_path) or SQLite file. */
export async function tableExists(db: Kysely<any>, dialect: "sqlite" | "postgres", table: string): Promise<boolean> {
  const result =
    dialect === "sqlite"
      ? await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${table}`.execute(db)
      : await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = current_schema() and table_name = ${table}`.execute(db);
  return Number(result.rows[0]?.n ?? 0) > 0;
}
