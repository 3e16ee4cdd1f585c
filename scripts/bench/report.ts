import os from "node:os";
import type { BenchOptions } from "./args";
import type { CriticalPathResult } from "./criticalPath";
import { GATEWAY_LABELS, type GatewayKind } from "./gateways";
import type { LoadResult, QueryKind } from "./load";
import type { ProcessCpu } from "./systemCpu";
import type { PostgresScaleResult } from "./postgresScale";

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  /** 1/5/15-minute load averages when read: how busy the machine was (others' work included). */
  loadAverage?: number[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, ramGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10, node: process.version, os: `${os.type()} ${os.release()}`, loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) };
}

export interface RunResult extends LoadResult {
  gateway: GatewayKind;
  query: QueryKind;
  /** Gateway process group CPU (utime+stime) during the timed window / requests, ms. */
  cpuMsPerQuery: number;
  cpuSeconds: number;
  /** Group RSS sampled every 200 ms during the timed window, MB. */
  rssPeakMb: number;
  rssStartMb: number;
  rssEndMb: number;
  /** Every process of the system over the same window: gateway, each subgraph, PostgreSQL's backends (scripts/bench/systemCpu.ts). */
  processes?: ProcessCpu[];
  /** Sum over `processes` of CPU per answer, ms; and the same net of each process's idle rate. */
  systemCpuMsPerQuery?: number;
  systemNetCpuMsPerQuery?: number;
}

export interface CostReport {
  subgraphFetches: number;
  sqlStatements: number;
  fetches: Array<{ subgraph: string; sqlStatements: number; ok: boolean }>;
}

export interface SoakResult {
  seconds: number;
  requests: number;
  errors: number;
  rps: number;
  startMb: number;
  endMb: number;
  peakMb: number;
  growthPct: number;
}

export interface Target {
  id: string;
  title: string;
  status: "PASS" | "FAIL" | "NOT MEASURED";
  measured: string;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  totalSeconds: number;
  machine: Machine;
  options: Omit<BenchOptions, "databaseUrl"> & { databaseUrl?: string };
  dataset: { customers: number; eventsPerSource: number; seedSeconds: number; light: { customerId: string; events: number }; heavy: { customerId: string; events: number }; pools: Record<QueryKind, number> };
  cost: Record<string, CostReport>;
  criticalPath?: CriticalPathResult;
  runs: RunResult[];
  gatewayPeakHwmMb: Partial<Record<GatewayKind, number>>;
  /** Per peer: do its answers equal ours for the first requests of each workload (scripts/bench/answers.ts)? */
  answerChecks?: Partial<Record<GatewayKind, string>>;
  /** The same check per query: a peer is compared with ours only on the queries it answers as ours does. */
  answerChecksByQuery?: Partial<Record<GatewayKind, Partial<Record<QueryKind, string>>>>;
  soak?: SoakResult;
  /** P4 measured in the same run (a SQLite run followed by the PostgreSQL-at-scale child, scripts/bench/postgresScale.ts). */
  postgresScale?: PostgresScaleResult;
  /** Where this run's results.json was written, relative to the repo (unset with --no-write). */
  resultsFile?: string;
  targets: Target[];
  notes: string[];
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");

/**
 * The gateway's CPU per answer for P2: from the whole-system window when it was measured
 * (a fixed number of requests, from nothing in flight to every answer in, scripts/bench.ts
 * systemCpuPerAnswer), else the timed window's. The timed window's edges cut ~50 requests in
 * flight at each end (the warm-up's tail runs into it), which counts their work without their
 * answers; that inflates every gateway's figure, the slower one's more.
 */
export function gatewayCpuPerAnswer(run: RunResult): { ms: number; how: string } {
  const gateway = run.processes?.find((p) => p.name === "gateway");
  return gateway ? { ms: gateway.cpuMsPerQuery, how: "fixed-count window" } : { ms: run.cpuMsPerQuery, how: "timed window" };
}

export function find(results: Pick<BenchResults, "runs">, gateway: GatewayKind, query: QueryKind, connections: number): RunResult | undefined {
  return results.runs.find((r) => r.gateway === gateway && r.query === query && r.connections === connections);
}

export function evaluateTargets(results: Omit<BenchResults, "targets">, sqliteBaseline: { p95: number; file: string } | undefined): Target[] {
  const pgScale = results.postgresScale;
  const targets: Target[] = [];
  const maxConn = Math.max(...results.options.connections);
  // P1
  const ours1 = find(results, "ours", "c360", 1);
  const cp = results.criticalPath;
  if (ours1 && cp) {
    const ratio = ours1.p50 / cp.p50;
    targets.push({ id: "P1", title: "360 p50 at 1 connection <= 1.2x critical path p50", status: ratio <= 1.2 ? "PASS" : "FAIL", measured: `${f(ours1.p50, 2)} ms vs critical path ${f(cp.p50, 2)} ms = ${f(ratio, 2)}x (gateway overhead ${f(ours1.p50 - cp.p50, 2)} ms)` });
  } else targets.push({ id: "P1", title: "360 p50 at 1 connection <= 1.2x critical path p50", status: "NOT MEASURED", measured: "needs --connections with 1" });
  // P2
  const ours50 = find(results, "ours", "c360", 50);
  const hive50 = find(results, "hive", "c360", 50);
  const apollo50 = find(results, "apollo", "c360", 50);
  if (!ours50) targets.push({ id: "P2", title: "360 at 50 connections: RPS >= Hive, CPU/query <= 0.67x Hive and <= 0.33x stock Apollo, 0 errors", status: "NOT MEASURED", measured: "needs --connections with 50" });
  else {
    const parts: string[] = [];
    let pass = true;
    let complete = true;
    const hiveAnswers = results.answerChecksByQuery?.hive?.c360 ?? results.answerChecks?.hive;
    const hiveComparable = !!hive50 && (!hiveAnswers || hiveAnswers.startsWith("same"));
    const hiveDiffers = !!hiveAnswers && !hiveAnswers.startsWith("same");
    if (hiveDiffers) parts.push("Hive not compared: its 360 answers differ from ours (see 'Same answers?'), so it does other work per query");
    const oursCpu = gatewayCpuPerAnswer(ours50);
    if (hiveComparable && hive50) {
      const rpsOk = ours50.rps >= hive50.rps;
      const hiveCpu = gatewayCpuPerAnswer(hive50);
      const cpuRatio = oursCpu.ms / hiveCpu.ms;
      pass &&= rpsOk && cpuRatio <= 0.67;
      parts.push(`RPS ${f(ours50.rps)} vs Hive ${f(hive50.rps)} (${f(ours50.rps / hive50.rps, 2)}x) ${rpsOk ? "ok" : "FAIL"}`);
      parts.push(`gateway CPU/answer ${f(oursCpu.ms, 2)} ms vs Hive ${f(hiveCpu.ms, 2)} ms = ${f(cpuRatio, 2)}x ${cpuRatio <= 0.67 ? "ok" : "FAIL (target <= 0.67x)"}`);
    } else if (!hive50 && !hiveDiffers) {
      complete = false;
      parts.push("Hive not measured");
    }
    const rust = results.answerChecksByQuery?.["hive-rust"]?.c360;
    if (rust && !rust.startsWith("same")) parts.push("Hive + Rust planner not compared: its 360 answers differ from ours");
    if (apollo50) {
      const apolloCpu = gatewayCpuPerAnswer(apollo50);
      const cpuRatio = oursCpu.ms / apolloCpu.ms;
      pass &&= cpuRatio <= 0.33;
      parts.push(`gateway CPU/answer (${oursCpu.how}) ${f(oursCpu.ms, 2)} ms vs stock Apollo ${f(apolloCpu.ms, 2)} ms = ${f(cpuRatio, 2)}x ${cpuRatio <= 0.33 ? "ok" : "FAIL (target <= 0.33x)"}`);
    } else {
      complete = false;
      parts.push("stock Apollo not measured");
    }
    pass &&= ours50.errors === 0;
    parts.push(`errors ${ours50.errors}${ours50.errors ? " FAIL" : " ok"}`);
    targets.push({ id: "P2", title: "360 at 50 connections: RPS >= Hive, CPU/query <= 0.67x Hive and <= 0.33x stock Apollo, 0 errors", status: !pass ? "FAIL" : complete ? "PASS" : "NOT MEASURED", measured: parts.join("; ") });
  }
  // P3
  const light = results.cost["c360 light"];
  const heavy = results.cost["c360 heavy"];
  if (light && heavy) {
    const perFetch = (c: CostReport) => c.fetches.map((x) => `${x.subgraph}:${x.sqlStatements}`).sort().join(",");
    const same = light.subgraphFetches === heavy.subgraphFetches && perFetch(light) === perFetch(heavy);
    targets.push({
      id: "P3",
      title: `fetches per 360 and SQL per fetch equal for a customer with ${results.dataset.light.events} events and the same customer with ${results.dataset.heavy.events}`,
      status: same ? "PASS" : "FAIL",
      measured: `light: ${light.subgraphFetches} fetches, ${light.sqlStatements} SQL [${perFetch(light)}]; heavy: ${heavy.subgraphFetches} fetches, ${heavy.sqlStatements} SQL [${perFetch(heavy)}]`,
    });
  }
  // P4
  const p4Title = "(postgres, 100k customers) 360 p95 within 1.5x of a 10k SQLite run";
  const oursMax = find(results, "ours", "c360", maxConn);
  if (results.options.db === "postgres" && results.options.customers >= 100000 && oursMax) {
    if (sqliteBaseline) {
      const ratio = oursMax.p95 / sqliteBaseline.p95;
      targets.push({ id: "P4", title: p4Title, status: ratio <= 1.5 ? "PASS" : "FAIL", measured: `p95 at ${maxConn} connections ${f(oursMax.p95)} ms vs SQLite 10k ${f(sqliteBaseline.p95)} ms (${sqliteBaseline.file}) = ${f(ratio, 2)}x` });
    } else targets.push({ id: "P4", title: p4Title, status: "NOT MEASURED", measured: `p95 ${f(oursMax.p95)} ms; no 10k SQLite result under bench-results/ to compare with` });
  } else if (pgScale && oursMax) {
    if (!pgScale.run) targets.push({ id: "P4", title: p4Title, status: "NOT MEASURED", measured: pgScale.skipped ?? "the PostgreSQL run recorded no 360 result" });
    else {
      const pg = pgScale.run;
      const ratio = pg.p95 / oursMax.p95;
      const sqliteNote = results.options.customers === 10000 ? "" : ` (this SQLite run had ${results.options.customers} customers, not 10k)`;
      const backends = pg.processes?.find((p) => p.name === "postgres");
      const cpu = pg.processes
        ? `; CPU per answer on PostgreSQL ${f(pg.systemNetCpuMsPerQuery ?? NaN, 2)} ms net (PostgreSQL server backends ${f(backends?.netCpuMsPerQuery ?? NaN, 2)} ms, subgraphs ${f(pg.processes.filter((p) => p.name !== "postgres" && p.name !== "gateway").reduce((sum, p) => sum + p.netCpuMsPerQuery, 0), 2)} ms, gateway ${f(pg.processes.find((p) => p.name === "gateway")?.netCpuMsPerQuery ?? NaN, 2)} ms) vs SQLite ${f(oursMax.systemNetCpuMsPerQuery ?? NaN, 2)} ms`
        : "";
      targets.push({
        id: "P4",
        title: p4Title,
        status: ratio <= 1.5 ? "PASS" : "FAIL",
        measured: `PostgreSQL ${pgScale.customers} customers: p95 at ${pgScale.connections} connections ${f(pg.p95)} ms (p50 ${f(pg.p50)}, ${f(pg.rps)} req/s, errors ${pg.errors}) vs this run's SQLite ${f(oursMax.p95)} ms${sqliteNote} = ${f(ratio, 2)}x${cpu}${pgScale.file ? ` (${pgScale.file})` : ""}`,
      });
    }
  } else targets.push({ id: "P4", title: p4Title, status: "NOT MEASURED", measured: "not measured (--pg-scale 0 or --quick; or run with --db postgres --customers 100000 after a default SQLite run)" });
  // P5
  const p5Title = "gateway RSS under 50 connections: peak < 300 MB, growth after warm-up < 5%";
  if (results.soak) {
    const s = results.soak;
    const ok = s.peakMb < 300 && s.growthPct < 5;
    targets.push({ id: "P5", title: p5Title, status: ok ? "PASS" : "FAIL", measured: `soak ${s.seconds} s: peak ${f(s.peakMb)} MB, ${f(s.startMb)} -> ${f(s.endMb)} MB (growth ${f(s.growthPct)}%)` });
  } else if (ours50) {
    const growth = ((ours50.rssEndMb - ours50.rssStartMb) / ours50.rssStartMb) * 100;
    const ok = ours50.rssPeakMb < 300 && growth < 5;
    targets.push({
      id: "P5",
      title: p5Title,
      status: ok ? "PASS" : "FAIL",
      measured: `${results.options.durationS} s window only (run --soak 300 for the full target): peak ${f(ours50.rssPeakMb)} MB, ${f(ours50.rssStartMb)} -> ${f(ours50.rssEndMb)} MB (growth ${f(growth)}%)`,
    });
  } else targets.push({ id: "P5", title: p5Title, status: "NOT MEASURED", measured: "needs --connections with 50" });
  // P6
  const p6Title = "whole-system CPU per 360 answer (gateway + every subgraph + PostgreSQL backends, net of idle) <= 15 ms at 50 connections";
  if (ours50?.processes && ours50.errors > 0) {
    // A refused or failed answer costs less than a real one: CPU per answer then says nothing.
    targets.push({ id: "P6", title: p6Title, status: "FAIL", measured: `the 360 run had ${ours50.errors} errors (first: ${(ours50.errorSample ?? "?").replace(/\s+/g, " ").slice(0, 160)}), so its CPU per answer is not a 360's` });
  } else if (ours50?.processes) {
    const net = ours50.systemNetCpuMsPerQuery ?? 0;
    targets.push({
      id: "P6",
      title: p6Title,
      status: net <= 15 ? "PASS" : "FAIL",
      measured: `${f(net, 2)} ms net of idle (${f(ours50.systemCpuMsPerQuery ?? 0, 2)} ms raw): ${ours50.processes.map((p) => `${p.name} ${f(p.netCpuMsPerQuery, 2)}`).join(", ")}`,
    });
  } else targets.push({ id: "P6", title: p6Title, status: "NOT MEASURED", measured: ours50 ? "no per-process CPU recorded" : "needs --connections with 50" });
  return targets;
}

/** One row per run: CPU per answer of every process, the gateway's first, and the total (raw and net of idle). */
export function systemTable(results: Pick<BenchResults, "runs">): string {
  const runs = results.runs.filter((r) => r.processes?.length);
  if (!runs.length) return "";
  const names = [...new Set(runs.flatMap((r) => r.processes!.map((p) => p.name)))];
  const rows = runs.map((r) => {
    const byName = new Map(r.processes!.map((p) => [p.name, p]));
    return [GATEWAY_LABELS[r.gateway], r.query, String(r.connections), ...names.map((n) => (byName.has(n) ? f(byName.get(n)!.cpuMsPerQuery, 2) : "-")), f(r.systemCpuMsPerQuery ?? NaN, 2), f(r.systemNetCpuMsPerQuery ?? NaN, 2)];
  });
  const idle = runs[0].processes!.map((p) => `${p.name} ${f(p.idleMsPerSecond, 1)}`).join(", ");
  return `${table(["gateway", "query", "conns", ...names, "total", "total net of idle"], rows)}

Idle CPU (ms per second, no load, measured per gateway before its runs; first gateway's shown): ${idle}.`;
}

function table(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function runsTable(results: Pick<BenchResults, "runs">): string {
  const rows = results.runs.map((r) => {
    const ours = find(results, "ours", r.query, r.connections);
    const ratio = r.gateway !== "ours" && ours ? `${f(ours.rps / r.rps, 2)}x / ${f(ours.cpuMsPerQuery / r.cpuMsPerQuery, 2)}x` : "";
    return [GATEWAY_LABELS[r.gateway], r.query, String(r.connections), f(r.rps), f(r.p50, 1), f(r.p95, 1), f(r.p99, 1), String(r.errors), f(r.cpuMsPerQuery, 2), f(r.rssPeakMb, 0), ratio];
  });
  return table(["gateway", "query", "conns", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "CPU ms/query", "RSS peak MB", "ours/peer RPS / CPU"], rows);
}

export function markdown(results: BenchResults): string {
  const m = results.machine;
  const o = results.options;
  const lines: string[] = [];
  lines.push(`# Benchmark: customer 360 gateway vs Hive Gateway vs stock @apollo/gateway`, "");
  lines.push(`Generated by \`npm run bench\` (scripts/bench.ts) on ${results.finishedAt}; total ${f(results.totalSeconds, 0)} s.`, "");
  lines.push(`**Machine:** ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}. Load generator (autocannon), the subgraphs and the gateway under test all share these cores.${m.loadAverage ? ` Load average (1/5/15 min) when the run ended: ${m.loadAverage.join(" / ")}${m.loadAverage[0] > m.cores ? ": other work was running on this machine, so latencies and req/s are not comparable with a quiet run; CPU per answer is less affected" : ""}.` : ""}`, "");
  lines.push(
    `**Run:** --customers ${o.customers} --events-per-source ${o.eventsPerSource} --db ${o.db} --duration ${o.durationS} --warmup ${o.warmupS} --connections ${o.connections.join(",")} --workers ${o.workers} --peers ${o.peers.join(",") || "none"} --queries ${o.queries.join(",")}${o.soakS ? ` --soak ${o.soakS}` : ""}.`,
    `Seeded ${results.dataset.customers} customers + the P3 customer ${results.dataset.light.customerId} (${results.dataset.light.events} events; ${results.dataset.heavy.events} after ~${results.options.heavyEventsPerSource} timeline_events rows per source were added for the heavy measurement) in ${f(results.dataset.seedSeconds)} s. Pools: ${Object.entries(results.dataset.pools).map(([k, v]) => `${k} ${v}`).join(", ")}.`,
    "",
  );
  lines.push("## Targets", "");
  lines.push(table(["target", "status", "measured"], results.targets.map((t) => [`${t.id}: ${t.title}`, `**${t.status}**`, t.measured])), "");
  if (results.answerChecks && Object.keys(results.answerChecks).length) {
    lines.push("## Same answers?", "");
    lines.push(
      "Before each peer is timed, the first 5 requests of every workload are sent to it and its answers compared with ours (canonical JSON, `extensions` dropped). A peer that answers less does less work, and its figures are not comparable with ours.",
      "",
    );
    lines.push(table(["peer", "answers vs ours"], Object.entries(results.answerChecks).map(([k, v]) => [GATEWAY_LABELS[k as GatewayKind], v!.replace(/\|/g, "\\|")])), "");
  }
  lines.push("## Throughput, latency, CPU, memory", "");
  lines.push(runsTable(results), "");
  const system = systemTable(results);
  if (system) {
    lines.push("## Whole-system CPU per answer (ms, every process)", "");
    lines.push(
      "utime+stime from /proc, for the gateway's process group, each subgraph's process group and (PostgreSQL runs) the server backends found in pg_stat_activity by the subgraphs' application_name, divided by the answers, over its own window: after the timed run has drained, a fixed number of requests (3 per connection or the timed run's count, whichever is more) over the same connections, from nothing in flight to the last answer. \"net of idle\" subtracts each process's idle CPU rate (measured with no load, everything up: background relays, pollers, timers) times the window. The autocannon load generator is not counted.",
      "",
      system,
      "",
    );
  }
  lines.push(
    "req/s = completed responses / timed window; latencies from autocannon per response; errors = non-2xx + socket errors + timeouts + 2xx bodies with a GraphQL `errors` member (every body checked); CPU ms/query = the gateway process group's utime+stime over the timed window / responses; RSS peak = the group's RSS polled every 200 ms in the window. Last column: ours/peer for req/s and for CPU per query.",
    "",
  );
  const peaks = Object.entries(results.gatewayPeakHwmMb).map(([k, v]) => `${GATEWAY_LABELS[k as GatewayKind]} ${f(v!, 0)} MB`);
  if (peaks.length) lines.push(`Peak RSS over each gateway's whole life (VmHWM): ${peaks.join(", ")}.`, "");
  lines.push("## Cost per query (our gateway, `x-cost-report: 1`, one request each, outside the timed load)", "");
  lines.push(table(["query", "subgraph fetches", "SQL statements", "SQL per fetch", "fetches"], Object.entries(results.cost).map(([k, c]) => [k, String(c.subgraphFetches), String(c.sqlStatements), f(c.sqlStatements / Math.max(1, c.subgraphFetches), 2), c.fetches.map((x) => `${x.subgraph}:${x.sqlStatements}`).join(" ")])), "");
  if (results.criticalPath) {
    const cp = results.criticalPath;
    lines.push("## Critical path of the 360 query", "");
    lines.push(
      `The subgraph requests our query plan makes for one 360 query were recorded (an in-process @apollo/gateway with the same supergraph and planner, with a recording fetcher: exact URLs, headers and bodies including representations) for ${cp.recordedQueries} pooled customers, then replayed straight to the subgraphs over keep-alive connections: stage after stage, the fetches of a stage in parallel, 1 connection, ${o.warmupS} s warm-up then ${o.durationS} s.`,
      "",
      `Stages: ${cp.stages.map((s, i) => `${i + 1}. ${s.join(" + ")}`).join("  ")}`,
      "",
      `Critical path: p50 ${f(cp.p50, 2)} ms, p95 ${f(cp.p95, 2)} ms, p99 ${f(cp.p99, 2)} ms over ${cp.requests} replays.`,
      "",
      "<details><summary>Query plan</summary>",
      "",
      "```",
      cp.plan,
      "```",
      "</details>",
      "",
    );
  }
  if (results.soak) {
    const s = results.soak;
    lines.push("## Soak (our gateway, 360 at 50 connections)", "", `${s.seconds} s, ${s.requests} requests (${f(s.rps)} req/s), ${s.errors} errors; RSS ${f(s.startMb)} MB after warm-up -> ${f(s.endMb)} MB at the end, peak ${f(s.peakMb)} MB, growth ${f(s.growthPct)}%.`, "");
  }
  if (results.notes.length) lines.push("## Notes", "", ...results.notes.map((n) => `- ${n}`), "");
  return lines.join("\n");
}
