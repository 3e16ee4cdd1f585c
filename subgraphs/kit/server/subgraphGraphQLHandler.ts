import type { IncomingMessage, ServerResponse } from "node:http";
import { DEFAULT_MAX_BODY_BYTES, HttpError, parseBody, sendHttpError, sendJson } from "../../../common/nodeHttp";
import { ErrorCode } from "../../../common/errorCodes";
import { rootLogger } from "../../../common/observability/logger";
import type { Caller } from "../../../common/caller";
import type { LiveSchema } from "../liveSchema";
import { subgraphRequestScope } from "../observability/subgraphRequestScope";
import type { StatementCounter } from "../sqlStatementCounter";
import { refuseCrossSiteRequest } from "./csrfPrevention";
import { executeSubgraphRequest, type SubgraphResponse } from "./executeSubgraphRequest";
import { formatErrors } from "./formatErrors";
import { readGraphQLRequest } from "./graphqlRequest";
import { badRequest } from "./protocolErrors";
import { recordRequestOutcome } from "./recordRequestOutcome";
import { responseContentType } from "./responseContentType";

type RequestContext = { caller?: Caller; sqlStatements?: StatementCounter };

export interface SubgraphGraphQLHandlerOptions<TContext extends RequestContext> {
  /** The schema to run each request on (swappable). */
  schema: LiveSchema;
  /** The request's GraphQL context; throws (e.g. requestRefused: UNAUTHENTICATED, 401) to refuse the request. */
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Headers computed after execution, from the context (SQL statements counted, customers served). */
  responseHeaders: (context: TContext) => Record<string, string>;
  /** Bodies above this are refused with 413. Default DEFAULT_MAX_BODY_BYTES (common/nodeHttp.ts). */
  maxBodyBytes?: number;
}

/**
 * POST /graphql of a subgraph, on node:http and graphql-js, without Apollo Server (issue 19:
 * its per-request pipeline was a fixed cost on each of the 360's fetches). In order, as Apollo
 * Server answered (tests/subgraphs/subgraphHttpProtocol.test.ts):
 * 1. the body: 413 past the limit, 400 BAD_USER_INPUT for invalid JSON;
 * 2. CSRF prevention (csrfPrevention.ts): 400 BAD_REQUEST;
 * 3. the context, which verifies the gateway's token: 401 UNAUTHENTICATED;
 * 4. POST only (405), one request per body, fields of the right types, an acceptable
 *    `accept` (graphqlRequest.ts, responseContentType.ts): 400 BAD_REQUEST / 406;
 * 5. the GraphQL run itself (executeSubgraphRequest.ts), which fills the request's log record.
 * From step 3 on, the answer carries the context's headers (x-sql-statements, ...).
 */
export function subgraphGraphQLHandler<TContext extends RequestContext>(options: SubgraphGraphQLHandlerOptions<TContext>) {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let context: TContext | undefined;
    try {
      const body = await parseBody(req, maxBodyBytes);
      refuseCrossSiteRequest(req.headers);
      try {
        context = await options.context(req);
      } catch (error) {
        // A refusal keeps its code and status (401); anything else is a 500 that says little.
        return writeErrors(res, formatErrors([error], "Context creation failed: "), undefined);
      }
      if (req.method !== "POST") throw badRequest("A subgraph answers GraphQL over POST only.", { status: 405, headers: { allow: "POST" } });
      const request = readGraphQLRequest(body);
      const contentType = responseContentType(req.headers.accept);
      const response = await executeSubgraphRequest(options.schema.current(), request, context);
      const record = subgraphRequestScope.of(req);
      if (record) recordRequestOutcome(record, context, response);
      writeResponse(res, response, contentType, options.responseHeaders(context));
    } catch (error) {
      if (error instanceof HttpError) return sendHttpError(res, error);
      if ((error as { extensions?: unknown }).extensions) return writeErrors(res, formatErrors([error]), context && options.responseHeaders(context));
      rootLogger().error({ err: error }, "unexpected failure handling an HTTP request");
      sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
    }
  };
}

/** A refusal before GraphQL ran (no record filled): its errors, with the status they carry (500 otherwise). */
function writeErrors(res: ServerResponse, formatted: ReturnType<typeof formatErrors>, contextHeaders: Record<string, string> | undefined): void {
  const response: SubgraphResponse = { status: formatted.status ?? 500, headers: formatted.headers, body: { errors: formatted.errors }, operationName: null };
  writeResponse(res, response, "application/json; charset=utf-8", contextHeaders ?? {});
}

/** The answer, with the errors' headers and then the context's; the body's fields in Apollo's order and its trailing newline. */
function writeResponse(res: ServerResponse, response: SubgraphResponse, contentType: string, contextHeaders: Record<string, string>): void {
  const { errors, data, extensions } = response.body;
  const text = `${JSON.stringify({ errors, data, extensions })}\n`;
  res.writeHead(response.status, { ...response.headers, "content-type": contentType, ...contextHeaders, "content-length": Buffer.byteLength(text) });
  res.end(text);
}
