import type { IncomingMessage } from "node:http";
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

/**
 * The record of each request in flight, by its HTTP request, and by the GraphQL context built
 * for it (the Apollo plugin sees only the context). Weak maps rather than an
 * AsyncLocalStorage scope: on Node 20 an AsyncLocalStorage puts a hook on every promise of
 * the process (issue 19's profile). Entries go with their request.
 */
const byRequest = new WeakMap<IncomingMessage, SubgraphRequestRecord>();
const byContext = new WeakMap<object, SubgraphRequestRecord>();

export const subgraphRequestScope = {
  set(req: IncomingMessage, record: SubgraphRequestRecord): void {
    byRequest.set(req, record);
  },
  of(req: IncomingMessage): SubgraphRequestRecord | undefined {
    return byRequest.get(req);
  },
  bindContext(context: object, record: SubgraphRequestRecord | undefined): void {
    if (record) byContext.set(context, record);
  },
  ofContext(context: object | undefined): SubgraphRequestRecord | undefined {
    return context ? byContext.get(context) : undefined;
  },
};
