import { REQUEST_ID_HEADER } from "../../common/observability/requestId";
import { withClientSpan } from "../../common/observability/tracing";
import { gatewayMetrics } from "./gatewayMetrics";
import { recordOf } from "./gatewayRequestScope";

/**
 * Sends one subgraph call with the client request's id (x-request-id) and, when tracing is
 * on, inside a CLIENT span whose W3C traceparent goes along in `headers`.
 */
export function tracedSubgraphPost<T extends { ok: boolean; status: number }>(subgraph: string, headers: Record<string, string>, context: object | undefined, post: () => Promise<T>): Promise<T> {
  const record = recordOf(context);
  if (record) headers[REQUEST_ID_HEADER] = record.requestId;
  return withClientSpan(`subgraph ${subgraph}`, { "c360.subgraph": subgraph }, headers, post, (response) => (response.ok ? undefined : `HTTP ${response.status}`));
}

/** Records one finished plan fetch (retry included): its latency, and whether it failed or timed out. */
export function observeSubgraphFetch(subgraph: string, started: number, error?: unknown): void {
  const outcome = error === undefined ? "ok" : (error as Error).name === "TimeoutError" ? "timeout" : "error";
  gatewayMetrics.subgraphFetchDuration.observe({ subgraph, outcome }, (performance.now() - started) / 1000);
  if (outcome !== "ok") gatewayMetrics.subgraphFetchFailures.inc({ subgraph, kind: outcome });
}
