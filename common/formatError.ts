import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "./errorCodes";
import { rootLogger } from "./observability/logger";

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  // Codes Apollo Server and the gateway produce themselves; they are already safe to show.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "DOWNSTREAM_SERVICE_ERROR",
]);

/**
 * Every error leaving a process goes through here: no stack trace ever leaves, and an
 * error without a code we know becomes a generic INTERNAL_SERVER_ERROR (its detail is logged).
 */
export function formatError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = typeof extensions.code === "string" ? extensions.code : undefined;
  if (code && KNOWN_CODES.has(code)) {
    return { ...formatted, extensions: { ...extensions, code } };
  }
  if (process.env.NODE_ENV !== "test") rootLogger().error({ err: original }, "internal error (sent to the client as INTERNAL_SERVER_ERROR)");
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * Errors @apollo/gateway finds while shaping the merged answer ("value completion": a
 * subgraph answered null for a non-null field, so the null climbed to the nearest nullable
 * parent). When no fetch failed, the gateway reports them only under the response's
 * `extensions.valueCompletion`, not in `errors`: the client would see `data: null` with no
 * error at all. These are real errors of the answer; each keeps its path and gets a code.
 */
export function valueCompletionErrors(raw: unknown): GraphQLFormattedError[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((error: { message?: unknown; path?: unknown }) => {
    if (process.env.NODE_ENV !== "test") console.error("[value completion]", error?.message, error?.path);
    const path = Array.isArray(error?.path) ? (error.path as (string | number)[]) : undefined;
    return {
      message: "A value the answer requires was missing (a non-null field resolved to null), so the part of the answer holding it is null",
      ...(path ? { path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  });
}
