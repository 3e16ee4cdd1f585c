import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCode } from "../../common/errorCodes";
import type { BoundedLabels } from "../../common/observability/boundedLabels";
import type { Logger } from "../../common/observability/logger";
import { logAndEndRequest } from "../../common/observability/requestLine";
import { REQUEST_ID_HEADER, requestIdOf } from "../../common/observability/requestId";
import { withServerSpan } from "../../common/observability/tracing";
import { gatewayMetrics } from "./gatewayMetrics";
import { attachRecord, type GatewayRequestRecord } from "./gatewayRequestScope";

export interface GatewayObservability {
  logger: Logger;
  /** Operation names as metric labels: the trusted operations' names, then a capped set. */
  operations: BoundedLabels;
}

/** Codes for requests refused before GraphQL ran (no plugin saw them), from the HTTP status the edge answered. */
const REFUSAL_CODES: Record<number, string> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.RATE_LIMITED,
};

/**
 * Wraps one POST /graphql: gives it a request id (the client's x-request-id if well-formed,
 * else a new one; returned in the response header and written back into the request headers
 * so the audit trail records the same id), opens the request's span and record, and when
 * the response is gone writes the one log line and the request metrics.
 */
export function observeGatewayRequest(observability: GatewayObservability, req: IncomingMessage, res: ServerResponse, handle: () => Promise<void>): Promise<void> {
  const requestId = requestIdOf(req);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const record: GatewayRequestRecord = { requestId, started: performance.now(), errorCodes: [], missingSources: [] };
  return withServerSpan("POST /graphql", req.headers, { "http.request.method": "POST", "url.path": "/graphql", "c360.request_id": requestId }, (span) => {
    record.span = span;
    res.once("close", () => finish(observability, record, res));
    attachRecord(req, record);
    return handle();
  });
}

function finish(observability: GatewayObservability, record: GatewayRequestRecord, res: ServerResponse): void {
  const seconds = (performance.now() - record.started) / 1000;
  const status = res.writableFinished ? res.statusCode : 499;
  let outcome: string = record.outcome ?? "error";
  if (!record.outcome && REFUSAL_CODES[status]) {
    outcome = "refused";
    record.errorCodes = [REFUSAL_CODES[status]];
  }
  // An answer withheld by the audit trail carries no data even if the plan had some.
  if (status >= 500 && outcome !== "error") outcome = "error";
  const operation = observability.operations.label(record.operation);
  gatewayMetrics.requests.inc({ operation, outcome });
  gatewayMetrics.requestDuration.observe({ operation, outcome }, seconds);
  for (const source of record.missingSources) gatewayMetrics.partialAnswers.inc({ missing_source: source });
  logAndEndRequest(observability.logger, record, status, outcome, seconds, { missingSources: record.missingSources });
}
