import fs from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { prettyFormatQueryPlan } from "@apollo/query-planner";
import { ApolloServer } from "@apollo/server";
import { Agent, request } from "undici";
import { percentile, type Workload } from "./load";

/**
 * The critical path of a query: the subgraph fetches its query plan makes, sent directly
 * (no gateway), one plan stage after another and in parallel within a stage.
 *
 * How the fetches are obtained: an in-process @apollo/gateway (same supergraph, same query
 * planner as ours) executes the query once per pooled customer with a recording fetcher
 * under its data sources, which keeps each subgraph request exactly as sent (URL, headers,
 * body with the real representations) and when it started and finished. Stages come from
 * those times: a fetch that starts after some fetch of the current stage has finished
 * depends on it and opens the next stage; fetches started together form one parallel stage.
 * The plan itself (printed in the report) confirms the grouping.
 */
export interface RecordedFetch {
  subgraph: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  start: number;
  end: number;
  /** Set once a replay of it was checked for GraphQL errors. */
  checked?: boolean;
}

export interface RecordedQuery {
  stages: RecordedFetch[][];
}

export interface CriticalPathResult {
  plan: string;
  stages: string[][];
  recordedQueries: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function recordQueries(supergraphPath: string, subgraphUrls: Record<string, string>, staticToken: string, workload: Workload, count: number): Promise<{ plan: string; queries: RecordedQuery[] }> {
  let current: RecordedFetch[] = [];
  let plan = "";
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(supergraphPath, "utf8"),
    experimental_didResolveQueryPlan: ({ queryPlan }) => {
      plan ||= prettyFormatQueryPlan(queryPlan);
    },
    buildService: ({ name }) => {
      const source = new RemoteGraphQLDataSource({
        url: subgraphUrls[name],
        willSendRequest({ request }) {
          request.http?.headers.set("x-gateway-token", staticToken);
        },
      });
      source.fetcher = (async (url: string, init: { headers?: unknown; body?: string; method?: string }) => {
        const headers: Record<string, string> = {};
        new Headers(init.headers as ConstructorParameters<typeof Headers>[0]).forEach((value, key) => (headers[key] = value));
        const start = performance.now();
        const response = await fetch(url, { method: "POST", headers, body: init.body });
        const text = await response.text();
        current.push({ subgraph: name, url, headers, body: String(init.body), start, end: performance.now() });
        return new Response(text, { status: response.status, headers: response.headers });
      }) as never;
      return source;
    },
  });
  const server = new ApolloServer({ gateway });
  await server.start();
  const queries: RecordedQuery[] = [];
  try {
    for (let i = 0; i < count; i++) {
      current = [];
      const result = await server.executeOperation({ query: workload.query, operationName: workload.operationName, variables: workload.variables(i) });
      if (result.body.kind !== "single" || result.body.singleResult.errors?.length) throw new Error(`recording ${workload.operationName} failed: ${JSON.stringify(result.body)}`.slice(0, 800));
      queries.push({ stages: toStages(current) });
    }
  } finally {
    await server.stop();
  }
  return { plan, queries };
}

function toStages(fetches: RecordedFetch[]): RecordedFetch[][] {
  const sorted = [...fetches].sort((a, b) => a.start - b.start);
  const stages: RecordedFetch[][] = [];
  for (const fetch of sorted) {
    const stage = stages[stages.length - 1];
    if (stage && fetch.start < Math.min(...stage.map((f) => f.end))) stage.push(fetch);
    else stages.push([fetch]);
  }
  return stages;
}

/**
 * The replay client: undici keep-alive pools, the cheapest HTTP client we know in Node (the
 * one our gateway uses). A slower client here would inflate the critical path and flatter P1.
 */
const replayAgent = new Agent({ keepAliveTimeout: 30_000, connections: 16 });

async function send(fetchSpec: RecordedFetch): Promise<void> {
  const response = await request(fetchSpec.url, { method: "POST", headers: fetchSpec.headers, body: fetchSpec.body, dispatcher: replayAgent });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`critical path fetch to ${fetchSpec.subgraph} failed: ${response.statusCode} ${text.slice(0, 300)}`);
  if (fetchSpec.checked) return;
  // The first replay of each recorded fetch is checked for GraphQL errors; later ones are not parsed.
  const body = JSON.parse(text) as { errors?: unknown[] };
  if (body.errors?.length) throw new Error(`critical path fetch to ${fetchSpec.subgraph} answered errors: ${text.slice(0, 300)}`);
  fetchSpec.checked = true;
}

/** Replays the recorded plans sequentially (1 connection) for warm-up then `durationS`, returning latency percentiles. */
export async function measureCriticalPath(recorded: { plan: string; queries: RecordedQuery[] }, warmupS: number, durationS: number): Promise<CriticalPathResult> {
  const runFor = async (seconds: number, latencies?: number[]) => {
    const until = performance.now() + seconds * 1000;
    let i = 0;
    while (performance.now() < until) {
      const query = recorded.queries[i++ % recorded.queries.length];
      const started = performance.now();
      for (const stage of query.stages) await Promise.all(stage.map(send));
      latencies?.push(performance.now() - started);
    }
  };
  await runFor(warmupS);
  const latencies: number[] = [];
  await runFor(durationS, latencies);
  latencies.sort((a, b) => a - b);
  return {
    plan: recorded.plan,
    stages: recorded.queries[0].stages.map((stage) => stage.map((f) => f.subgraph)),
    recordedQueries: recorded.queries.length,
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}
