import type { IncomingMessage } from "node:http";
import type { RequestRecord } from "../../../common/observability/requestLine";

/** What a subgraph learns about one request while it runs, for its log line and metrics (see observeSubgraphRequest). */
export interface SubgraphRequestRecord extends RequestRecord {
  sqlStatements: number;
}

/**
 * The record of each request in flight, by its HTTP request (a weak map) and on the GraphQL
 * context built for it (a symbol-keyed property: Apollo may hand plugins a shallow copy of
 * the context, which keeps it). Not an AsyncLocalStorage scope: on Node 20 an
 * AsyncLocalStorage puts a hook on every promise of the process (issue 19's profile).
 */
const byRequest = new WeakMap<IncomingMessage, SubgraphRequestRecord>();
const RECORD = Symbol("subgraphRequestRecord");

export const subgraphRequestScope = {
  set(req: IncomingMessage, record: SubgraphRequestRecord): void {
    byRequest.set(req, record);
  },
  of(req: IncomingMessage): SubgraphRequestRecord | undefined {
    return byRequest.get(req);
  },
  bindContext(context: object, record: SubgraphRequestRecord | undefined): void {
    if (record) Object.defineProperty(context, RECORD, { value: record, enumerable: true, configurable: true, writable: true });
  },
  ofContext(context: object | undefined): SubgraphRequestRecord | undefined {
    return context ? (context as { [RECORD]?: SubgraphRequestRecord })[RECORD] : undefined;
  },
};
