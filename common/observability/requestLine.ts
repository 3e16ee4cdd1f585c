import { SpanStatusCode, type Span } from "@opentelemetry/api";
import type { Logger } from "./logger";

/** What the gateway and every subgraph know of a request when it ends. */
export interface FinishedRequest {
  requestId: string;
  span?: Span;
  operation?: string | null;
  subject?: string;
  role?: string;
  errorCodes: string[];
}

/** What a service learns about one request while it runs: filled in as it goes, logged when it ends. */
export interface RequestRecord extends FinishedRequest {
  /** performance.now() at arrival. */
  started: number;
  outcome?: "complete" | "partial" | "error";
}

/**
 * The one log line per request, and the end of its span: the same fixed list of fields in the
 * gateway and the subgraphs (never the token, the variables, the query text or any answer
 * data), so one request reads the same in every service's log. `extra` is the service's own
 * (missing sources, SQL statements).
 */
export function logAndEndRequest(logger: Logger, record: FinishedRequest, status: number, outcome: string, seconds: number, extra: Record<string, unknown>): void {
  const traceId = record.span?.spanContext().traceId;
  logger.info(
    {
      requestId: record.requestId,
      ...(traceId ? { traceId } : {}),
      operation: record.operation?.slice(0, 100) ?? null,
      subject: record.subject?.slice(0, 200),
      role: record.role,
      status,
      outcome,
      durationMs: Math.round(seconds * 10_000) / 10,
      ...extra,
      errorCodes: record.errorCodes,
    },
    "request",
  );
  if (record.span) {
    record.span.setAttributes({ "http.response.status_code": status, "c360.outcome": outcome, "graphql.operation.name": record.operation ?? "" });
    if (outcome === "error" || outcome === "refused") record.span.setStatus({ code: SpanStatusCode.ERROR, message: record.errorCodes.join(",") });
    record.span.end();
  }
}
