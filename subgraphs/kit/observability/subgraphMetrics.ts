import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/**
 * A subgraph's Prometheus metrics (prom-client), one registry per process, served at
 * GET /metrics like the gateway's. Labelled by subgraph (a process may hold several in
 * tests), by a bounded operation name (the planner's generated names, capped) and by a
 * fixed outcome; never by caller, customer or argument.
 */
export const subgraphRegistry = new Registry();
collectDefaultMetrics({ register: subgraphRegistry });

const registers = [subgraphRegistry];

export const subgraphMetrics = {
  requests: new Counter({
    name: "c360_subgraph_requests_total",
    help: "GraphQL requests this subgraph answered, by subgraph, operation and outcome (complete, partial, error, refused).",
    labelNames: ["subgraph", "operation", "outcome"] as const,
    registers,
  }),
  requestDuration: new Histogram({
    name: "c360_subgraph_request_duration_seconds",
    help: "Time from request received to response sent, by subgraph.",
    labelNames: ["subgraph"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  }),
  sqlStatements: new Histogram({
    name: "c360_subgraph_sql_statements_per_request",
    help: "SQL statements one request ran, by subgraph: batching holds when this does not grow with the data.",
    labelNames: ["subgraph"] as const,
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50],
    registers,
  }),
};
