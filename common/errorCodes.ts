import { GraphQLError } from "graphql";

/**
 * The one registry of error codes a client can see in `extensions.code`.
 * Subgraphs and the gateway both build their client-facing errors here, so a frontend
 * team can switch on a closed set of codes instead of parsing messages.
 */
export const ErrorCode = {
  /** The input is malformed (an id of the wrong shape, a page size out of range). */
  BAD_USER_INPUT: "BAD_USER_INPUT",
  /** A thing asked for by its identifier does not exist. */
  NOT_FOUND: "NOT_FOUND",
  /** A state change conflicts with the current state (cancel an already closed visit). */
  CONFLICT: "CONFLICT",
  /** No valid credentials reached the service. */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** The caller is known but may not see or do this. */
  FORBIDDEN: "FORBIDDEN",
  /** The caller's identity must be verified before this detail or action (S2, S6). */
  VERIFICATION_REQUIRED: "VERIFICATION_REQUIRED",
  /** A subgraph did not answer in time or at all; the rest of the answer stands. */
  SUBGRAPH_UNAVAILABLE: "SUBGRAPH_UNAVAILABLE",
  /** The audit trail could not record a read of customer data or a change, so the answer is withheld (fail closed). */
  AUDIT_UNAVAILABLE: "AUDIT_UNAVAILABLE",
  /** A subgraph's database is unreachable (restarting, connections cut); retry shortly, it reconnects by itself. */
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  /** Anything unexpected; the message is generic and the detail stays in the logs. */
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  /** The caller spent its request budget (HTTP 429); retry after the Retry-After header's seconds. */
  RATE_LIMITED: "RATE_LIMITED",
  /** The request body is larger than the gateway accepts (HTTP 413). */
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  /** TRUSTED_DOCUMENTS=enforce: the operation is not in the trusted-documents manifest. */
  OPERATION_NOT_TRUSTED: "OPERATION_NOT_TRUSTED",
  /** A merged field was resolved without the sources' data its @requires asks for (a planner that skipped @requires): no answer rather than a silently empty one. */
  REQUIRES_NOT_DELIVERED: "REQUIRES_NOT_DELIVERED",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Builds a client-facing error that always carries a code from the registry. */
export function codedError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code } });
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  codedError(ErrorCode.BAD_USER_INPUT, message, details);
export const notFound = (message: string, details?: Record<string, unknown>) =>
  codedError(ErrorCode.NOT_FOUND, message, details);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  codedError(ErrorCode.CONFLICT, message, details);

/**
 * For failures before execution (no or bad credentials): the HTTP status travels with the
 * error so Apollo answers 401/403 instead of a generic 500 "context creation failed".
 */
export function requestRefused(code: typeof ErrorCode.UNAUTHENTICATED | typeof ErrorCode.FORBIDDEN, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: code === ErrorCode.UNAUTHENTICATED ? 401 : 403 } } });
}
