import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AnalyticsStore, ANALYTICS_FILE } from "../subgraphs/analytics/domain/analyticsStore";

/*
 * `npm run export`: the analytics read model's events in a time range as Parquet or CSV,
 * masked exactly as analysts see them (the store holds only pseudonymous keys; see
 * subgraphs/analytics/domain/analyticsRow.ts). Written month by month with progress on
 * stderr; `--partition` writes a Hive-partitioned folder (month=YYYY-MM/...) for a warehouse.
 */

const USAGE = `usage: npm run export -- --since TIME --until TIME --format parquet|csv --out FILE [--partition] [--data-dir DIR]

Exports analytics events with since <= at < until (ISO 8601 times or dates), masked as the
analyst graph serves them: persons, handlers and matters as pseudonymous keys; no names,
phones, emails, addresses or summaries. City, device model, organization, tier stay.

  --since TIME     start (inclusive), e.g. 2026-01-01
  --until TIME     end (exclusive), e.g. 2026-02-01
  --format F       parquet (zstd) or csv
  --out PATH       output file; with --partition, an output folder (month=YYYY-MM/*.parquet)
  --partition      Hive-partitioned by month: the hand-off to a warehouse (README: Analytics)
  --data-dir DIR   where analytics.duckdb is (default: $DATA_DIR or ./data)

While the graph runs, its analytics subgraph holds the DuckDB file; the export then reads a
snapshot copy of it (as of the copy). Progress goes to stderr; the summary line to stdout.`;

const COLUMNS = `id, strftime(epoch_ms(at_ms), '%Y-%m-%dT%H:%M:%S.%gZ') AS at, source, type, person_key, matter_key, matter_type,
  organization, actor_key, actor_role, team, tier, city, device_model,
  CASE WHEN due_ms IS NULL THEN NULL ELSE strftime(epoch_ms(due_ms), '%Y-%m-%dT%H:%M:%S.%gZ') END AS due_at`;

interface Options {
  sinceMs: number;
  untilMs: number;
  format: "parquet" | "csv";
  out: string;
  partition: boolean;
  dataDir: string;
}

function parse(args: string[]): Options | "help" {
  if (args.includes("--help") || args.includes("-h")) return "help";
  const value = (flag: string) => {
    const index = args.indexOf(flag);
    const raw = index >= 0 ? args[index + 1] : undefined;
    if (raw === undefined || raw.startsWith("--")) throw new Error(`${flag} is required`);
    return raw;
  };
  const time = (flag: string) => {
    const ms = Date.parse(value(flag));
    if (Number.isNaN(ms)) throw new Error(`${flag} must be an ISO 8601 time or date, got "${value(flag)}"`);
    return ms;
  };
  const format = value("--format");
  if (format !== "parquet" && format !== "csv") throw new Error(`--format must be parquet or csv, got "${format}"`);
  const options: Options = {
    sinceMs: time("--since"),
    untilMs: time("--until"),
    format,
    out: path.resolve(value("--out")),
    partition: args.includes("--partition"),
    dataDir: path.resolve(args.includes("--data-dir") ? value("--data-dir") : process.env.DATA_DIR ?? "data"),
  };
  if (options.sinceMs >= options.untilMs) throw new Error("--since must be before --until");
  if (options.partition && format !== "parquet") throw new Error("--partition writes Parquet only");
  return options;
}

/** Month boundaries (UTC) covering [since, until). */
function months(sinceMs: number, untilMs: number): Array<{ from: number; to: number; label: string }> {
  const out = [];
  let from = sinceMs;
  while (from < untilMs) {
    const d = new Date(from);
    const next = Math.min(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1), untilMs);
    out.push({ from, to: next, label: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}` });
    from = next;
  }
  return out;
}

async function openStore(dataDir: string, scratch: string): Promise<AnalyticsStore> {
  const file = path.join(dataDir, ANALYTICS_FILE);
  if (!fs.existsSync(file)) throw new Error(`no analytics store at ${file} (start the graph once, or pass --data-dir)`);
  try {
    return await AnalyticsStore.open(file);
  } catch (error) {
    if (!/lock/i.test((error as Error).message)) throw error;
    // The running subgraph holds the file: read a snapshot copy (file and write-ahead log).
    process.stderr.write("analytics.duckdb is in use by the running graph: exporting from a snapshot copy\n");
    const copy = path.join(scratch, ANALYTICS_FILE);
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}.wal`)) fs.copyFileSync(`${file}.wal`, `${copy}.wal`);
    return AnalyticsStore.open(copy);
  }
}

async function main(): Promise<number> {
  let options: Options;
  try {
    const parsed = parse(process.argv.slice(2));
    if (parsed === "help") {
      console.log(USAGE);
      return 0;
    }
    options = parsed;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "c360-export-"));
  const store = await openStore(options.dataDir, scratch);
  const started = Date.now();
  try {
    const parts = months(options.sinceMs, options.untilMs);
    const partsDir = options.partition ? options.out : path.join(scratch, "parts");
    fs.mkdirSync(partsDir, { recursive: true });
    let total = 0;
    const written: string[] = [];
    for (const [index, part] of parts.entries()) {
      const params = { from: part.from, to: part.to };
      const [{ n }] = await store.query("SELECT count(*)::INTEGER AS n FROM events WHERE at_ms >= $from AND at_ms < $to", params);
      const rows = Number(n);
      if (rows > 0) {
        const dir = options.partition ? path.join(partsDir, `month=${part.label}`) : partsDir;
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, `${options.partition ? "events" : part.label}.${options.format}`);
        await store.copyTo(`SELECT ${COLUMNS} FROM events WHERE at_ms >= $from AND at_ms < $to ORDER BY at_ms, id`, params, file, options.format);
        written.push(file);
      }
      total += rows;
      process.stderr.write(`export: ${part.label} ${rows} events (${index + 1}/${parts.length} months, ${total} so far, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    }
    if (!options.partition) await combine(store, written, options, scratch);
    console.log(`exported ${total} events (${new Date(options.sinceMs).toISOString()} .. ${new Date(options.untilMs).toISOString()}) to ${options.out} as ${options.format}${options.partition ? " (partitioned by month)" : ""} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await store.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** One output file from the monthly parts (CSV: one header; Parquet: rewritten by DuckDB). */
async function combine(store: AnalyticsStore, parts: string[], options: Options, scratch: string): Promise<void> {
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  if (options.format === "csv") {
    const out = fs.openSync(options.out, "w");
    if (parts.length === 0) fs.writeSync(out, "id,at,source,type,person_key,matter_key,matter_type,organization,actor_key,actor_role,team,tier,city,device_model,due_at\n");
    for (const [index, part] of parts.entries()) {
      const text = fs.readFileSync(part, "utf8");
      fs.writeSync(out, index === 0 ? text : text.slice(text.indexOf("\n") + 1));
    }
    fs.closeSync(out);
    return;
  }
  if (parts.length === 0) {
    await store.copyTo(`SELECT ${COLUMNS} FROM events WHERE false`, {}, options.out, "parquet");
    return;
  }
  process.stderr.write(`export: combining ${parts.length} monthly parts\n`);
  const list = parts.map((part) => `'${part.replace(/'/g, "''")}'`).join(", ");
  await store.copyTo(`SELECT * FROM read_parquet([${list}]) ORDER BY "at", id`, {}, path.join(scratch, "combined.parquet"), "parquet");
  fs.renameSync(path.join(scratch, "combined.parquet"), options.out);
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`export failed: ${error.message}`);
    process.exitCode = 1;
  },
);
