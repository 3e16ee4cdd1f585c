import { AsyncLocalStorage } from "node:async_hooks";
import type { Span } from "@opentelemetry/api";

/** What a subgraph learns about one request while it runs, for its log line and metrics (see observeSubgraphRequest). */
export interface SubgraphRequestRecord {
  requestId: string;
  started: number;
  operation?: string | null;
  subject?: string;
  role?: string;
  outcome?: "complete" | "partial" | "error";
  errorCodes: string[];
  sqlStatements: number;
  span?: Span;
}

export const subgraphRequestScope = new AsyncLocalStorage<SubgraphRequestRecord>();
