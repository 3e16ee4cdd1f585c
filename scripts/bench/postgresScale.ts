import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Pool } from "pg";
import type { BenchResults, RunResult } from "./report";

/**
 * P4 inside one `npm run bench`: after the SQLite runs, the same bench again as a child on
 * PostgreSQL at scale (--db postgres --customers N, ours only, the 360 at the largest
 * connection count), its figures read back from its results file. The child seeds its own
 * fresh schemas and drops them; it writes docs/BENCHMARK-postgres.md as `--db postgres` does.
 * A child rather than a second pass in this process: the SQLite graph is stopped first, so
 * the two database setups never share the two cores.
 */
export interface PostgresScaleResult {
  customers: number;
  connections: number;
  /** Our 360 run on PostgreSQL, with every process's CPU (PostgreSQL's backends included). */
  run?: RunResult;
  seedSeconds?: number;
  /** Why P4 was not measured (PostgreSQL did not answer, the child failed). */
  skipped?: string;
  /** The child's results.json, relative to the repo. */
  file?: string;
}

export interface PostgresScaleOptions {
  root: string;
  customers: number;
  connections: number;
  durationS: number;
  warmupS: number;
  idleS: number;
  databaseUrl: string;
  tmpDir: string;
  log: (line: string) => void;
}

export async function runPostgresScale(options: PostgresScaleOptions): Promise<PostgresScaleResult> {
  const base = { customers: options.customers, connections: options.connections };
  const unreachable = await postgresUnreachable(options.databaseUrl);
  if (unreachable) return { ...base, skipped: `PostgreSQL did not answer at ${redact(options.databaseUrl)} (${unreachable})` };
  const jsonOut = path.join(options.tmpDir, "postgres-scale.json");
  const args = [
    path.join(options.root, "dist", "scripts", "bench.js"),
    ...["--db", "postgres", "--customers", String(options.customers), "--peers", "none", "--queries", "c360"],
    ...["--connections", String(options.connections), "--duration", String(options.durationS), "--warmup", String(options.warmupS), "--idle", String(options.idleS)],
    ...["--pg-scale", "0", "--json-out", jsonOut],
  ];
  options.log(`P4: the 360 on PostgreSQL with ${options.customers} customers (a child bench: ${args.slice(1).join(" ")})`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: options.root, env: { ...process.env, DATABASE_URL: options.databaseUrl }, stdio: ["ignore", "pipe", "pipe"] });
    const relay = (chunk: Buffer) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, "  pg| "));
    child.stdout.on("data", relay);
    child.stderr.on("data", relay);
    child.on("exit", (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0 || !fs.existsSync(jsonOut)) return { ...base, skipped: `the PostgreSQL bench exited with ${code} (its output is above)` };
  const results = JSON.parse(fs.readFileSync(jsonOut, "utf8")) as BenchResults;
  const run = results.runs.find((r) => r.gateway === "ours" && r.query === "c360" && r.connections === options.connections);
  return { ...base, run, seedSeconds: results.dataset.seedSeconds, file: results.resultsFile };
}

async function postgresUnreachable(databaseUrl: string): Promise<string | undefined> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 3000 });
  try {
    await pool.query("select 1");
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@]*@/, "//***@");
}
