/**
 * Issue 17: one request through the real gateway (subgraphs as processes) leaves one log
 * line in the gateway and one in every subgraph it touched, all with the same request id;
 * /metrics shows each touched subgraph's fetch histogram, and the partial-answer counter
 * goes up when a subgraph is down.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, startGraph, type Graph } from "../helpers/graphHarness";
import { eventually, metricsUrlOf, readLogLines, sampleValue, scrape, type LogLine } from "./observabilityKit";

const S1_BY_PHONE = `query RepLookup($phone: String!) {
  customersByPhone(phone: $phone) {
    id
    retailerAccounts { orders(first: 5) { number serviceCases { number visits { id technician { name } } } } }
    billingAccounts { number status }
    securityLogins { id status }
  }
}`;
const CUSTOMER_360 = fs.readFileSync(path.join(ROOT, "schema", "operations", "customer360.graphql"), "utf8");
const REP = { role: "rep" as const, org: "yougou", sub: "rep-observed", name: "观察 Observed rep" };

describe("logs and metrics of one request across the graph", () => {
  let graph: Graph;
  let logFile: string;
  let previousLogFile: string | undefined;

  beforeAll(async () => {
    logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "c360-logs-")), "graph.log");
    // The in-process gateway reads LOG_FILE from the environment; the subgraph processes get it too.
    previousLogFile = process.env.LOG_FILE;
    process.env.LOG_FILE = logFile;
    process.env.LOG_LEVEL = "info";
    graph = await startGraph({ label: "sqlite" }, { LOG_FILE: logFile, LOG_LEVEL: "info" });
  });
  afterAll(async () => {
    await graph?.stop();
    delete process.env.LOG_LEVEL;
    if (previousLogFile === undefined) delete process.env.LOG_FILE;
    else process.env.LOG_FILE = previousLogFile;
  });

  async function post(headers: Record<string, string>, request = { query: S1_BY_PHONE, variables: { phone: "+86 138-0719-1234" } as Record<string, unknown>, operationName: "RepLookup" }): Promise<{ status: number; requestId: string | null; body: any }> {
    const response = await fetch(graph.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await graph.token(REP)}`, "x-cost-report": "1", ...headers },
      body: JSON.stringify(request),
    });
    return { status: response.status, requestId: response.headers.get("x-request-id"), body: await response.json() };
  }

  const linesOf = (requestId: string) => readLogLines(logFile).filter((line) => line.requestId === requestId && line.msg === "request");

  it("logs the request in the gateway and in every subgraph it touched, with the client's request id", async () => {
    const requestId = `obs-${Date.now()}`;
    const { status, requestId: echoed, body } = await post({ "x-request-id": requestId });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(echoed).toBe(requestId);
    const touched = new Set<string>(body.extensions.cost.fetches.map((f: { subgraph: string }) => f.subgraph));
    // The lookup reaches at least customers, orders, aftersales, billing and security.
    expect([...touched].sort()).toEqual(expect.arrayContaining(["aftersales", "billing", "customers", "orders", "security"]));

    const lines = await eventually(() => {
      const found = linesOf(requestId);
      const services = new Set(found.map((line) => line.service));
      return services.has("gateway") && [...touched].every((name) => services.has(name)) ? found : undefined;
    });
    const gatewayLines = lines.filter((line) => line.service === "gateway");
    expect(gatewayLines).toHaveLength(1);
    expect(gatewayLines[0]).toMatchObject({ operation: "RepLookup", subject: "rep-observed", role: "rep", status: 200, outcome: "complete", errorCodes: [], missingSources: [] });
    expect(gatewayLines[0].durationMs).toEqual(expect.any(Number));
    for (const name of touched) {
      const own = lines.filter((line) => line.service === name);
      // One line per fetch of that subgraph in this request's plan.
      expect(own).toHaveLength(body.extensions.cost.fetches.filter((f: { subgraph: string }) => f.subgraph === name).length);
      for (const line of own) expect(line).toMatchObject({ subject: "rep-observed", role: "rep", status: 200, outcome: "complete", sqlStatements: expect.any(Number) });
    }
    // The audit write of this answer carries the same request id (it is not a plan fetch, so it has no line of its own here).
    expect(touched.has("audit")).toBe(false);
  });

  it("makes up a request id when the client sends none or a malformed one, and hands that one to the subgraphs", async () => {
    for (const header of [{}, { "x-request-id": "has spaces and \"quotes\"" }] as Array<Record<string, string>>) {
      const { requestId } = await post(header);
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const lines = await eventually(() => {
        const found = linesOf(requestId!);
        return found.some((l) => l.service === "gateway") && found.some((l) => l.service === "customers") ? found : undefined;
      });
      expect(lines.length).toBeGreaterThan(2);
    }
  });

  it("serves /metrics on the gateway with a fetch histogram per touched subgraph, and on every subgraph", async () => {
    const { body } = await post({});
    const touched = new Set<string>(body.extensions.cost.fetches.map((f: { subgraph: string }) => f.subgraph));
    const text = await scrape(metricsUrlOf(graph.gateway.url));
    for (const subgraph of touched) {
      expect(sampleValue(text, "c360_gateway_subgraph_fetch_duration_seconds_count", { subgraph, outcome: "ok" })).toBeGreaterThan(0);
      expect(sampleValue(text, "c360_gateway_subgraph_fetch_duration_seconds_bucket", { subgraph, outcome: "ok", le: "+Inf" })).toBeGreaterThan(0);
    }
    expect(sampleValue(text, "c360_gateway_requests_total", { operation: "RepLookup", outcome: "complete" })).toBeGreaterThanOrEqual(3);
    // Node process metrics (collectDefaultMetrics).
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    for (const name of touched) {
      const own = await scrape(metricsUrlOf(graph.subgraphs.get(name)!.url));
      expect(sampleValue(own, "c360_subgraph_request_duration_seconds_count", { subgraph: name })).toBeGreaterThan(0);
    }
  });

  it("bounds the operation label: names beyond the cap are counted as other", async () => {
    const token = await graph.token(REP);
    for (let i = 0; i < 60; i++) {
      await fetch(graph.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `query Probe${i} { __typename }` }),
      });
    }
    const text = await scrape(metricsUrlOf(graph.gateway.url));
    const operations = new Set([...text.matchAll(/^c360_gateway_requests_total\{operation="([^"]+)"/gm)].map((m) => m[1]));
    expect(operations.has("other")).toBe(true);
    expect([...operations].filter((name) => name.startsWith("Probe")).length).toBeLessThanOrEqual(50);
  });

  it("counts a partial answer by its missing source when a subgraph is down, and logs it partial", async () => {
    const before = await scrape(metricsUrlOf(graph.gateway.url));
    const partialBefore = sampleValue(before, "c360_gateway_partial_answers_total", { missing_source: "billing" });
    await graph.stopSubgraph("billing");
    const requestId = `obs-partial-${Date.now()}`;
    // THE 360 for S4's customer (customers, aftersales, billing): without billing it still answers, billing named missing.
    const { body } = await post({ "x-request-id": requestId }, { query: CUSTOMER_360, variables: { identifier: "+86 186 2700 4444" }, operationName: "Customer360" });
    expect(body.data.findCustomers.result.candidates[0].customer.overview.result.timeline.missingSources).toEqual(["billing"]);
    expect(body.errors.map((e: any) => e.extensions.code)).toContain("SUBGRAPH_UNAVAILABLE");
    const after = await eventually(async () => {
      const text = await scrape(metricsUrlOf(graph.gateway.url));
      return sampleValue(text, "c360_gateway_partial_answers_total", { missing_source: "billing" }) > partialBefore ? text : undefined;
    });
    expect(sampleValue(after, "c360_gateway_partial_answers_total", { missing_source: "billing" })).toBe(partialBefore + 1);
    expect(sampleValue(after, "c360_gateway_subgraph_fetch_failures_total", { subgraph: "billing", kind: "error" })).toBeGreaterThan(0);
    expect(sampleValue(after, "c360_gateway_requests_total", { operation: "Customer360", outcome: "partial" })).toBe(1);
    const [line] = await eventually(() => {
      const found: LogLine[] = linesOf(requestId).filter((l) => l.service === "gateway");
      return found.length ? found : undefined;
    });
    expect(line).toMatchObject({ outcome: "partial", missingSources: ["billing"], errorCodes: expect.arrayContaining(["SUBGRAPH_UNAVAILABLE"]) });
  });
});
