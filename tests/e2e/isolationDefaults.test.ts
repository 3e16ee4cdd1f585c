import fs from "node:fs";
import path from "node:path";
import { readGatewayConfig } from "../../gateway/config";
import { startGateway, type RunningGateway } from "../../gateway/startGateway";
import { startDelayingProxy, type DelayingProxy } from "../helpers/delayingProxy";
import { startGraph, ROOT, type Graph } from "../helpers/graphHarness";

/*
 * The claim of issue 12, with the DEFAULT timeouts (SUBGRAPH_TIMEOUT_MS 5000 for every
 * subgraph, REQUEST_TIMEOUT_MS 15000): one hung (SIGSTOP) or slow (every answer delayed past
 * the timeout) source, a domain subgraph (billing) or a partner's (fieldservice), costs the
 * 360 query that source's data and nothing else, and about one timeout of waiting.
 */

const CUSTOMER_360 = fs.readFileSync(path.join(ROOT, "schema", "operations", "customer360.graphql"), "utf8");
const DEFAULT_TIMEOUT_MS = readGatewayConfig({ INTERNAL_SIGNING_KEYS_FILE: "unused-here.json" }).subgraphTimeoutMs;
/** S5 (刘洋 Liu Yang) has records in customers, aftersales, billing and fieldservice. */
const S5_PHONE = "+86 135 5555 0505";
/** Longer than the timeout: to the gateway this source is too slow, however healthy it is. */
const SLOW_MS = DEFAULT_TIMEOUT_MS + 3000;

interface Entry {
  source: string;
  [field: string]: unknown;
}

describe("isolation with default timeouts: a hung or slow source never blanks the 360", () => {
  let graph: Graph;
  /** A second gateway reaching billing and fieldservice through delaying proxies. */
  let routed: RunningGateway;
  const proxies = new Map<string, DelayingProxy>();
  let complete: any;
  let normalMs = 0;

  async function ask(gateway: RunningGateway) {
    const started = performance.now();
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await graph.token({ role: "rep", org: "yougou", sub: "rep-chen" })}` },
      body: JSON.stringify({ query: CUSTOMER_360, variables: { identifier: S5_PHONE } }),
    });
    return { body: (await response.json()) as any, ms: performance.now() - started };
  }

  beforeAll(async () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(5000);
    graph = await startGraph({ label: "sqlite" }, { SUBGRAPH_TIMEOUT_MS: String(DEFAULT_TIMEOUT_MS) });
    for (const name of ["billing", "fieldservice"]) proxies.set(name, await startDelayingProxy(graph.subgraphs.get(name)!.url, 0));
    const urls = Object.fromEntries([...graph.subgraphs.values()].map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, proxies.get(s.name)?.url ?? s.url]));
    routed = await startGateway(
      readGatewayConfig({ PORT: "0", DATA_DIR: graph.dataDir, INTERNAL_SIGNING_KEYS_FILE: graph.internalKeys.signingKeysFile, NODE_ENV: "test", SUPERGRAPH_PATH: path.join(ROOT, "schema", "supergraph.graphql"), ...urls }),
    );
    const first = await ask(graph.gateway);
    expect(first.body.errors).toBeUndefined();
    complete = first.body.data.findCustomers.result.candidates[0].customer;
    // The claim needs S5 to have data in both sources (else "missing" would prove nothing).
    const sources = new Set([...complete.overview.result.timeline.entries, ...complete.overview.result.openMatters.matters].map((e: Entry) => e.source));
    expect([...sources]).toEqual(expect.arrayContaining(["billing", "fieldservice", "aftersales", "customers"]));
    // The normal answer time, now, on this machine: the margin below is derived from it.
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) samples.push((await ask(graph.gateway)).ms);
    normalMs = samples.sort((a, b) => a - b)[2];
    console.log(`isolation (defaults): normal 360 answer ${normalMs.toFixed(0)} ms (median of 5)`);
  }, 120_000);

  afterAll(async () => {
    await routed?.stop();
    await Promise.all([...proxies.values()].map((p) => p.close()));
    await graph?.stop();
  });

  /**
   * What "every other source's data" means: all of the complete answer's matters from other
   * sources, and its timeline entries from other sources (the page may now reach further
   * back, never less far).
   */
  function expectEverythingBut(slow: string, body: any, ms: number) {
    const customer = body.data.findCustomers.result.candidates[0].customer;
    expect(customer.id).toBe("C-S5");
    const { timeline, openMatters } = customer.overview.result;
    expect(timeline.missingSources).toEqual([slow]);
    expect(openMatters.missingSources).toEqual([slow]);
    const others = (entries: Entry[]) => entries.filter((e) => e.source !== slow);
    expect(openMatters.matters).toEqual(others(complete.overview.result.openMatters.matters));
    expect(timeline.entries).toEqual(expect.arrayContaining(others(complete.overview.result.timeline.entries)));
    expect(timeline.entries.some((e: Entry) => e.source === slow)).toBe(false);
    const unavailable = body.errors.filter((e: any) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE");
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((e: any) => e.extensions.serviceName === slow)).toBe(true);
    expect(unavailable[0].message).toContain(`"${slow}" did not answer within ${DEFAULT_TIMEOUT_MS} ms`);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|ECONN/);
    // It really waited for the slow source (the timeout, not a refused connection) ...
    expect(ms).toBeGreaterThanOrEqual(DEFAULT_TIMEOUT_MS * 0.95);
    // ... once, not once per fetch of that source: after its timeout only the rest of the plan
    // runs, which takes about one normal answer. Margin: 1000 ms or three normal answers,
    // whichever is more. Measured on the 2-core development machine: normal answer 93 ms
    // (median of 5), the four degraded answers 5057-5128 ms, i.e. 57-128 ms after the
    // timeout; the margin leaves about 8x that for a machine busy with parallel test files.
    // Waiting once per fetch of the source would take 2 x 5000 ms; the old per-request
    // deadline gave data: null.
    const marginMs = Math.max(1000, 3 * normalMs);
    console.log(`isolation (defaults): ${slow} out -> answer in ${ms.toFixed(0)} ms (bound ${DEFAULT_TIMEOUT_MS} + ${marginMs.toFixed(0)})`);
    expect(ms).toBeLessThan(DEFAULT_TIMEOUT_MS + marginMs);
  }

  for (const slow of ["billing", "fieldservice"]) {
    it(`hung ${slow} (SIGSTOP): every other source's data, ${slow} missing and named, within one timeout plus margin`, async () => {
      const child = graph.subgraphs.get(slow)!.child;
      child.kill("SIGSTOP"); // alive, holding its port, answering nothing
      try {
        const { body, ms } = await ask(graph.gateway);
        expectEverythingBut(slow, body, ms);
      } finally {
        child.kill("SIGCONT");
      }
      // And it is back in the next answer: nothing was remembered across requests.
      expect((await ask(graph.gateway)).body.errors).toBeUndefined();
    }, 30_000);

    it(`slow ${slow} (every answer ${SLOW_MS} ms late): every other source's data, ${slow} missing and named, within one timeout plus margin`, async () => {
      const proxy = proxies.get(slow)!;
      proxy.delayMs = SLOW_MS;
      try {
        const { body, ms } = await ask(routed);
        expectEverythingBut(slow, body, ms);
      } finally {
        proxy.delayMs = 0;
      }
      expect((await ask(routed)).body.errors).toBeUndefined();
    }, 30_000);
  }
});
