import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCode } from "../../../common/errorCodes";
import type { BoundedLabels } from "../../../common/observability/boundedLabels";
import type { Logger } from "../../../common/observability/logger";
import { logAndEndRequest } from "../../../common/observability/requestLine";
import { REQUEST_ID_HEADER, requestIdOf } from "../../../common/observability/requestId";
import { withServerSpan } from "../../../common/observability/tracing";
import { subgraphMetrics } from "./subgraphMetrics";
import { subgraphRequestScope, type SubgraphRequestRecord } from "./subgraphRequestScope";

export interface SubgraphObservability {
  subgraph: string;
  logger: Logger;
  operations: BoundedLabels;
}

/**
 * Wraps one POST /graphql of a subgraph: takes the gateway's x-request-id (the client
 * request's id) or makes one, continues the gateway's trace from `traceparent`, and when
 * the response is gone writes the request's log line and metrics.
 */
export function observeSubgraphRequest(observability: SubgraphObservability, req: IncomingMessage, res: ServerResponse, handle: () => Promise<void>): Promise<void> {
  const requestId = requestIdOf(req);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const record: SubgraphRequestRecord = { requestId, started: performance.now(), errorCodes: [], sqlStatements: 0 };
  return withServerSpan(`POST /graphql ${observability.subgraph}`, req.headers, { "c360.subgraph": observability.subgraph, "c360.request_id": requestId }, (span) => {
    record.span = span;
    res.once("close", () => finish(observability, record, res));
    subgraphRequestScope.set(req, record);
    return handle();
  });
}

function finish(observability: SubgraphObservability, record: SubgraphRequestRecord, res: ServerResponse): void {
  const seconds = (performance.now() - record.started) / 1000;
  const status = res.writableFinished ? res.statusCode : 499;
  let outcome: string = record.outcome ?? "error";
  if (!record.outcome && status === 401) {
    outcome = "refused";
    record.errorCodes = [ErrorCode.UNAUTHENTICATED];
  }
  const { subgraph } = observability;
  subgraphMetrics.requests.inc({ subgraph, operation: observability.operations.label(record.operation), outcome });
  subgraphMetrics.requestDuration.observe({ subgraph }, seconds);
  subgraphMetrics.sqlStatements.observe({ subgraph }, record.sqlStatements);
  logAndEndRequest(observability.logger, record, status, outcome, seconds, { sqlStatements: record.sqlStatements });
}
