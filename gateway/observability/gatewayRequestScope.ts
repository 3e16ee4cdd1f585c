import type { IncomingMessage } from "node:http";
import type { RequestRecord } from "../../common/observability/requestLine";

/**
 * What the gateway learns about one client request while it runs, for its log line and
 * metrics: set at the HTTP edge (id, start), filled in by the observability plugin
 * (operation, caller, outcome), read by the data source (the request id for every
 * subgraph fetch).
 *
 * Found through the request and then the GraphQL context object, not an
 * AsyncLocalStorage scope: the gateway uses no AsyncLocalStorage otherwise, and on Node 20
 * the first one turns on promise hooks for every promise of the process.
 */
export interface GatewayRequestRecord extends RequestRecord {
  missingSources: string[];
}

const byRequest = new WeakMap<IncomingMessage, GatewayRequestRecord>();
/**
 * On the context itself, under a symbol: Apollo hands plugins and data sources a shallow copy
 * of the object the context function returned (own properties, symbols included, are copied),
 * so a WeakMap keyed by the original would not find it.
 */
const RECORD = Symbol("c360.requestRecord");

export function attachRecord(req: IncomingMessage, record: GatewayRequestRecord): void {
  byRequest.set(req, record);
}

/** Links the request's record to its GraphQL context (called where the context is built); returns the context. */
export function withRequestRecord<T extends object>(req: IncomingMessage, context: T): T {
  const record = byRequest.get(req);
  if (record) (context as { [RECORD]?: GatewayRequestRecord })[RECORD] = record;
  return context;
}

export function recordOf(context: object | undefined): GatewayRequestRecord | undefined {
  return (context as { [RECORD]?: GatewayRequestRecord } | undefined)?.[RECORD];
}
