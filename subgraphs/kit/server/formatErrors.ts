import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../../../common/errorCodes";
import { formatError } from "../../../common/formatError";
import type { HttpOfError } from "./protocolErrors";

export interface FormattedErrors {
  errors: GraphQLFormattedError[];
  /** The status an error asked for (its `extensions.http`), if any did. */
  status?: number;
  /** Headers errors asked for (e.g. `allow` with a 405). */
  headers: Record<string, string>;
}

/**
 * Turns whatever was thrown or reported into the errors a subgraph sends, the way Apollo
 * Server did before common/formatError.ts saw them: a GraphQLError (anything else wrapped,
 * `prefix` before its message), a code (INTERNAL_SERVER_ERROR when it has none), its
 * `extensions.http` taken off into the status and headers of the answer. No stack trace is
 * ever added. formatError then drops what must not leave; if it throws, a generic error goes.
 */
export function formatErrors(thrown: readonly unknown[], prefix = ""): FormattedErrors {
  const result: FormattedErrors = { errors: [], headers: {} };
  for (const each of thrown) {
    const error = asGraphQLError(each, prefix);
    const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR };
    const http = extensions.http as HttpOfError | undefined;
    if (http && typeof http === "object") {
      if (typeof http.status === "number") result.status = http.status;
      if (http.headers) Object.assign(result.headers, http.headers);
      delete extensions.http;
    }
    try {
      result.errors.push(formatError({ ...error.toJSON(), extensions }, each));
    } catch {
      result.errors.push({ message: "Internal server error", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
    }
  }
  return result;
}

function asGraphQLError(thrown: unknown, prefix: string): GraphQLError {
  if (thrown instanceof GraphQLError) return thrown;
  if (thrown instanceof Error) return new GraphQLError(prefix + thrown.message, { originalError: thrown });
  return new GraphQLError(`Unexpected error value: ${String(thrown)}`);
}
