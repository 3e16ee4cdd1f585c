/** Gateways measured after ours: the two peers, and ours again with its response cache on. */
export type PeerName = "hive" | "hive-rust" | "apollo" | "cached";
const PEER_NAMES: PeerName[] = ["hive", "hive-rust", "apollo", "cached"];

export interface BenchOptions {
  customers: number;
  durationS: number;
  warmupS: number;
  db: "sqlite" | "postgres";
  databaseUrl: string;
  connections: number[];
  workers: number;
  peers: PeerName[];
  /** Which workloads to drive (default all three). */
  queries: Array<"c360" | "order" | "page2">;
  soakS: number;
  eventsPerSource: number;
  heavyEventsPerSource: number;
  /** Write bench-results/ and docs/BENCHMARK.md (off for --no-write). */
  write: boolean;
  echo: boolean;
  /** --tracing: also measure ours with tracing off vs on (CPU per 360 answer). */
  tracing?: boolean;
  /** Seconds of no load, with everything up, over which each process's idle CPU rate is measured (subtracted per answer). */
  idleS: number;
  /**
   * P4 in the same run: after a SQLite run, the 360 again on PostgreSQL with this many customers
   * (a child bench, --db postgres); 0 = off. Default 100,000 for a full SQLite run, 0 for --quick and --db postgres.
   */
  pgScaleCustomers: number;
  /** Also write the results JSON to this file (the P4 phase reads its child's figures from it). */
  jsonOut?: string;
}

export const USAGE = `usage: npm run bench -- [options]

Seeds a fresh database with N synthetic customers, starts every subgraph of schema/supergraph.graphql (snapshotted), then drives
each gateway in turn (ours; Hive Gateway; stock @apollo/gateway) against the same subgraphs
with autocannon: the customer 360 query, an order lookup and timeline page 2, at each
connection count, for a fixed duration after a warm-up. Prints a table and writes
bench-results/<timestamp>/{results.json,BENCHMARK.md} and docs/BENCHMARK.md (docs/BENCHMARK-postgres.md for --db postgres).

options:
  --customers N         synthetic customers to seed (default 10000)
  --events-per-source K timeline events per source per customer (default 5)
  --duration S          timed window per run, seconds (default 10)
  --warmup S            warm-up before each timed window, seconds (default 3)
  --db sqlite|postgres  database (default sqlite); postgres uses DATABASE_URL
                        (default postgres://postgres@127.0.0.1:5432/postgres) and a fresh schema prefix
  --connections LIST    comma-separated connection counts (default 1,50)
  --workers W           gateway processes per gateway (default 1): Hive --fork W, ours and
                        stock Apollo under a node:cluster wrapper with W workers
  --peers LIST          hive,hive-rust,apollo,cached (default) | any of them | none; hive-rust = Hive
                        Gateway with Hive Router's Rust query planner (--hive-router-runtime); cached = ours
                        again with RESPONSE_CACHE_TTL_SECONDS=60 (in memory), reported on its own lines.
                        A peer is timed only on the queries whose sampled answers equal ours
  --queries LIST        c360,order,page2 (default all)
  --soak S              after the runs, drive our gateway with the 50-connection 360 load for S
                        seconds and report RSS growth (default 0 = off; 300 for the P5 target)
  --tracing             afterwards, the cost of tracing: the 360 at the largest connection count with
                        tracing off, on (every span) and on with 10 % sampled, interleaved, 2 rounds
                        each; spans go over OTLP to a throwaway receiver in the bench; reports CPU per
                        answer of the gateway and of the whole graph
  --idle S              seconds of no load per gateway over which every process's idle CPU is measured
                        (event relays, pollers), subtracted from CPU per answer (default 3)
  --pg-scale N          P4 in the same run: after the SQLite runs, the 360 at the largest connection count
                        on PostgreSQL (DATABASE_URL) with N customers, ours only, PostgreSQL's own CPU
                        measured; compared with this run's SQLite p95 (default 100000; 0 = off; off with
                        --quick and --db postgres; skipped, and said so, when PostgreSQL does not answer)
  --json-out FILE       also write the results JSON to FILE
  --quick               c360 only, 50 connections, peers apollo, 6 s windows, 2 s warm-up, 2,000 customers
                        (the P6/P2 check in about 2 minutes; explicit options override)
  --no-write            print only; write nothing under bench-results/ or docs/
  --analytics           instead: the analytics read model's bench (--analytics --help)
  --events              instead: the event backbone's bench: event lag (commit -> consumer effect) p50/p95
                        at a stated mutation rate, outbox write and relay cost per event; embedded log, or
                        JetStream when NATS_URL is set (--events --help: --rate, --count, --db)
  --echo                echo the services' output
  --help                this text`;

function value(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  if (index < 0) return undefined;
  const raw = args[index + 1];
  if (raw === undefined || raw.startsWith("--")) throw new Error(`${flag} needs a value`);
  return raw;
}

function int(args: string[], flag: string, fallback: number, min = 0): number {
  const raw = value(args, flag);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

const KNOWN = new Set(["--customers", "--events-per-source", "--duration", "--warmup", "--db", "--connections", "--workers", "--peers", "--queries", "--soak", "--no-write", "--tracing", "--echo", "--idle", "--quick", "--pg-scale", "--json-out", "--help", "-h"]);

export function parseArgs(args: string[]): BenchOptions | "help" {
  if (args.includes("--help") || args.includes("-h")) return "help";
  const quick = args.includes("--quick");
  if (quick) {
    const defaults: Array<[string, string]> = [["--queries", "c360"], ["--connections", "50"], ["--peers", "apollo"], ["--duration", "6"], ["--warmup", "2"], ["--customers", "2000"]];
    const rest = args.filter((a) => a !== "--quick");
    for (const [flag, v] of defaults) if (!rest.includes(flag)) rest.push(flag, v);
    args = rest;
  }
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith("-") && !KNOWN.has(args[i])) throw new Error(`unknown option ${args[i]}`);
  }
  const db = value(args, "--db") ?? "sqlite";
  if (db !== "sqlite" && db !== "postgres") throw new Error(`--db must be sqlite or postgres, got "${db}"`);
  const connections = (value(args, "--connections") ?? "1,50").split(",").map((c) => Number(c.trim()));
  if (connections.some((c) => !Number.isInteger(c) || c < 1)) throw new Error("--connections must list positive integers, e.g. 1,50");
  const peersRaw = value(args, "--peers") ?? "hive,hive-rust,apollo,cached";
  const peers = peersRaw === "none" ? [] : peersRaw.split(",").map((p) => p.trim());
  for (const peer of peers) if (!PEER_NAMES.includes(peer as PeerName)) throw new Error(`--peers lists ${PEER_NAMES.join(", ")} or none, got "${peer}"`);
  const queries = (value(args, "--queries") ?? "c360,order,page2").split(",").map((q) => q.trim());
  for (const query of queries) if (!["c360", "order", "page2"].includes(query)) throw new Error(`--queries lists c360, order, page2, got "${query}"`);
  return {
    queries: queries as BenchOptions["queries"],
    customers: int(args, "--customers", 10000, 10),
    eventsPerSource: int(args, "--events-per-source", 5, 1),
    heavyEventsPerSource: 2000,
    durationS: int(args, "--duration", 10, 1),
    warmupS: int(args, "--warmup", 3, 0),
    db,
    databaseUrl: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
    connections: [...new Set(connections)],
    workers: int(args, "--workers", 1, 1),
    peers: peers as PeerName[],
    soakS: int(args, "--soak", 0, 0),
    write: !args.includes("--no-write"),
    echo: args.includes("--echo"),
    tracing: args.includes("--tracing"),
    idleS: int(args, "--idle", 3, 1),
    pgScaleCustomers: int(args, "--pg-scale", quick || db === "postgres" ? 0 : 100000, 0),
    jsonOut: value(args, "--json-out"),
  };
}
