import { SubgraphDataSource } from "../../gateway/SubgraphDataSource";
import { TEST_SIGNER } from "../helpers/testCaller";
import { SubgraphTimeoutError, type SubgraphHttpClient } from "../../gateway/subgraphHttp";

/*
 * The two time settings of gateway/SubgraphDataSource.ts, on a fake HTTP client (no
 * processes, exact times): each fetch gets its own timeout (SUBGRAPH_TIMEOUT_MS[_<NAME>]),
 * capped by the request's overall budget (REQUEST_TIMEOUT_MS).
 */

interface Call {
  subgraph: string;
  startedAt: number;
  deadline: number;
}

/** A client whose subgraphs in `hung` never answer (it gives up at the deadline, like the real one). */
function fakeHttp(hung: Set<string>, calls: Call[]): SubgraphHttpClient {
  return {
    async post(url: string, _headers: Record<string, string>, _body: string, deadline: number) {
      const subgraph = new URL(url).hostname.split(".")[0];
      calls.push({ subgraph, startedAt: Date.now(), deadline });
      if (hung.has(subgraph)) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())));
        throw new SubgraphTimeoutError(`${subgraph} did not answer in time`);
      }
      return { url, status: 200, ok: true, headers: { get: () => null }, body: { data: { _entities: [{ __typename: "Timeline", result: "merged" }] } } };
    },
  } as unknown as SubgraphHttpClient;
}

const ENTITY_FETCH = { query: "query($representations:[_Any!]!){_entities(representations:$representations){...on Timeline{billingEvents{id}}}}", variables: { representations: [{ __typename: "Timeline", key: "k" }] } };

function source(name: string, http: SubgraphHttpClient, timeoutMs: number, requestBudgetMs?: number) {
  return new SubgraphDataSource({ name, url: `http://${name}.test/graphql`, signer: TEST_SIGNER, timeoutMs, requestBudgetMs, http });
}

const fetchWith = (ds: SubgraphDataSource, context: object) => ds.process({ request: ENTITY_FETCH, context, kind: "request" } as never);

describe("per-fetch timeouts and the request budget", () => {
  it("a later fetch (the merge) gets its full timeout after a source timed out; the timed-out source is not waited on twice", async () => {
    const calls: Call[] = [];
    const http = fakeHttp(new Set(["billing"]), calls);
    const billing = source("billing", http, 200, 5000);
    const customers = source("customers", http, 200, 5000);
    const context = {};
    const started = Date.now();
    const first = await fetchWith(billing, context);
    expect(first.errors?.[0]).toMatchObject({ message: 'subgraph "billing" did not answer within 200 ms', extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "billing" } });
    expect((first.data as any)._entities).toEqual([{ __typename: "Timeline", billingEvents: null }]);
    const merge = await fetchWith(customers, context);
    expect(merge.errors).toBeUndefined();
    const mergeCall = calls.find((c) => c.subgraph === "customers")!;
    // Its own 200 ms from when it started, although billing used 200 ms of the request already.
    expect(mergeCall.deadline - mergeCall.startedAt).toBeGreaterThanOrEqual(199);
    expect(mergeCall.startedAt - started).toBeGreaterThanOrEqual(195);
    // billing again in the same request: answered at once, without a call.
    const again = performance.now();
    const second = await fetchWith(billing, context);
    expect(performance.now() - again).toBeLessThan(50);
    expect(second.errors?.[0].extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "billing" });
    expect(calls.filter((c) => c.subgraph === "billing")).toHaveLength(1);
    // A new request asks billing again.
    await fetchWith(billing, {});
    expect(calls.filter((c) => c.subgraph === "billing")).toHaveLength(2);
  });

  it("no fetch runs past the request budget, and the error says the budget ran out", async () => {
    const calls: Call[] = [];
    const http = fakeHttp(new Set(["billing", "orders"]), calls);
    const context = {};
    const started = Date.now();
    const billing = await fetchWith(source("billing", http, 1000, 300), context);
    expect(Date.now() - started).toBeLessThan(600);
    expect(billing.errors?.[0].message).toBe(`subgraph "billing" did not answer within the request's 300 ms budget`);
    // The budget is spent: a later fetch fails at once, not after its own 1000 ms.
    const later = performance.now();
    const orders = await fetchWith(source("orders", http, 1000, 300), context);
    expect(performance.now() - later).toBeLessThan(50);
    expect(orders.errors?.[0]).toMatchObject({ message: `subgraph "orders" did not answer within the request's 300 ms budget`, extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "orders" } });
    for (const call of calls) expect(call.deadline).toBeLessThanOrEqual(started + 300 + 5);
  });
});
