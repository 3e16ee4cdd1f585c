import { badRequest } from "./protocolErrors";

/** One GraphQL request as the gateway sends it: the JSON body of a POST. */
export interface GraphQLRequest {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

/**
 * Checks a POST's parsed JSON body is one GraphQL request and takes its fields, refusing
 * (400 BAD_REQUEST) exactly what Apollo Server refused, with its messages: a batch (an
 * array; batching was never enabled), a body that is not a non-empty object, and fields of
 * the wrong type. A missing query is not refused here but by the pipeline (it may be a
 * persisted query's hash; see persistedQueries.ts).
 */
export function readGraphQLRequest(body: unknown): GraphQLRequest {
  if (Array.isArray(body)) throw badRequest("Operation batching disabled.");
  if (!isObject(body) || Object.keys(body).length === 0) throw badRequest("POST body missing, invalid Content-Type, or JSON object has no keys.");
  const { query, variables, extensions, operationName } = body;
  if (query && typeof query !== "string") {
    throw badRequest((query as { kind?: unknown }).kind === "Document" ? "GraphQL queries must be strings. It looks like you're sending the internal graphql-js representation of a parsed query in your request instead of a request in the GraphQL query language. You can convert an AST to a string using the `print` function from `graphql`, or use a client like `apollo-client` which converts the internal representation to a string for you." : "GraphQL queries must be strings.");
  }
  if (typeof variables === "string") throw badRequest("`variables` in a POST body should be provided as an object, not a recursively JSON-encoded string.");
  if (typeof extensions === "string") throw badRequest("`extensions` in a POST body should be provided as an object, not a recursively JSON-encoded string.");
  if (extensions != null && !isObject(extensions)) throw badRequest("`extensions` in a POST body must be an object if provided.");
  if (variables != null && !isObject(variables)) throw badRequest("`variables` in a POST body must be an object if provided.");
  if (operationName != null && typeof operationName !== "string") throw badRequest("`operationName` in a POST body must be a string if provided.");
  return {
    query: typeof query === "string" ? query : undefined,
    operationName: typeof operationName === "string" ? operationName : undefined,
    variables: isObject(variables) ? variables : undefined,
    extensions: isObject(extensions) ? extensions : undefined,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
