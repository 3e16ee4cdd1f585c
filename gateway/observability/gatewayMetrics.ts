import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/**
 * The gateway's Prometheus metrics (prom-client), one registry per process, served at
 * GET /metrics (see common/observability/metricsEndpoint.ts for who may read it).
 * Labels are bounded: operation names go through BoundedLabels, subgraph and source names
 * come from the supergraph, outcomes and kinds are fixed sets. No label ever holds a
 * caller, a customer or an argument value. docs/OPERATIONS.md says what to alert on.
 *
 * Event outbox backlog and consumer lag belong here once the event backbone exists
 * (a Gauge per outbox, set from the outbox table, and one per consumer group).
 */
export const gatewayRegistry = new Registry();
collectDefaultMetrics({ register: gatewayRegistry });

const registers = [gatewayRegistry];

/** Seconds; from a cache hit (~1 ms) to a subgraph timeout (5 s and more). */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const gatewayMetrics = {
  requests: new Counter({
    name: "c360_gateway_requests_total",
    help: "GraphQL requests answered, by operation name and outcome (complete, partial, error, refused).",
    labelNames: ["operation", "outcome"] as const,
    registers,
  }),
  requestDuration: new Histogram({
    name: "c360_gateway_request_duration_seconds",
    help: "Time from request received to response sent, by operation name and outcome.",
    labelNames: ["operation", "outcome"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  }),
  subgraphFetchDuration: new Histogram({
    name: "c360_gateway_subgraph_fetch_duration_seconds",
    help: "One subgraph fetch of a query plan (retry included), by subgraph and outcome (ok, error, timeout).",
    labelNames: ["subgraph", "outcome"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  }),
  subgraphFetchFailures: new Counter({
    name: "c360_gateway_subgraph_fetch_failures_total",
    help: "Subgraph fetches that failed, by subgraph and kind (error, timeout).",
    labelNames: ["subgraph", "kind"] as const,
    registers,
  }),
  partialAnswers: new Counter({
    name: "c360_gateway_partial_answers_total",
    help: "Answers sent with a source missing (SUBGRAPH_UNAVAILABLE), by the missing source; one answer can count for several sources.",
    labelNames: ["missing_source"] as const,
    registers,
  }),
  rateLimited: new Counter({
    name: "c360_gateway_rate_limited_total",
    help: "Requests refused because the caller's per-minute budget was spent (RATE_LIMITED).",
    registers,
  }),
  auditWriteFailures: new Counter({
    name: "c360_gateway_audit_write_failures_total",
    help: "Operations whose audit trail entry could not be written (the answer was withheld when it touched customer data).",
    registers,
  }),
  responseCache: new Counter({
    name: "c360_gateway_response_cache_lookups_total",
    help: "Response cache lookups (RESPONSE_CACHE_TTL_SECONDS > 0), by result (hit, miss).",
    labelNames: ["result"] as const,
    registers,
  }),
};
