import { AsyncLocalStorage } from "node:async_hooks";
import type { Span } from "@opentelemetry/api";

/**
 * What the gateway learns about one client request while it runs, for its log line and
 * metrics: set at the HTTP edge (id, start), filled in by the observability plugin
 * (operation, caller, outcome). Kept in an AsyncLocalStorage scope so the data source can
 * read the request id for every subgraph fetch without a new field in the context.
 */
export interface GatewayRequestRecord {
  requestId: string;
  /** performance.now() at arrival. */
  started: number;
  operation?: string | null;
  subject?: string;
  role?: string;
  outcome?: "complete" | "partial" | "error";
  errorCodes: string[];
  missingSources: string[];
  span?: Span;
}

export const gatewayRequestScope = new AsyncLocalStorage<GatewayRequestRecord>();
