import "reflect-metadata";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import type { Caller } from "../common/caller";
import { readJwksFile, signerFromJwks, signInternalToken } from "../common/internalToken";
import { writeInternalKeyFiles } from "./lib/internalKeys";
import { runAnalyticsBench } from "./bench/analytics";
import { runEventLagBench } from "./bench/eventLag";
import { compareAnswers, sampleAnswers, SAMPLES_PER_WORKLOAD } from "./bench/answers";
import { parseArgs, USAGE, type BenchOptions } from "./bench/args";
import { measureCriticalPath, recordQueries } from "./bench/criticalPath";
import { GATEWAY_NODE_FLAGS } from "../gateway/nodeFlags";
import { subgraphsOf } from "../gateway/supergraphSubgraphs";
import { addHeavyHistory, dropSchemas, seedDataset, targetEnv, type DataTarget } from "./bench/data";
import { BENCH_ISSUER, GATEWAY_LABELS, startGateway, type GatewayKind, type GatewaySetup, type RunningBenchGateway } from "./bench/gateways";
import { requestBody, runLoad, workloads, type QueryKind, type Workload } from "./bench/load";
import { groupCpuSeconds, groupHwmMb, killAllSync, sampleRss, spawnGroup, stopAll, waitForOutput, type BenchProcess } from "./bench/processes";
import { perAnswer, SystemCpu, totalOf } from "./bench/systemCpu";
import { runPostgresScale, type PostgresScaleResult } from "./bench/postgresScale";
import { profileMarkdown, summarizeProfile } from "./bench/profile";
import { measureTracingOverhead, tracingMarkdown, type TracingOverhead } from "./bench/tracingOverhead";
import { evaluateTargets, find, machine, markdown, runsTable, systemTable, type BenchResults, type CostReport, type RunResult, type SoakResult } from "./bench/report";

const ROOT = path.resolve(__dirname, "..", "..");
const log = (line: string) => console.log(`[bench] ${line}`);

/** The caller the benchmark queries as: a retailer rep (same identity for every gateway). */
const REP: Caller = { subject: "rep-bench", name: "Bench Rep (Yougou service desk)", role: "rep", organization: "yougou" };

async function post(gateway: RunningBenchGateway, body: string, extraHeaders: Record<string, string> = {}, attempt = 1): Promise<any> {
  // A kept-alive connection the gateway closed just as it was reused ("other side closed") is retried: it says nothing about the answer.
  const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...gateway.headers, ...extraHeaders }, body }).catch((error: Error & { cause?: Error }) => {
    if (attempt < 3 && /other side closed|ECONNRESET|socket hang up/.test(String(error.cause?.message ?? error.message))) return undefined;
    throw new Error(`${gateway.kind}: ${error.message}${error.cause ? ` (${error.cause.message})` : ""}\n${gateway.proc.output().slice(-2000)}`);
  });
  if (!response) return post(gateway, body, extraHeaders, attempt + 1);
  const text = await response.text();
  if (!response.ok) throw new Error(`${gateway.kind}: HTTP ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

async function costOf(gateway: RunningBenchGateway, workload: Workload, variables: Record<string, unknown>): Promise<CostReport> {
  const body = await post(gateway, JSON.stringify({ query: workload.query, operationName: workload.operationName, variables }), { "x-cost-report": "1" });
  if (body.errors?.length) throw new Error(`${workload.operationName} answered with errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.extensions.cost as CostReport;
}

/** The whole system a run is measured over: the gateway's group, each subgraph's, PostgreSQL's backends; and each one's idle CPU rate. */
interface SystemUnderTest {
  cpu: SystemCpu;
  idle: Map<string, number>;
}

/**
 * Whole-system CPU per answer, measured apart from the timed window: the window's edges cut
 * requests in flight (50 of them, seconds long on a loaded machine), which a per-window
 * figure would count as work without answers. Here a fixed number of requests is sent over
 * the same connections and the window runs from nothing in flight (after the load above has
 * drained) to every answer received, so every CPU second counted belongs to a counted
 * answer, less each process's idle rate over the window.
 */
async function systemCpuPerAnswer(gateway: RunningBenchGateway, workload: Workload, connections: number, rps: number, options: BenchOptions, system: SystemUnderTest) {
  await new Promise((resolve) => setTimeout(resolve, 2000)); // let the aborted tail of the timed window finish
  const amount = Math.max(connections * 3, Math.min(2000, Math.round(rps * options.durationS)));
  const before = await system.cpu.snapshot();
  const started = Date.now();
  const load = await runLoad(gateway.url, gateway.headers, workload, connections, options.durationS, amount);
  await new Promise((resolve) => setTimeout(resolve, 300)); // log lines and metrics written after the answer
  const windowS = (Date.now() - started) / 1000;
  const after = await system.cpu.snapshot();
  return perAnswer(system.cpu.delta(before, after), system.idle, windowS, load.requests);
}

async function runOne(gateway: RunningBenchGateway, workload: Workload, connections: number, options: BenchOptions, system?: SystemUnderTest): Promise<RunResult> {
  // sanity: one answer without errors, and a non-empty result
  const check = await post(gateway, requestBody(workload, 0));
  if (check.errors?.length || !check.data) throw new Error(`${gateway.kind} ${workload.kind}: ${JSON.stringify(check).slice(0, 600)}`);
  if (options.warmupS > 0) await runLoad(gateway.url, gateway.headers, workload, connections, options.warmupS);
  const pgid = gateway.proc.pid;
  const rss = sampleRss(pgid, 200);
  const cpuBefore = groupCpuSeconds(pgid);
  const load = await runLoad(gateway.url, gateway.headers, workload, connections, options.durationS);
  const cpuSeconds = groupCpuSeconds(pgid) - cpuBefore;
  const memory = rss.stop();
  const processes = system ? await systemCpuPerAnswer(gateway, workload, connections, load.rps, options, system) : undefined;
  const run: RunResult = {
    ...load,
    gateway: gateway.kind,
    query: workload.kind,
    cpuSeconds,
    cpuMsPerQuery: (cpuSeconds * 1000) / Math.max(1, load.requests),
    rssPeakMb: memory.peakMb,
    rssStartMb: memory.firstMb,
    rssEndMb: memory.lastMb,
    ...(processes ? { processes, systemCpuMsPerQuery: totalOf(processes, "cpuMsPerQuery"), systemNetCpuMsPerQuery: totalOf(processes, "netCpuMsPerQuery") } : {}),
  };
  log(
    `${gateway.kind.padEnd(6)} ${workload.kind.padEnd(5)} c=${String(connections).padEnd(3)} ${run.rps.toFixed(1).padStart(7)} req/s  p50 ${run.p50.toFixed(1)} p95 ${run.p95.toFixed(1)} p99 ${run.p99.toFixed(1)} ms  errors ${run.errors}  CPU ${run.cpuMsPerQuery.toFixed(2)} ms/q  RSS ${run.rssPeakMb.toFixed(0)} MB`,
  );
  if (processes) {
    log(`  whole system: ${run.systemCpuMsPerQuery!.toFixed(2)} ms CPU/answer (net of idle ${run.systemNetCpuMsPerQuery!.toFixed(2)}): ${processes.map((p) => `${p.name} ${p.cpuMsPerQuery.toFixed(2)}`).join(", ")}`);
  }
  if (run.errorSample) log(`  first error: ${run.errorSample.replace(/\s+/g, " ").slice(0, 300)}`);
  return run;
}

async function soak(gateway: RunningBenchGateway, workload: Workload, seconds: number, warmupS: number): Promise<SoakResult> {
  log(`soak: 360 at 50 connections for ${seconds} s`);
  if (warmupS > 0) await runLoad(gateway.url, gateway.headers, workload, 50, warmupS);
  const rss = sampleRss(gateway.proc.pid, 1000);
  const load = await runLoad(gateway.url, gateway.headers, workload, 50, seconds);
  const memory = rss.stop();
  // growth: mean of the last tenth of the samples against the mean of the first tenth
  const tenth = Math.max(1, Math.floor(memory.samples.length / 10));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const startMb = mean(memory.samples.slice(0, tenth));
  const endMb = mean(memory.samples.slice(-tenth));
  return { seconds, requests: load.requests, errors: load.errors, rps: load.rps, startMb, endMb, peakMb: memory.peakMb, growthPct: ((endMb - startMb) / startMb) * 100 };
}

function latestSqliteBaseline(resultsDir: string): { p95: number; file: string } | undefined {
  if (!fs.existsSync(resultsDir)) return undefined;
  for (const dir of fs.readdirSync(resultsDir).sort().reverse()) {
    const file = path.join(resultsDir, dir, "results.json");
    if (!fs.existsSync(file)) continue;
    try {
      const prior = JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults;
      if (prior.options.db !== "sqlite" || prior.options.customers !== 10000) continue;
      const maxConn = Math.max(...prior.options.connections);
      const run = find(prior, "ours", "c360", maxConn);
      if (run) return { p95: run.p95, file: path.relative(ROOT, file) };
    } catch {
      /* unreadable: skip */
    }
  }
  return undefined;
}

async function main(): Promise<number> {
  let options: BenchOptions;
  const argv = process.argv.slice(2);
  const cpuProf = argv.includes("--cpu-prof");
  // The analytics read model's own bench (issue 15): ingestion and DuckDB queries, no gateways.
  if (argv.includes("--analytics")) return runAnalyticsBench(argv.filter((a) => a !== "--analytics"));
  // The event backbone's own bench (issue 13): event lag and outbox cost, one producer and one consumer, no gateway.
  if (argv.includes("--events")) return runEventLagBench(argv.filter((a) => a !== "--events"));
  const subgraphCpuProf = argv.includes("--subgraph-cpu-prof");
  try {
    const parsed = parseArgs(argv.filter((a) => a !== "--cpu-prof" && a !== "--subgraph-cpu-prof"));
    if (parsed === "help") {
      console.log(
        `${USAGE}\n  --cpu-prof            afterwards, profile our gateway (node --cpu-prof) under the 50-connection 360 load\n  --subgraph-cpu-prof   run every subgraph under node --cpu-prof for the whole run (use with --queries c360 --connections 50 --peers none); summaries printed and written to bench-results/<time>/subgraph-profiles.md`,
      );
      return 0;
    }
    options = parsed;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const startedAt = new Date().toISOString();
  const stamp = startedAt.replace(/[:.]/g, "-");
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-bench-"));
  // Snapshot the supergraph: every gateway of this run serves the same one, whatever changes in the tree meanwhile.
  const supergraphPath = path.join(tmpDir, "supergraph.graphql");
  fs.copyFileSync(path.join(ROOT, "schema", "supergraph.graphql"), supergraphPath);
  const sourcesPath = path.join(tmpDir, "customer360-sources.yaml");
  fs.copyFileSync(path.join(ROOT, "schema", "customer360-sources.yaml"), sourcesPath);
  // Snapshot the build too (inside the repo, so node_modules resolve): others may rebuild dist/ while this runs.
  const distDir = path.join(ROOT, "bench-results", `.build-${stamp}`);
  fs.cpSync(path.join(ROOT, "dist"), distDir, { recursive: true, filter: (src) => !src.endsWith(".map") });
  const subgraphNames = Object.keys(subgraphsOf(fs.readFileSync(supergraphPath, "utf8")));
  const target: DataTarget = {
    subgraphs: subgraphNames,
    dataDir: path.join(tmpDir, "data"),
    databaseUrl: options.db === "postgres" ? options.databaseUrl : "",
    schemaPrefix: options.db === "postgres" ? `bench${randomBytes(3).toString("hex")}_` : "",
  };
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await stopAll();
    fs.rmSync(tmpDir, { recursive: true, force: true });
    fs.rmSync(distDir, { recursive: true, force: true });
    await dropSchemas(target).catch((error: Error) => console.error(`[bench] could not drop schemas ${target.schemaPrefix}*: ${error.message}`));
  };
  process.once("exit", () => {
    killAllSync();
    fs.rmSync(tmpDir, { recursive: true, force: true });
    fs.rmSync(distDir, { recursive: true, force: true });
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n[bench] ${signal}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  const notes: string[] = [];
  try {
    log(`machine: ${JSON.stringify(machine())}`);
    log(`data: ${options.db === "postgres" ? `${options.databaseUrl.replace(/\/\/[^@]*@/, "//***@")} schemas ${target.schemaPrefix}*` : target.dataDir}`);
    const dataset = await seedDataset(distDir, target, options.customers, options.eventsPerSource, log);

    // ---- subgraphs
    const internalKeys = await writeInternalKeyFiles(path.join(tmpDir, "internal-keys"), "bench-internal");
    // PGAPPNAME: the subgraphs' PostgreSQL backends are found by it in pg_stat_activity, so the server's CPU for the bench is measured too.
    const pgAppName = `c360-bench-${stamp}`.slice(0, 60);
    const subgraphEnv = { ...targetEnv(target), PORT: "0", INTERNAL_JWKS_FILE: internalKeys.jwksFile, NODE_ENV: "production", CUSTOMER360_SOURCES: sourcesPath, ...(options.db === "postgres" ? { PGAPPNAME: pgAppName } : {}) };
    const subgraphUrls: Record<string, string> = {};
    const subgraphProcs: Record<string, BenchProcess> = {};
    const subgraphProfDir = path.join(ROOT, "bench-results", stamp, "subgraph-cpuprof");
    if (subgraphCpuProf) fs.mkdirSync(subgraphProfDir, { recursive: true });
    await Promise.all(
      subgraphNames.map(async (name) => {
        const script = path.join(distDir, "subgraphs", name, "main.js");
        if (!fs.existsSync(script)) throw new Error(`the supergraph names subgraph "${name}" but there is no ${path.relative(ROOT, script)}`);
        const profArgs = subgraphCpuProf ? ["--cpu-prof", `--cpu-prof-dir=${path.join(subgraphProfDir, name)}`] : [];
        const proc = spawnGroup(name, process.execPath, [...profArgs, script], subgraphEnv, { echo: options.echo, cwd: ROOT });
        subgraphProcs[name] = proc;
        subgraphUrls[name] = (await waitForOutput(proc, /ready at (http:\/\/\S+)/, 90000))[1];
      }),
    );
    log(`subgraphs ready: ${Object.entries(subgraphUrls).map(([n, u]) => `${n} ${u}`).join(", ")}`);

    // ---- credentials: a client key pair for ours (production mode, JWT_PUBLIC_KEY), a static internal token for peers
    const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
    const clientToken = await new SignJWT({ role: REP.role, org: REP.organization, name: REP.name })
      .setProtectedHeader({ alg: "ES256" })
      .setSubject(REP.subject)
      .setIssuer(BENCH_ISSUER)
      .setAudience("customer-360")
      .setIssuedAt()
      .setExpirationTime("12h")
      .sign(privateKey);
    // Peers send one static token: signed for every subgraph's audience at once (our gateway signs one audience per token).
    const signer = await signerFromJwks(readJwksFile(internalKeys.signingKeysFile), internalKeys.signingKeysFile);
    const staticInternalToken = await signInternalToken(REP, signer, subgraphNames, 12 * 3600);
    const setup: GatewaySetup = { root: ROOT, supergraphPath, distDir, tmpDir, workers: options.workers, subgraphUrls, internalSigningKeysFile: internalKeys.signingKeysFile, clientPublicKeyPem: await exportSPKI(publicKey as never), clientToken, staticInternalToken, echo: options.echo };

    // ---- pools that need the graph: timeline page-2 cursors (through ours, once)
    let ours = await startGateway("ours", setup);
    const base = workloads(ROOT, { phones: dataset.phones, orderNumbers: dataset.orderNumbers, pages: [] });
    const pages: Array<{ customerId: string; after: string }> = [];
    for (const phone of dataset.phones.slice(0, 300)) {
      const customerId = `C-${phone.slice(3).slice(-7)}`;
      const body = await post(ours, JSON.stringify({ query: base.page2.query, operationName: "TimelinePage", variables: { customerId, after: null } }));
      const info = body.data?.customer?.timeline?.result?.pageInfo;
      if (info?.hasNextPage && info.endCursor) pages.push({ customerId, after: info.endCursor });
      if (pages.length >= 200) break;
    }
    if (pages.length === 0 && options.queries.includes("page2")) {
      throw new Error("no pooled customer has more than 20 timeline events, so there is no page 2: raise --events-per-source");
    }
    const loads = workloads(ROOT, { phones: dataset.phones, orderNumbers: dataset.orderNumbers, pages });
    log(`pools: ${dataset.phones.length} phones, ${dataset.orderNumbers.length} order numbers, ${pages.length} page-2 cursors`);

    // ---- cost per query kind (ours, x-cost-report), outside the timed load
    const cost: Record<string, CostReport> = {
      "c360 pooled": await costOf(ours, loads.c360, loads.c360.variables(0)),
      "c360 light": await costOf(ours, loads.c360, { identifier: dataset.probe.phone }),
    };
    // P3: the same customer again after ~2,000 more timeline events per source
    const heavyEvents = await addHeavyHistory(target, dataset.probe.index, options.heavyEventsPerSource);
    log(`P3 customer ${dataset.probe.customerId} now has ${heavyEvents} events`);
    cost["c360 heavy"] = await costOf(ours, loads.c360, { identifier: dataset.probe.phone });
    cost.order = await costOf(ours, loads.order, loads.order.variables(0));
    cost.page2 = await costOf(ours, loads.page2, loads.page2.variables(0));
    for (const [k, c] of Object.entries(cost)) log(`cost ${k}: ${c.subgraphFetches} fetches, ${c.sqlStatements} SQL`);
    await ours.proc.stop();

    // ---- critical path of the 360 query
    // Only P1 uses it, and P1 needs a 1-connection run: skipped otherwise (--quick).
    let criticalPath: Awaited<ReturnType<typeof measureCriticalPath>> | undefined;
    if (options.connections.includes(1)) {
      log("critical path: recording the 360 query's subgraph fetches ...");
      const recorded = await recordQueries(supergraphPath, subgraphUrls, staticInternalToken, loads.c360, 50);
      criticalPath = await measureCriticalPath(recorded, options.warmupS, options.durationS);
      log(`critical path: stages ${criticalPath.stages.map((s) => s.join("+")).join(" -> ")}; p50 ${criticalPath.p50.toFixed(2)} ms p95 ${criticalPath.p95.toFixed(2)} ms`);
    } else log("critical path: skipped (P1 needs --connections with 1)");

    // ---- the gateways, one at a time
    const runs: RunResult[] = [];
    // Every gateway must give the same answers as ours, or its figures compare unequal work.
    const answers: Partial<Record<GatewayKind, string[]>> = {};
    const answerChecks: Partial<Record<GatewayKind, string>> = {};
    const answerChecksByQuery: NonNullable<BenchResults["answerChecksByQuery"]> = {};
    const gatewayPeakHwmMb: Partial<Record<GatewayKind, number>> = {};
    let soakResult: SoakResult | undefined;
    const kinds: QueryKind[] = options.queries;
    for (const kind of ["ours", ...options.peers] as GatewayKind[]) {
      log(`starting ${GATEWAY_LABELS[kind]} (${options.workers} worker${options.workers > 1 ? "s" : ""})`);
      const gateway = await startGateway(kind, setup);
      const cpu = new SystemCpu(
        [{ name: "gateway", pgid: gateway.proc.pid }, ...subgraphNames.map((name) => ({ name, pgid: subgraphProcs[name].pid }))],
        options.db === "postgres" ? { applicationName: pgAppName, databaseUrl: options.databaseUrl } : undefined,
      );
      try {
        answers[kind] = await sampleAnswers(gateway, kinds.map((q) => loads[q]));
        // Idle CPU of every process (relays, pollers, timers), measured with everything up and no load: subtracted from the per-answer cost.
        const idle = await cpu.idleRates(options.idleS);
        log(`idle CPU, ms per second: ${[...idle].map(([n, v]) => `${n} ${v.toFixed(1)}`).join(", ")}`);
        const system = { cpu, idle };
        if (kind !== "ours") {
          answerChecks[kind] = compareAnswers(answers.ours!, answers[kind]!);
          log(`${kind} answers vs ours: ${answerChecks[kind]}`);
          const slice = (all: string[], i: number) => all.slice(i * SAMPLES_PER_WORKLOAD, (i + 1) * SAMPLES_PER_WORKLOAD);
          answerChecksByQuery[kind] = Object.fromEntries(kinds.map((q, i) => [q, compareAnswers(slice(answers.ours!, i), slice(answers[kind]!, i))]));
        }
        for (const query of kinds) {
          // A peer is timed only on the queries it answers as ours does: on the others it does other work (or fails).
          const check = answerChecksByQuery[kind]?.[query];
          if (kind !== "ours" && kind !== "cached" && check && !check.startsWith("same")) {
            log(`${kind} ${query}: not timed, its answers differ from ours`);
            notes.push(`${GATEWAY_LABELS[kind]} was not timed on ${query}: its sampled answers differ from ours (${check.slice(0, 300)}).`);
            continue;
          }
          for (const connections of options.connections) runs.push(await runOne(gateway, loads[query], connections, options, system));
        }
        gatewayPeakHwmMb[kind] = groupHwmMb(gateway.proc.pid);
      } finally {
        await cpu.close();
        await gateway.proc.stop();
      }
    }
    // The soak runs last, on a fresh gateway of ours: the peers are then timed right after ours,
    // so a drift in this machine's speed over the soak's minutes does not land between them.
    if (options.soakS > 0) {
      const gateway = await startGateway("ours", setup);
      try {
        soakResult = await soak(gateway, loads.c360, options.soakS, options.warmupS);
      } finally {
        await gateway.proc.stop();
      }
    }
    // ---- optional: what tracing costs (issue 17), ours only
    let tracing: TracingOverhead | undefined;
    if (options.tracing) {
      log("tracing overhead: the 360 with tracing off vs on");
      tracing = await measureTracingOverhead({
        gateway: setup,
        subgraphNames,
        subgraphEnv,
        workload: loads.c360,
        connections: Math.max(...options.connections),
        durationS: options.durationS,
        warmupS: options.warmupS,
        rounds: 2,
        echo: options.echo,
        log,
      });
    }
    if (options.workers > 1) notes.push(`--workers ${options.workers}: Hive runs --fork ${options.workers}; ours and stock Apollo run under scripts/bench/cluster.ts (node:cluster, shared port). CPU and RSS are summed over each gateway's process group.`);
    notes.push(
      `Our gateway runs as in production (NODE_ENV=production, node ${GATEWAY_NODE_FLAGS.join(" ")} as npm start runs it, client JWT verified against JWT_PUBLIC_KEY, ES256, every answer recorded in the audit subgraph before it leaves) and signs an internal token per subgraph fetch; the peers forward one static long-lived internal token for the same caller (x-gateway-token) and verify no client token, so they do less work per request by construction.`,
      "Response caching is off for ours and the peers (none configured). The `cached` lines are ours again with RESPONSE_CACHE_TTL_SECONDS=60 in memory, reported on their own: the same request pool cycles, so after the first pass most answers are hits; the audit trail still records every answer. Hive Gateway runs its CLI with defaults (no JIT, masked errors) plus a config file that overrides the subgraph locations and adds the static token.",
    );

    // ---- optional CPU profile of ours under the 50-connection 360 load
    let profileSection = "";
    const resultsDir = path.join(ROOT, "bench-results");
    const outDir = path.join(resultsDir, stamp);
    if (cpuProf) {
      const profDir = path.join(options.write ? outDir : tmpDir, "cpuprof");
      fs.mkdirSync(profDir, { recursive: true });
      log(`profiling ours (node --cpu-prof) under 360 at 50 connections for ${options.durationS} s`);
      ours = await startGateway("ours", { ...setup, workers: 1 }, ["--cpu-prof", `--cpu-prof-dir=${profDir}`]);
      await runLoad(ours.url, ours.headers, loads.c360, 50, options.warmupS + options.durationS);
      await ours.proc.stop();
      const file = fs.readdirSync(profDir).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(profDir, f))[0];
      if (file) {
        const summary = summarizeProfile(file);
        profileSection = `## CPU profile of our gateway (360 at 50 connections, node --cpu-prof)\n\n${profileMarkdown({ ...summary, file: path.relative(ROOT, file) })}\n`;
        console.log(`\n${profileSection}`);
      }
    }

    let subgraphProfileSection = "";
    if (subgraphCpuProf) {
      // node writes a .cpuprofile when the process exits: stop the subgraphs, then summarise each.
      await Promise.all(Object.values(subgraphProcs).map((proc) => proc.stop()));
      const sections: string[] = ["## CPU profiles of the subgraphs (node --cpu-prof, the whole run)", ""];
      for (const name of subgraphNames) {
        const dir = path.join(subgraphProfDir, name);
        const file = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(dir, f))[0] : undefined;
        if (!file) {
          sections.push(`### ${name}`, "", "no profile written (did it exit cleanly on SIGTERM?)", "");
          continue;
        }
        sections.push(`### ${name}`, "", profileMarkdown({ ...summarizeProfile(file, 20), file: path.relative(ROOT, file) }), "");
      }
      subgraphProfileSection = sections.join("\n");
      fs.writeFileSync(path.join(ROOT, "bench-results", stamp, "subgraph-profiles.md"), subgraphProfileSection);
      console.log(`\n${subgraphProfileSection}`);
    }

    // ---- P4 in the same run: PostgreSQL at scale, after the SQLite graph has stopped (scripts/bench/postgresScale.ts)
    let postgresScale: PostgresScaleResult | undefined;
    if (options.db === "sqlite" && options.pgScaleCustomers > 0 && !subgraphCpuProf) {
      await Promise.all(Object.values(subgraphProcs).map((proc) => proc.stop()));
      postgresScale = await runPostgresScale({
        root: ROOT,
        customers: options.pgScaleCustomers,
        connections: Math.max(...options.connections),
        durationS: options.durationS,
        warmupS: options.warmupS,
        idleS: options.idleS,
        databaseUrl: options.databaseUrl,
        tmpDir,
        log,
      });
      if (postgresScale.skipped) log(`P4 not measured: ${postgresScale.skipped}`);
    }

    const partial = {
      startedAt,
      finishedAt: new Date().toISOString(),
      totalSeconds: (Date.now() - started) / 1000,
      machine: machine(),
      options: { ...options, databaseUrl: options.db === "postgres" ? options.databaseUrl.replace(/\/\/[^@]*@/, "//***@") : undefined },
      dataset: {
        customers: dataset.customers,
        eventsPerSource: dataset.eventsPerSource,
        seedSeconds: dataset.seedSeconds,
        light: { customerId: dataset.probe.customerId, events: dataset.probe.events },
        heavy: { customerId: dataset.probe.customerId, events: heavyEvents },
        pools: { c360: loads.c360.poolSize, order: loads.order.poolSize, page2: loads.page2.poolSize },
      },
      cost,
      criticalPath,
      runs,
      gatewayPeakHwmMb,
      soak: soakResult,
      notes,
      answerChecks,
      answerChecksByQuery,
      ...(tracing ? { tracing } : {}),
      ...(postgresScale ? { postgresScale } : {}),
      ...(options.write ? { resultsFile: path.relative(ROOT, path.join(outDir, "results.json")) } : {}),
    };
    const results: BenchResults = { ...partial, targets: evaluateTargets(partial, options.db === "postgres" ? latestSqliteBaseline(resultsDir) : undefined) };

    console.log(`\n${runsTable(results)}\n`);
    const system = systemTable(results);
    if (system) console.log(`Whole-system CPU per answer (ms):\n${system}\n`);
    for (const t of results.targets) console.log(`${t.id} ${t.status.padEnd(12)} ${t.title}\n   ${t.measured}`);
    let md = markdown(results);
    if (profileSection) md += `\n${profileSection}`;
    if (subgraphProfileSection) md += `\n${subgraphProfileSection}\n`;
    if (tracing) {
      md += `\n${tracingMarkdown(tracing)}`;
      console.log(`\n${tracingMarkdown(tracing)}`);
    }
    const findings = path.join(ROOT, "bench", "PROFILE.md");
    if (fs.existsSync(findings)) md += `\n${fs.readFileSync(findings, "utf8")}`;
    if (options.jsonOut) fs.writeFileSync(options.jsonOut, `${JSON.stringify(results, null, 2)}\n`);
    if (options.write) {
      fs.mkdirSync(outDir, { recursive: true });
      fs.writeFileSync(path.join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
      fs.writeFileSync(path.join(outDir, "BENCHMARK.md"), md);
      fs.mkdirSync(path.join(ROOT, "docs"), { recursive: true });
      // One report per database, so the PostgreSQL-at-scale run (P4) does not replace the default one.
      const docName = options.db === "postgres" ? "BENCHMARK-postgres.md" : "BENCHMARK.md";
      fs.writeFileSync(path.join(ROOT, "docs", docName), md);
      log(`wrote ${path.relative(ROOT, outDir)}/{results.json,BENCHMARK.md} and docs/${docName}`);
    }
    log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return 0;
  } catch (error) {
    console.error(`[bench] failed: ${(error as Error).stack ?? error}`);
    return 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[bench] ${error.stack}`);
    process.exit(1);
  },
);
