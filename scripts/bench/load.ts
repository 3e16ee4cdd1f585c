import fs from "node:fs";
import path from "node:path";
import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from "graphql";
// autocannon ships no types; the bench uses its programmatic API only.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const autocannon = require("autocannon") as (options: Record<string, unknown>) => AutocannonInstance;

interface AutocannonInstance {
  on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
  on(event: "done", listener: (result: AutocannonResult) => void): void;
  stop(): void;
}

interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  requests: { total: number; average: number; sent: number };
}

export type QueryKind = "c360" | "order" | "page2";

export const QUERY_LABELS: Record<QueryKind, string> = {
  c360: "customer 360 (by phone)",
  order: "order lookup (OrderWithMakersCase)",
  page2: "timeline page 2 (TimelinePage)",
};

/** One operation of a document file, printed alone (the file may hold mutations too). */
export function operationText(file: string, name?: string): string {
  const document = parse(fs.readFileSync(file, "utf8"));
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = name ? operations.find((o) => o.name?.value === name) : operations[0];
  if (!operation) throw new Error(`operation ${name ?? "(first)"} not found in ${file}`);
  return print({ kind: Kind.DOCUMENT, definitions: [operation] } as DocumentNode);
}

export interface Workload {
  kind: QueryKind;
  operationName: string;
  query: string;
  /** Variables for the i-th request (cycles through a pool). */
  variables(i: number): Record<string, unknown>;
  poolSize: number;
}

export function workloads(root: string, pools: { phones: string[]; orderNumbers: string[]; pages: Array<{ customerId: string; after: string }> }): Record<QueryKind, Workload> {
  const ops = path.join(root, "schema", "operations");
  return {
    c360: { kind: "c360", operationName: "Customer360", query: operationText(path.join(ops, "customer360.graphql")), variables: (i) => ({ identifier: pools.phones[i % pools.phones.length] }), poolSize: pools.phones.length },
    order: { kind: "order", operationName: "OrderWithMakersCase", query: operationText(path.join(ops, "rep-lookups.graphql"), "OrderWithMakersCase"), variables: (i) => ({ number: pools.orderNumbers[i % pools.orderNumbers.length] }), poolSize: pools.orderNumbers.length },
    page2: { kind: "page2", operationName: "TimelinePage", query: operationText(path.join(ops, "rep-lookups.graphql"), "TimelinePage"), variables: (i) => pools.pages[i % pools.pages.length], poolSize: pools.pages.length },
  };
}

export function requestBody(workload: Workload, i: number): string {
  return JSON.stringify({ query: workload.query, operationName: workload.operationName, variables: workload.variables(i) });
}

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  graphqlErrors: number;
  errors: number;
  /** First error body seen, for diagnosis. */
  errorSample?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * One autocannon run against `url`: `connections` keep-alive connections, each request a
 * POST with the next variables from the workload's pool. Latencies come from autocannon's
 * per-response timings (ms); every body is checked for a top-level "errors" member.
 */
export function runLoad(url: string, headers: Record<string, string>, workload: Workload, connections: number, durationS: number, amount?: number): Promise<LoadResult> {
  let counter = Math.floor(Math.random() * workload.poolSize);
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let errorSample: string | undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url,
      connections,
      // amount: exactly that many requests, and "done" only once every one is answered (no request in flight at either end)
      ...(amount ? { amount } : { duration: durationS }),
      timeout: 60,
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      requests: [
        {
          method: "POST",
          setupRequest: (request: Record<string, unknown>) => ({ ...request, body: requestBody(workload, counter++) }),
          onResponse: (status: number, body: string) => {
            if (status >= 200 && status < 300 && body.includes('"errors"')) {
              graphqlErrors++;
              errorSample ??= body.slice(0, 500);
            } else if (status >= 300) errorSample ??= `HTTP ${status}: ${body.slice(0, 400)}`;
          },
        },
      ],
    });
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    instance.on("done", (result) => {
      latencies.sort((a, b) => a - b);
      const requests = latencies.length;
      const errors = result.non2xx + result.errors + result.timeouts + graphqlErrors;
      resolve({
        connections,
        durationS: result.duration,
        requests,
        rps: requests / result.duration,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, requests),
        non2xx: result.non2xx,
        socketErrors: result.errors,
        timeouts: result.timeouts,
        graphqlErrors,
        errors,
        errorSample,
      });
    });
    (instance as unknown as { on(e: "error", l: (e: Error) => void): void }).on("error", reject);
  });
}
