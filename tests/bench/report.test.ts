import { evaluateTargets, markdown, runsTable, systemTable, type BenchResults, type RunResult } from "../../scripts/bench/report";
import { perAnswer, totalOf } from "../../scripts/bench/systemCpu";

// Report formatting only: no timing, no processes.
function run(gateway: RunResult["gateway"], connections: number, rps: number, cpuMsPerQuery: number, p50: number): RunResult {
  return { gateway, query: "c360", connections, durationS: 10, requests: rps * 10, rps, p50, p95: p50 * 2, p99: p50 * 3, mean: p50, non2xx: 0, socketErrors: 0, timeouts: 0, graphqlErrors: 0, errors: 0, cpuMsPerQuery, cpuSeconds: 1, rssPeakMb: 200, rssStartMb: 190, rssEndMb: 195 };
}

const cost = { subgraphFetches: 3, sqlStatements: 3, fetches: [{ subgraph: "a", sqlStatements: 1, ok: true }, { subgraph: "b", sqlStatements: 1, ok: true }, { subgraph: "c", sqlStatements: 1, ok: true }] };

const base: Omit<BenchResults, "targets"> = {
  startedAt: "2025-01-01T00:00:00Z",
  finishedAt: "2025-01-01T00:05:00Z",
  totalSeconds: 300,
  machine: { cpu: "Test CPU", cores: 2, ramGb: 8, node: "v20", os: "Linux" },
  options: { customers: 10000, eventsPerSource: 5, heavyEventsPerSource: 2000, durationS: 10, warmupS: 3, db: "sqlite", connections: [1, 50], workers: 1, peers: ["hive", "apollo"], queries: ["c360"], soakS: 0, write: false, echo: false, idleS: 3, pgScaleCustomers: 0 },
  dataset: { customers: 10000, eventsPerSource: 5, seedSeconds: 10, light: { customerId: "C-1", events: 10 }, heavy: { customerId: "C-1", events: 10010 }, pools: { c360: 1000, order: 1000, page2: 200 } },
  cost: { "c360 light": cost, "c360 heavy": cost },
  criticalPath: { plan: "QueryPlan {}", stages: [["customers"]], recordedQueries: 1, requests: 100, p50: 10, p95: 20, p99: 30 },
  runs: [run("ours", 1, 50, 5, 11), run("ours", 50, 100, 4, 400), run("hive", 50, 90, 8, 500), run("apollo", 50, 60, 20, 700)],
  gatewayPeakHwmMb: { ours: 210 },
  notes: [],
};

describe("bench report", () => {
  it("judges the targets from the figures", () => {
    const targets = evaluateTargets(base, undefined);
    const byId = Object.fromEntries(targets.map((t) => [t.id, t]));
    expect(byId.P1.status).toBe("PASS"); // 11 <= 1.2 * 10
    expect(byId.P2.status).toBe("PASS"); // RPS 100 >= 90, CPU 4/8 = 0.5x <= 0.67x, 4/20 = 0.2x <= 0.33x, 0 errors
    expect(byId.P2.measured).toContain("0.50x");
    expect(byId.P3.status).toBe("PASS");
    expect(byId.P4.status).toBe("NOT MEASURED");
    expect(byId.P5.status).toBe("PASS");
  });

  it("prints ratios ours/peer and a Markdown document with the machine", () => {
    expect(runsTable(base)).toContain("1.11x / 0.50x");
    const md = markdown({ ...base, targets: evaluateTargets(base, undefined) });
    expect(md).toContain("Test CPU, 2 cores, 8 GB RAM");
    expect(md).toContain("| P1:");
  });

  it("P6 judges the whole system's CPU per 360 answer, net of each process's idle rate", () => {
    // 10 s window, 100 answers: gateway 0.5 s of CPU, customers 1.2 s of which 0.2 s is idle polling (20 ms/s)
    const processes = perAnswer(new Map([["gateway", 0.5], ["customers", 1.2]]), new Map([["gateway", 0], ["customers", 20]]), 10, 100);
    expect(processes.map((p) => [p.name, p.cpuMsPerQuery, p.netCpuMsPerQuery])).toEqual([["gateway", 5, 5], ["customers", 12, 10]]);
    const withSystem = (net: number): Omit<BenchResults, "targets"> => {
      const ours50 = { ...run("ours", 50, 100, 4, 400), processes, systemCpuMsPerQuery: totalOf(processes, "cpuMsPerQuery"), systemNetCpuMsPerQuery: net };
      return { ...base, runs: [run("ours", 1, 50, 5, 11), ours50] };
    };
    const p6 = (net: number) => evaluateTargets(withSystem(net), undefined).find((t) => t.id === "P6")!;
    expect(totalOf(processes, "netCpuMsPerQuery")).toBe(15);
    expect(p6(15).status).toBe("PASS");
    expect(p6(15.5).status).toBe("FAIL");
    expect(p6(15.5).measured).toContain("customers 10.00");
    expect(evaluateTargets(base, undefined).find((t) => t.id === "P6")!.status).toBe("NOT MEASURED");
    // Refused answers (e.g. 429s) are cheap: a run with errors cannot pass P6, however low its CPU.
    const refused = withSystem(1);
    refused.runs[1] = { ...refused.runs[1], errors: 12, errorSample: "HTTP 429: rate limit" };
    const p6Refused = evaluateTargets(refused, undefined).find((t) => t.id === "P6")!;
    expect(p6Refused.status).toBe("FAIL");
    expect(p6Refused.measured).toContain("12 errors");
    const table = systemTable(withSystem(15));
    expect(table).toContain("| ours (gateway/) | c360 | 50 | 5.00 | 12.00 | 17.00 | 15.00 |");
    expect(table).toContain("customers 20.0");
  });

  it("P2 leaves Hive out when its 360 answers differ from ours, and uses it when they match", () => {
    const differing = evaluateTargets({ ...base, answerChecksByQuery: { hive: { c360: "DIFFERENT in 5 of 5 answers" } } }, undefined).find((t) => t.id === "P2")!;
    expect(differing.measured).toContain("Hive not compared");
    expect(differing.measured).not.toContain("vs Hive");
    const same = evaluateTargets({ ...base, answerChecksByQuery: { hive: { c360: "same (5 answers)" } } }, undefined).find((t) => t.id === "P2")!;
    expect(same.measured).toContain("vs Hive");
  });

  it("P2 compares the gateways' CPU from the fixed-count window when it was measured", () => {
    const withGatewayCpu = (r: RunResult, ms: number): RunResult => ({ ...r, processes: [{ name: "gateway", cpuMsPerQuery: ms, idleMsPerSecond: 0, netCpuMsPerQuery: ms }] });
    // timed window: 4 vs 20 = 0.20x (pass); fixed-count window: 8 vs 16 = 0.50x (fail)
    const runs = [run("ours", 1, 50, 5, 11), withGatewayCpu(run("ours", 50, 100, 4, 400), 8), withGatewayCpu(run("apollo", 50, 60, 20, 700), 16)];
    const p2 = evaluateTargets({ ...base, runs }, undefined).find((t) => t.id === "P2")!;
    expect(p2.status).toBe("FAIL");
    expect(p2.measured).toContain("(fixed-count window) 8.00 ms vs stock Apollo 16.00 ms = 0.50x");
  });

  it("P4 in the same run: the PostgreSQL child's 360 p95 against this run's SQLite p95, with PostgreSQL's own CPU", () => {
    const pgRun: RunResult = {
      ...run("ours", 50, 80, 5, 500),
      processes: [
        { name: "gateway", cpuMsPerQuery: 5, idleMsPerSecond: 0, netCpuMsPerQuery: 5 },
        { name: "customers", cpuMsPerQuery: 9, idleMsPerSecond: 0, netCpuMsPerQuery: 9 },
        { name: "postgres", cpuMsPerQuery: 30, idleMsPerSecond: 0, netCpuMsPerQuery: 30 },
      ],
      systemNetCpuMsPerQuery: 44,
    };
    const p4 = (postgresScale: BenchResults["postgresScale"]) => evaluateTargets({ ...base, postgresScale }, undefined).find((t) => t.id === "P4")!;
    // SQLite p95 at 50 connections is 800 (run() doubles p50); PostgreSQL 1000 -> 1.25x
    const measured = p4({ customers: 100000, connections: 50, run: pgRun, file: "bench-results/x/results.json" });
    expect(measured.status).toBe("PASS");
    expect(measured.measured).toContain("= 1.25x");
    expect(measured.measured).toContain("PostgreSQL server backends 30.00 ms, subgraphs 9.00 ms, gateway 5.00 ms");
    expect(p4({ customers: 100000, connections: 50, run: { ...pgRun, p95: 1300 } }).status).toBe("FAIL");
    const skipped = p4({ customers: 100000, connections: 50, skipped: "PostgreSQL did not answer at postgres://***@x (ECONNREFUSED)" });
    expect(skipped.status).toBe("NOT MEASURED");
    expect(skipped.measured).toContain("ECONNREFUSED");
  });
});
