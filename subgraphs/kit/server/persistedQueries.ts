import { createHash } from "node:crypto";
import { GraphQLError } from "graphql";
import { badRequest } from "./protocolErrors";
import type { GraphQLRequest } from "./graphqlRequest";

/**
 * The query text of a request. The gateway always sends it. A client of automatic persisted
 * queries may send only its hash first: a subgraph keeps no persisted queries, so that is
 * always "not found" (200 PERSISTED_QUERY_NOT_FOUND, as Apollo Server answered an unknown
 * hash), and the client sends the text with its hash next, which must match.
 */
export function queryTextOf(request: GraphQLRequest): string {
  const persisted = request.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  if (persisted) {
    if (persisted.version !== 1) throw new GraphQLError("Unsupported persisted query version", { extensions: { http: { status: 400 } } });
    if (request.query === undefined) {
      throw new GraphQLError("PersistedQueryNotFound", { extensions: { http: { status: 200, headers: { "cache-control": "private, no-cache, must-revalidate" } }, code: "PERSISTED_QUERY_NOT_FOUND" } });
    }
    if (persisted.sha256Hash !== createHash("sha256").update(request.query).digest("hex")) throw new GraphQLError("provided sha does not match query", { extensions: { http: { status: 400 } } });
  }
  if (!request.query) throw badRequest("GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.");
  return request.query;
}
