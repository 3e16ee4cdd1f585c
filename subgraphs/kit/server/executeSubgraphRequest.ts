import { execute, getOperationAST, type ExecutionResult, type GraphQLError, type GraphQLFormattedError } from "graphql";
import type { ServedSchema } from "../liveSchema";
import { formatErrors } from "./formatErrors";
import type { GraphQLRequest } from "./graphqlRequest";
import { queryTextOf } from "./persistedQueries";
import { asBadUserInput, operationResolutionFailed } from "./protocolErrors";

/** What a request's GraphQL run answers: the body, its status and any headers errors asked for. */
export interface SubgraphResponse {
  status: number;
  headers: Record<string, string>;
  body: { errors?: GraphQLFormattedError[]; data?: ExecutionResult["data"]; extensions?: ExecutionResult["extensions"] };
  /** The operation run (null: anonymous, or none resolved), for the request's log line and metrics. */
  operationName: string | null;
}

/**
 * Runs one GraphQL request on a subgraph's schema, the steps Apollo Server took and nothing
 * more (no plugins, no hashing of the query text, no per-request header maps):
 * 1. the query text (persistedQueries.ts; a missing one is 400 BAD_REQUEST);
 * 2. its document, parsed and validated once per schema (documentCache.ts);
 * 3. the operation, by operationName (none: 400 OPERATION_RESOLUTION_FAILURE);
 * 4. graphql-js execute, with the request's context; variables that do not coerce are
 *    400 BAD_USER_INPUT, anything else the resolvers report is a 200 with data and errors.
 * Every error goes out through formatErrors.ts (common/formatError.ts, no stack traces).
 */
export async function executeSubgraphRequest(served: ServedSchema, request: GraphQLRequest, contextValue: object): Promise<SubgraphResponse> {
  let query: string;
  try {
    query = queryTextOf(request);
  } catch (error) {
    return refusal([error], null);
  }
  const checked = served.documents.check(query);
  if ("errors" in checked) return refusal(checked.errors, null);

  const { document } = checked;
  const operation = getOperationAST(document, request.operationName);
  const operationName = operation?.name?.value ?? null;
  let result: ExecutionResult;
  try {
    result = await execute({ schema: served.schema, document, contextValue, variableValues: request.variables, operationName: request.operationName });
  } catch (error) {
    return refusal([error], operationName);
  }
  // No operation: execute's one error says why (unknown name, or several and none named).
  if (!operation) return refusal([operationResolutionFailed(result.errors![0])], null);

  if (!result.errors?.length) return { status: 200, headers: {}, body: { data: result.data, extensions: result.extensions }, operationName };
  const errors: GraphQLError[] = result.errors.map(asBadUserInput);
  const formatted = formatErrors(errors);
  // No data at all: the request never started executing (its variables did not coerce).
  const status = formatted.status ?? (result.data === undefined ? 400 : 200);
  return { status, headers: formatted.headers, body: { errors: formatted.errors, data: result.data, extensions: result.extensions }, operationName };
}

/** A request that did not execute: errors only (no `data`), 500 unless an error says otherwise. */
function refusal(thrown: readonly unknown[], operationName: string | null): SubgraphResponse {
  const formatted = formatErrors(thrown);
  return { status: formatted.status ?? 500, headers: formatted.headers, body: { errors: formatted.errors }, operationName };
}
