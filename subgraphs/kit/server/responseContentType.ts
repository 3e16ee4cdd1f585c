import { badRequest } from "./protocolErrors";

const JSON_TYPE = "application/json; charset=utf-8";
const GRAPHQL_RESPONSE_TYPE = "application/graphql-response+json; charset=utf-8";

/**
 * The content type of an answer, from the request's `accept`: JSON unless the client asks for
 * application/graphql-response+json (and not plain JSON), 406 when it accepts neither. The
 * gateway sends no `accept`. Simpler than Apollo Server's negotiation: q-values are not weighed.
 */
export function responseContentType(accept: string | undefined): string {
  if (!accept) return JSON_TYPE;
  const types = accept.split(",").map((range) => range.split(";")[0].trim().toLowerCase());
  if (types.some((type) => type === "application/json" || type === "application/*" || type === "*/*")) return JSON_TYPE;
  if (types.includes("application/graphql-response+json")) return GRAPHQL_RESPONSE_TYPE;
  throw badRequest(`An 'accept' header was provided for this request which does not accept ${JSON_TYPE} or ${GRAPHQL_RESPONSE_TYPE}`, { status: 406 });
}
