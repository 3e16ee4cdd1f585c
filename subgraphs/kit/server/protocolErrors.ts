import { GraphQLError } from "graphql";

/**
 * The errors a subgraph answers when a request cannot run, with the codes, messages and HTTP
 * statuses Apollo Server gave them while it served the subgraphs (the gateway and
 * tests/subgraphs/subgraphHttpProtocol.test.ts read them). The status travels on the error as
 * `extensions.http` (the convention common/errorCodes.ts requestRefused already uses);
 * formatErrors takes it off before the error is sent.
 */
export interface HttpOfError {
  status?: number;
  headers?: Record<string, string>;
}

/** Apollo's BAD_REQUEST: the HTTP request is not a GraphQL request we accept (400 unless told). */
export function badRequest(message: string, http: HttpOfError = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { http: { status: 400, ...http }, code: "BAD_REQUEST" } });
}

/** The query text does not parse: 400 GRAPHQL_PARSE_FAILED, at the syntax error's location. */
export function parseFailed(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    source: error.source,
    positions: error.positions,
    originalError: error,
    extensions: { http: { status: 400 }, ...error.extensions, code: "GRAPHQL_PARSE_FAILED" },
  });
}

/** The document does not validate against the schema: 400 GRAPHQL_VALIDATION_FAILED, one per rule broken. */
export function validationFailed(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    originalError: error.originalError ?? error,
    extensions: { http: { status: 400 }, ...error.extensions, code: "GRAPHQL_VALIDATION_FAILED" },
  });
}

/** No operation to run (an unknown operationName, or several operations and none named): 400. */
export function operationResolutionFailed(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    originalError: error.originalError ?? error,
    extensions: { http: { status: 400 }, ...error.extensions, code: "OPERATION_RESOLUTION_FAILURE" },
  });
}

/**
 * A variable missing or of the wrong type is the client's mistake, not an internal error:
 * graphql-js reports it as an execution error without a code, recognisable only by its
 * wording on the variable's definition (Apollo Server's own test, graphql-js 16 wording).
 * An error that already has a code (a custom scalar's) keeps it. The 400 is set by the
 * pipeline, for a result without data.
 */
export function asBadUserInput(error: GraphQLError): GraphQLError {
  if (error.extensions?.code != null || error.nodes?.length !== 1) return error;
  const node = error.nodes[0];
  if (node.kind !== "VariableDefinition") return error;
  const variable = `Variable "$${node.variable.name.value}"`;
  const isCoercion =
    error.message.startsWith(`${variable} got invalid value `) || error.message.startsWith(`${variable} of required type `) || error.message.startsWith(`${variable} of non-null type `);
  if (!isCoercion) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, originalError: error.originalError ?? error, extensions: { ...error.extensions, code: "BAD_USER_INPUT" } });
}
