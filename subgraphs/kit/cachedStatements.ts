import type SQLite from "better-sqlite3";

/** Distinct SQL texts a subgraph's SQLite handle keeps prepared; the oldest go first beyond it. */
const MAX_STATEMENTS = 500;

/**
 * Kysely's SQLite driver calls `db.prepare(sql)` for every statement it runs, and SQLite
 * compiles the text each time: `prepare` was 3-5 % of every subgraph's CPU under the 360
 * load (issue 19, bench/PROFILE.md). A subgraph runs a few dozen distinct texts (values are
 * bound parameters, `in (?, ?, ...)` lists vary by length), so the compiled statements are
 * kept by text and reused. Safe for Kysely's use: it runs one statement at a time on the
 * connection (its driver holds a mutex) and uses `all`/`run`/`iterate` only; SQLite
 * re-prepares a kept statement itself if the schema changed under it (migrations).
 */
export function cacheStatements(sqlite: SQLite.Database): SQLite.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, SQLite.Statement>();
  (sqlite as { prepare: (source: string) => SQLite.Statement }).prepare = (source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      statement = prepare(source);
      statements.set(source, statement);
      if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
    }
    return statement;
  };
  return sqlite;
}
