import fs from "node:fs";
import path from "node:path";
import { startGraph, ROOT, type Graph } from "../helpers/graphHarness";

const CUSTOMER_360 = fs.readFileSync(path.join(ROOT, "schema", "operations", "customer360.graphql"), "utf8");
const TIMEOUT_MS = 2000;

/** The 360 query for S4's customer, who has records in customers, aftersales and billing. */
async function timed(graph: Graph) {
  const started = performance.now();
  const response = await graph.query(CUSTOMER_360, { identifier: "+86 186 2700 4444" });
  return { ...response, ms: performance.now() - started };
}

describe("isolation: one slow or dead subgraph never hangs or blanks the answer", () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ label: "sqlite" }, { SUBGRAPH_TIMEOUT_MS_BILLING: String(TIMEOUT_MS) });
    expect((await timed(graph)).body.errors).toBeUndefined();
  });
  afterAll(() => graph?.stop());

  it("answers within the timeout (plus the rest of the plan) when a subgraph hangs, with the others' data and the hung one named", async () => {
    // After billing's time is up the plan still runs its later stages; on a machine busy with
    // parallel test files those take longer than 10% of the timeout, so allow the larger of
    // 10% and twice what the whole query takes right now. Waiting on billing twice (once per
    // plan stage that calls it) would take 2 x TIMEOUT_MS and still fail.
    const normalMs = (await timed(graph)).ms;
    const allowed = TIMEOUT_MS + Math.max(TIMEOUT_MS * 0.1, 2 * normalMs);
    const billing = graph.subgraphs.get("billing")!.child;
    billing.kill("SIGSTOP"); // the process is alive and holds its port, but answers nothing
    try {
      const { body, ms } = await timed(graph);
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS * 0.95);
      expect(ms).toBeLessThan(allowed);
      const customer = body.data.findCustomers.result.candidates[0].customer;
      expect(customer.id).toBe("C-S4");
      expect(customer.overview.result.timeline.missingSources).toEqual(["billing"]);
      expect(customer.overview.result.openMatters.missingSources).toEqual(["billing"]);
      expect(customer.overview.result.openMatters.matters.some((m: { source: string }) => m.source === "customers")).toBe(true);
      expect(customer.overview.result.timeline.entries.length).toBeGreaterThan(0);
      const unavailable = body.errors.filter((e: any) => e.extensions.code === "SUBGRAPH_UNAVAILABLE");
      expect(unavailable.length).toBeGreaterThan(0);
      expect(unavailable.every((e: any) => e.extensions.serviceName === "billing")).toBe(true);
      expect(unavailable[0].message).toMatch(/billing/);
    } finally {
      billing.kill("SIGCONT");
    }
  });

  it("answers at once when a subgraph is down, naming it, and keeps answering", async () => {
    await graph.stopSubgraph("billing");
    const { body, ms } = await timed(graph);
    expect(ms).toBeLessThan(TIMEOUT_MS);
    const customer = body.data.findCustomers.result.candidates[0].customer;
    expect(customer.overview.result.timeline.missingSources).toEqual(["billing"]);
    expect(body.errors.some((e: any) => e.extensions.code === "SUBGRAPH_UNAVAILABLE" && e.extensions.serviceName === "billing")).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|stacktrace/);
    const ready = await fetch(graph.gateway.url.replace("/graphql", "/ready"));
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as any).subgraphs.billing).toBe("down");
  });
});
