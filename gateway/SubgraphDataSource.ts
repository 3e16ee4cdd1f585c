import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { GraphQLError, Kind, parse, type FieldNode, type SelectionSetNode } from "graphql";
import { ErrorCode } from "../common/errorCodes";
import { INTERNAL_TOKEN_HEADER, type InternalSigner } from "../common/internalToken";
import { tokenCacheFor, type CallerTokenCache } from "./callerTokenCache";
import type { GatewayContext } from "./GatewayContext";
import type { SubgraphHttpClient, SubgraphHttpResponse } from "./subgraphHttp";

/** Per client request (its context object), each subgraph's deadline. */
const requestDeadlines = new WeakMap<object, Map<string, number>>();

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** The gateway's internal signing key: tokens are signed for this subgraph (audience `name`). */
  signer: InternalSigner;
  timeoutMs: number;
  /** The gateway's pooled client (shared by all its data sources). */
  http: SubgraphHttpClient;
}

/**
 * How the gateway talks to one subgraph (the query planner calls `process` once per fetch):
 * - signs the verified caller into a short-lived token the subgraph requires;
 * - gives up once the subgraph has used its time for this request, so one slow or dead
 *   subgraph never hangs an answer;
 * - when an entity fetch fails, answers it with nulls plus an error naming the subgraph, so
 *   the rest of the plan still runs: a merge that @requires this source sees null and reports
 *   the source missing instead of the whole answer going blank;
 * - records each fetch (SQL statements the subgraph reported, time) for the cost report.
 *
 * It implements @apollo/gateway's GraphQLDataSource directly rather than extending
 * RemoteGraphQLDataSource: that class builds node-fetch Headers and Request objects on every
 * call and sends through a fetch; profiling put a third of the gateway's CPU there
 * (see gateway/subgraphHttp.ts). No APQ to subgraphs: they sit next to the gateway.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly tokens: CallerTokenCache;

  constructor(private readonly options: SubgraphDataSourceOptions) {
    this.tokens = tokenCacheFor(options.signer);
  }

  /**
   * A subgraph gets `timeoutMs` per client request for ALL its fetches together: a plan
   * that calls it twice (lookup, then merge) must not wait twice, so the whole answer stays
   * within the timeout of its slowest subgraph.
   */
  private deadlineFor(context: object | undefined): number {
    if (!context) return Date.now() + this.options.timeoutMs;
    let perSubgraph = requestDeadlines.get(context);
    if (!perSubgraph) requestDeadlines.set(context, (perSubgraph = new Map()));
    let deadline = perSubgraph.get(this.options.name);
    if (deadline === undefined) perSubgraph.set(this.options.name, (deadline = Date.now() + this.options.timeoutMs));
    return deadline;
  }

  private async send(request: GatewayGraphQLRequest, context: GatewayContext | undefined): Promise<GatewayGraphQLResponse> {
    if (!request.query) throw new Error("Missing query");
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (context?.caller) headers[INTERNAL_TOKEN_HEADER] = await this.tokens.token(context.caller, this.options.name);
    const payload = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
    const response = await this.options.http.post(this.options.url, headers, payload, this.deadlineFor(context));
    if (!response.ok) throw errorFromResponse(response);
    if (typeof response.body !== "object" || response.body === null) throw new Error(`Expected JSON response body, but received: ${String(response.body)}`);
    return { ...(response.body as GatewayGraphQLResponse), http: { headers: response.headers as never, status: response.status } };
  }

  /** Queries are retried once on a connection failure; mutations never (they may have run). */
  private async sendWithRetry(request: GatewayGraphQLRequest, context: GatewayContext | undefined): Promise<GatewayGraphQLResponse> {
    try {
      return await this.send(request, context);
    } catch (error) {
      const isQuery = !/^\s*mutation\b/.test(request.query ?? "");
      if (!isQuery || !isConnectionFailure(error)) throw error;
      return this.send(request, context);
    }
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    const context = options.context as GatewayContext | undefined;
    const fetches = context?.fetches;
    try {
      const response = await this.sendWithRetry(options.request, context);
      fetches?.push({ subgraph: this.options.name, sqlStatements: Number(response.http?.headers.get("x-sql-statements") ?? 0), ms: performance.now() - started, ok: true });
      const served = response.http?.headers.get("x-customer-ids");
      if (served && context?.customerIds) for (const id of served.split(",")) context.customerIds.add(id);
      return response;
    } catch (error) {
      fetches?.push({ subgraph: this.options.name, sqlStatements: 0, ms: performance.now() - started, ok: false });
      const reason = (error as Error).name === "TimeoutError" ? `did not answer within ${this.options.timeoutMs} ms` : "is unavailable";
      const unavailable = {
        message: `subgraph "${this.options.name}" ${reason}`,
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: this.options.name },
      };
      const representations = options.request.variables?.representations as Array<{ __typename: string }> | undefined;
      if (!representations || !options.request.query) throw Object.assign(new Error(unavailable.message), { extensions: unavailable.extensions });
      return { data: { _entities: representations.map((rep) => nullEntity(rep.__typename, options.request.query!)) }, errors: [unavailable] };
    }
  }
}

/** A non-2xx answer, as RemoteGraphQLDataSource reported it (status, body; 401/403 keep their codes). */
function errorFromResponse(response: SubgraphHttpResponse): GraphQLError {
  const code = response.status === 401 ? "UNAUTHENTICATED" : response.status === 403 ? "FORBIDDEN" : undefined;
  return new GraphQLError(`${response.status}: subgraph answered HTTP ${response.status}`, {
    extensions: { ...(code ? { code } : {}), response: { url: response.url, status: response.status, body: response.body } },
  });
}

/**
 * Errors worth one immediate retry: the connection failed before the subgraph could act
 * (refused, reset). Never timeouts (the caller's time budget is spent) and never anything
 * the subgraph answered.
 */
function isConnectionFailure(error: unknown): boolean {
  const { code, cause } = error as { code?: string; cause?: { code?: string } };
  return ["ECONNREFUSED", "ECONNRESET", "EPIPE", "UND_ERR_SOCKET"].includes(code ?? cause?.code ?? "");
}

/** The entity with every field the fetch asked for set to null (absent fields would stop the plan). */
function nullEntity(typename: string, query: string): Record<string, unknown> {
  const entity: Record<string, unknown> = { __typename: typename };
  for (const field of requestedFields(query, typename)) entity[field] = null;
  return entity;
}

const fieldCache = new Map<string, string[]>();

function requestedFields(query: string, typename: string): string[] {
  const cacheKey = `${typename}\n${query}`;
  const cached = fieldCache.get(cacheKey);
  if (cached) return cached;
  const names: string[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined, inEntities: boolean) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value === "_entities") visit(selection.selectionSet, true);
      else if (selection.kind === Kind.INLINE_FRAGMENT && inEntities && selection.typeCondition?.name.value === typename) {
        for (const inner of selection.selectionSet.selections) {
          if (inner.kind === Kind.FIELD && inner.name.value !== "__typename") names.push((inner as FieldNode).alias?.value ?? inner.name.value);
        }
      }
    }
  };
  for (const definition of parse(query).definitions) if (definition.kind === Kind.OPERATION_DEFINITION) visit(definition.selectionSet, false);
  if (fieldCache.size > 1000) fieldCache.clear();
  fieldCache.set(cacheKey, names);
  return names;
}
