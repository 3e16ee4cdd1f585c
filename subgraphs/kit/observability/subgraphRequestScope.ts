import type { IncomingMessage } from "node:http";
import type { RequestRecord } from "../../../common/observability/requestLine";

/** What a subgraph learns about one request while it runs, for its log line and metrics (see observeSubgraphRequest). */
export interface SubgraphRequestRecord extends RequestRecord {
  sqlStatements: number;
}

/**
 * The record of each request in flight, by its HTTP request (a weak map; the kit's server,
 * kit/server/, fills it after execution). Not an AsyncLocalStorage scope: on Node 20 an
 * AsyncLocalStorage puts a hook on every promise of the process (issue 19's profile).
 */
const byRequest = new WeakMap<IncomingMessage, SubgraphRequestRecord>();

export const subgraphRequestScope = {
  set(req: IncomingMessage, record: SubgraphRequestRecord): void {
    byRequest.set(req, record);
  },
  of(req: IncomingMessage): SubgraphRequestRecord | undefined {
    return byRequest.get(req);
  },
};
