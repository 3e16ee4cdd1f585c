import path from "node:path";
import { startGateway, type GatewaySetup } from "./gateways";
import { runLoad, type Workload } from "./load";
import { startOtlpReceiver } from "./otlpReceiver";
import { groupCpuSeconds, spawnGroup, waitForOutput, type BenchProcess } from "./processes";

/**
 * off: no endpoint (the default, no SDK loaded); on: every span exported (parent-based
 * always-on, the SDK default); sampled: the gateway samples 10 % of requests
 * (parentbased_traceidratio 0.1) and the subgraphs follow its decision.
 */
export type TracingMode = "off" | "on" | "sampled";
const MODES: TracingMode[] = ["off", "on", "sampled"];
const SAMPLED_RATIO = "0.1";

/** One timed window of the 360 at `connections`, in one tracing mode (`npm run bench -- --tracing`). */
export interface TracingRun {
  tracing: TracingMode;
  round: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  /** CPU ms per answer: the gateway alone, and the gateway plus every subgraph (the whole graph's cost). */
  gatewayCpuMsPerQuery: number;
  graphCpuMsPerQuery: number;
  /** Spans the receiver got per answer, warm-up included (0 when off). */
  spansPerAnswer: number;
}

export interface TracingOverhead {
  connections: number;
  durationS: number;
  runs: TracingRun[];
  /** Means over the rounds, per mode. */
  modes: Record<TracingMode, { gatewayCpuMsPerQuery: number; graphCpuMsPerQuery: number; rps: number; p50: number; spansPerQuery: number }>;
}

export interface TracingOverheadSetup {
  gateway: GatewaySetup;
  subgraphNames: string[];
  /** The subgraphs' environment as the bench started them (database, secret, NODE_ENV). */
  subgraphEnv: NodeJS.ProcessEnv;
  workload: Workload;
  connections: number;
  durationS: number;
  warmupS: number;
  rounds: number;
  echo: boolean;
  log: (line: string) => void;
}

async function startSubgraphs(setup: TracingOverheadSetup, env: NodeJS.ProcessEnv): Promise<{ procs: BenchProcess[]; urls: Record<string, string> }> {
  const procs: BenchProcess[] = [];
  const urls: Record<string, string> = {};
  await Promise.all(
    setup.subgraphNames.map(async (name) => {
      const proc = spawnGroup(name, process.execPath, [path.join(setup.gateway.distDir, "subgraphs", name, "main.js")], { ...setup.subgraphEnv, ...env }, { echo: setup.echo, cwd: setup.gateway.root });
      procs.push(proc);
      urls[name] = (await waitForOutput(proc, /ready at (http:\/\/\S+)/, 90000))[1];
    }),
  );
  return { procs, urls };
}

/**
 * The cost of tracing: the 360 at `connections` in each TracingMode, in alternating rounds
 * (this VM's speed drifts, so the modes are interleaved rather than run once each). On,
 * every process of the graph (our gateway and each subgraph) exports its spans over
 * OTLP/HTTP to a throwaway receiver in this process, which counts them; the receiver's own
 * CPU is not counted (a collector runs elsewhere). Off is the default: no endpoint, no SDK.
 */
export async function measureTracingOverhead(setup: TracingOverheadSetup): Promise<TracingOverhead> {
  const receiver = await startOtlpReceiver({ keep: false });
  const runs: TracingRun[] = [];
  try {
    for (let round = 1; round <= setup.rounds; round++) {
      for (const tracing of MODES) {
        const otel: Record<string, string> = { OTEL_EXPORTER_OTLP_ENDPOINT: tracing === "off" ? "" : receiver.endpoint };
        const subgraphs = await startSubgraphs(setup, otel);
        // The sampling decision is the gateway's (the subgraphs are parent-based).
        const gatewayOtel: Record<string, string> = tracing === "sampled" ? { ...otel, OTEL_TRACES_SAMPLER: "parentbased_traceidratio", OTEL_TRACES_SAMPLER_ARG: SAMPLED_RATIO } : otel;
        // startGateway passes the bench's own environment on to the gateway process: set these there for this start only.
        const previous = Object.fromEntries(Object.keys(gatewayOtel).map((k) => [k, process.env[k]]));
        Object.assign(process.env, gatewayOtel);
        const gateway = await startGateway("ours", { ...setup.gateway, subgraphUrls: subgraphs.urls }).finally(() => {
          for (const [k, v] of Object.entries(previous)) {
            if (v === undefined) delete process.env[k];
            else process.env[k] = v;
          }
        });
        try {
          // Spans are counted from the warm-up on (its last batch lands during the window), per answer of both.
          const spansBefore = receiver.count();
          const warmup = setup.warmupS > 0 ? (await runLoad(gateway.url, gateway.headers, setup.workload, setup.connections, setup.warmupS)).requests : 0;
          const groups = [gateway.proc, ...subgraphs.procs];
          const before = groups.map((p) => groupCpuSeconds(p.pid));
          const load = await runLoad(gateway.url, gateway.headers, setup.workload, setup.connections, setup.durationS);
          const cpu = groups.map((p, i) => groupCpuSeconds(p.pid) - before[i]);
          const answers = Math.max(1, load.requests);
          const run: TracingRun = {
            tracing,
            round,
            requests: load.requests,
            rps: load.rps,
            p50: load.p50,
            p95: load.p95,
            errors: load.errors,
            gatewayCpuMsPerQuery: (cpu[0] * 1000) / answers,
            graphCpuMsPerQuery: (cpu.reduce((a, b) => a + b, 0) * 1000) / answers,
            spansPerAnswer: 0,
          };
          // Let the last batch (BatchSpanProcessor, 5 s) arrive before counting this window's spans.
          if (tracing !== "off") await new Promise((resolve) => setTimeout(resolve, 6000));
          run.spansPerAnswer = (receiver.count() - spansBefore) / Math.max(1, warmup + load.requests);
          runs.push(run);
          setup.log(
            `tracing ${tracing.padEnd(7)} round ${round}: ${run.rps.toFixed(1)} req/s p50 ${run.p50.toFixed(1)} ms errors ${run.errors}  CPU ms/answer gateway ${run.gatewayCpuMsPerQuery.toFixed(2)}, graph ${run.graphCpuMsPerQuery.toFixed(2)}  spans/answer ${run.spansPerAnswer.toFixed(1)}`,
          );
        } finally {
          await gateway.proc.stop();
          await Promise.all(subgraphs.procs.map((p) => p.stop()));
        }
      }
    }
  } finally {
    await receiver.close();
  }
  const mean = (tracing: TracingMode, pick: (r: TracingRun) => number) => {
    const rs = runs.filter((r) => r.tracing === tracing);
    return rs.reduce((sum, r) => sum + pick(r), 0) / Math.max(1, rs.length);
  };
  const summary = (tracing: TracingMode) => ({
    gatewayCpuMsPerQuery: mean(tracing, (r) => r.gatewayCpuMsPerQuery),
    graphCpuMsPerQuery: mean(tracing, (r) => r.graphCpuMsPerQuery),
    rps: mean(tracing, (r) => r.rps),
    p50: mean(tracing, (r) => r.p50),
    spansPerQuery: mean(tracing, (r) => r.spansPerAnswer),
  });
  return { connections: setup.connections, durationS: setup.durationS, runs, modes: { off: summary("off"), on: summary("on"), sampled: summary("sampled") } };
}

/** The report section for BENCHMARK.md. */
export function tracingMarkdown(result: TracingOverhead): string {
  const pct = (on: number, off: number) => `${on >= off ? "+" : ""}${(((on - off) / off) * 100).toFixed(0)} %`;
  const rows = result.runs.map(
    (r) => `| ${r.tracing} | ${r.round} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.gatewayCpuMsPerQuery.toFixed(2)} | ${r.graphCpuMsPerQuery.toFixed(2)} | ${r.spansPerAnswer.toFixed(1)} | ${r.errors} |`,
  );
  return [
    `## Tracing overhead (360 query, ${result.connections} connections, ${result.durationS} s windows, the modes interleaved)`,
    "",
    "| tracing | round | req/s | p50 ms | gateway CPU ms/answer | graph CPU ms/answer | spans/answer | errors |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    ...MODES.filter((m) => m !== "off").map((mode) => {
      const { off } = result.modes;
      const m = result.modes[mode];
      return `- ${mode === "on" ? "on, every span exported" : `on, ${Number(SAMPLED_RATIO) * 100} % of requests sampled at the gateway`}: CPU per answer of the gateway ${m.gatewayCpuMsPerQuery.toFixed(2)} ms against ${off.gatewayCpuMsPerQuery.toFixed(2)} ms off (${pct(m.gatewayCpuMsPerQuery, off.gatewayCpuMsPerQuery)}), of the whole graph ${m.graphCpuMsPerQuery.toFixed(2)} ms against ${off.graphCpuMsPerQuery.toFixed(2)} ms (${pct(m.graphCpuMsPerQuery, off.graphCpuMsPerQuery)}); ${m.spansPerQuery.toFixed(1)} spans exported per answer.`;
    }),
    "",
  ].join("\n");
}
