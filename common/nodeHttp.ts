import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from "@apollo/server";
import { ErrorCode } from "./errorCodes";
import { rootLogger } from "./observability/logger";

/** Bodies above this are refused with 413 before any parsing (OWASP: limit request size). */
export const DEFAULT_MAX_BODY_BYTES = 512 * 1024;

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** Reads a request body, refusing it as soon as it grows past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, "PAYLOAD_TOO_LARGE", `request body exceeds ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A GraphQL-shaped error for failures that happen before GraphQL runs (body too large, bad JSON). */
export function sendHttpError(res: ServerResponse, error: HttpError): void {
  // An unread rest of a refused body would be parsed as the next request on a kept-alive connection.
  const headers: Record<string, string> = error.status === 413 ? { connection: "close" } : {};
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] }, headers);
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/**
 * A request's body as graphqlHandler reads it: a POST's JSON parsed (invalid JSON is a 400
 * HttpError), another content type's text as is, nothing for other methods; 413 past the limit.
 */
export async function parseBody(req: IncomingMessage, maxBodyBytes: number): Promise<unknown> {
  if (req.method !== "POST") return undefined;
  const text = await readBody(req, maxBodyBytes);
  const contentType = req.headers["content-type"] ?? "";
  // Only JSON is parsed; Apollo's CSRF prevention and content-type checks refuse the rest.
  if (!contentType.includes("application/json")) return text;
  try {
    return text.length === 0 ? undefined : JSON.parse(text);
  } catch {
    throw new HttpError(400, ErrorCode.BAD_USER_INPUT, "request body is not valid JSON");
  }
}

async function writeApolloResponse(res: ServerResponse, response: HTTPGraphQLResponse, extraHeaders: Record<string, string>): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  for (const [key, value] of Object.entries(extraHeaders)) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export interface GraphQLHandlerOptions<TContext extends BaseContext> {
  server: ApolloServer<TContext>;
  context: (req: IncomingMessage) => Promise<TContext>;
  maxBodyBytes?: number;
  /** Headers computed after execution, from the context (e.g. SQL statements counted). */
  responseHeaders?: (context: TContext) => Record<string, string>;
  /** Wraps the whole execution, e.g. to run it inside an AsyncLocalStorage scope. */
  around?: <T>(fn: () => Promise<T>) => Promise<T>;
}

/**
 * Serves an Apollo Server on a bare node:http request, the way Apollo's own integrations
 * do (executeHTTPGraphQLRequest), without pulling a web framework into every service.
 */
export function graphqlHandler<TContext extends BaseContext>(options: GraphQLHandlerOptions<TContext>) {
  const around = options.around ?? ((fn) => fn());
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const body = await parseBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      const url = new URL(req.url ?? "/", "http://localhost");
      await around(async () => {
        let context: TContext | undefined;
        const response = await options.server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? "GET", headers: toHeaderMap(req), search: url.search, body },
          context: async () => (context = await options.context(req)),
        });
        const extra = context && options.responseHeaders ? options.responseHeaders(context) : {};
        await writeApolloResponse(res, response, extra);
      });
    } catch (error) {
      if (error instanceof HttpError) return sendHttpError(res, error);
      // Context creation may throw a GraphQLError (e.g. UNAUTHENTICATED); keep its code, drop the rest.
      const code = (error as { extensions?: { code?: string } }).extensions?.code;
      if (code) return sendJson(res, code === ErrorCode.UNAUTHENTICATED ? 401 : code === ErrorCode.FORBIDDEN ? 403 : 400, { errors: [{ message: (error as Error).message, extensions: { code } }] });
      rootLogger().error({ err: error }, "unexpected failure handling an HTTP request");
      sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
    }
  };
}
