import type { Caller } from "../../../common/caller";
import { ErrorCode } from "../../../common/errorCodes";
import type { SubgraphRequestRecord } from "../observability/subgraphRequestScope";
import type { StatementCounter } from "../sqlStatementCounter";
import type { SubgraphResponse } from "./executeSubgraphRequest";

const MAX_CODES = 20;

/**
 * Fills a request's record (its log line and metrics, observeSubgraphRequest.ts) from the
 * GraphQL run: operation, caller, SQL statements run, error codes and outcome. Requests
 * refused before GraphQL ran (CSRF, token, body) are not recorded here: they log as
 * "error" (or "refused" for a 401) with no codes, as they did under Apollo Server.
 */
export function recordRequestOutcome(record: SubgraphRequestRecord, context: { caller?: Caller; sqlStatements?: StatementCounter }, response: SubgraphResponse): void {
  record.operation = response.operationName;
  record.subject = context.caller?.subject;
  record.role = context.caller?.role;
  // Read here: the count is the request's own (its context's counter).
  record.sqlStatements = context.sqlStatements?.statements ?? 0;
  const errors = response.body.errors ?? [];
  const codes = new Set<string>();
  for (const error of errors) if (codes.size < MAX_CODES) codes.add(typeof error.extensions?.code === "string" ? error.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR);
  record.errorCodes = [...codes].sort();
  record.outcome = errors.length === 0 ? "complete" : response.body.data ? "partial" : "error";
}
