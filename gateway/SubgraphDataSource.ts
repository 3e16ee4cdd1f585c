import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { GraphQLError, Kind, parse, type FieldNode, type SelectionSetNode } from "graphql";
import { ErrorCode } from "../common/errorCodes";
import { INTERNAL_TOKEN_HEADER, type InternalSigner } from "../common/internalToken";
import { SERVED_OWNERS_HEADER } from "../common/servedOwners";
import { tokenCacheFor, type CallerTokenCache } from "./callerTokenCache";
import type { GatewayContext } from "./GatewayContext";
import { observeSubgraphFetch, tracedSubgraphPost } from "./observability/subgraphFetchObservation";
import { SubgraphTimeoutError, type SubgraphHttpClient, type SubgraphHttpResponse } from "./subgraphHttp";

/**
 * Per client request (its context object): when its first fetch started (the overall
 * budget counts from there) and which subgraphs already timed out in it.
 */
interface RequestClock {
  startedAt: number;
  timedOut: Set<string>;
}
const requestClocks = new WeakMap<object, RequestClock>();

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** The gateway's internal signing key: tokens are signed for this subgraph (audience `name`). */
  signer: InternalSigner;
  /** Each fetch to this subgraph gets this long (SUBGRAPH_TIMEOUT_MS[_<NAME>]). */
  timeoutMs: number;
  /** All fetches of one client request end by this long after its first fetch (REQUEST_TIMEOUT_MS). */
  requestBudgetMs?: number;
  /** The gateway's pooled client (shared by all its data sources). */
  http: SubgraphHttpClient;
}

/**
 * How the gateway talks to one subgraph (the query planner calls `process` once per fetch):
 * - signs the verified caller into a short-lived token the subgraph requires;
 * - gives each fetch its own timeout, capped by the request's overall budget, so one slow or
 *   dead subgraph never hangs an answer and every later fetch of the plan (the customers
 *   merge above all) still gets its full time;
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

  private clockOf(context: object | undefined): RequestClock {
    if (!context) return { startedAt: Date.now(), timedOut: new Set() };
    let clock = requestClocks.get(context);
    if (!clock) requestClocks.set(context, (clock = { startedAt: Date.now(), timedOut: new Set() }));
    return clock;
  }

  /**
   * This fetch's deadline: `timeoutMs` from now, but never past the request's overall budget.
   * A fetch is never charged for time other subgraphs used earlier in the plan: the merge
   * that runs after a slow source still gets its full timeout.
   */
  private deadlineFor(clock: RequestClock): number {
    const own = Date.now() + this.options.timeoutMs;
    return this.options.requestBudgetMs ? Math.min(own, clock.startedAt + this.options.requestBudgetMs) : own;
  }

  private async send(request: GatewayGraphQLRequest, context: GatewayContext | undefined, clock: RequestClock): Promise<GatewayGraphQLResponse> {
    if (!request.query) throw new Error("Missing query");
    // A subgraph that just let one fetch of this request time out is not waited on again in
    // it (the 360 asks each source twice in sequence: waiting twice would double the answer time).
    if (clock.timedOut.has(this.options.name)) throw new SubgraphTimeoutError(`${this.options.name} timed out earlier in this request`);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (context?.caller) headers[INTERNAL_TOKEN_HEADER] = await this.tokens.token(context.caller, this.options.name);
    const payload = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
    const response = await tracedSubgraphPost(this.options.name, headers, context, () => this.options.http.post(this.options.url, headers, payload, this.deadlineFor(clock)));
    if (!response.ok) throw errorFromResponse(response);
    if (typeof response.body !== "object" || response.body === null) throw new Error(`Expected JSON response body, but received: ${String(response.body)}`);
    return { ...(response.body as GatewayGraphQLResponse), http: { headers: response.headers as never, status: response.status } };
  }

  /** Queries are retried once on a connection failure; mutations never (they may have run). */
  private async sendWithRetry(request: GatewayGraphQLRequest, context: GatewayContext | undefined): Promise<GatewayGraphQLResponse> {
    const clock = this.clockOf(context);
    try {
      try {
        return await this.send(request, context, clock);
      } catch (error) {
        const isQuery = !/^\s*mutation\b/.test(request.query ?? "");
        if (!isQuery || !isConnectionFailure(error)) throw error;
        return await this.send(request, context, clock);
      }
    } catch (error) {
      if ((error as Error).name === "TimeoutError") clock.timedOut.add(this.options.name);
      throw error;
    }
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    const context = options.context as GatewayContext | undefined;
    const fetches = context?.fetches;
    try {
      const response = await this.sendWithRetry(options.request, context);
      fetches?.push({ subgraph: this.options.name, sqlStatements: Number(response.http?.headers.get("x-sql-statements") ?? 0), ms: performance.now() - started, ok: true });
      observeSubgraphFetch(this.options.name, started);
      const served = response.http?.headers.get("x-customer-ids");
      if (served && context?.customerIds) for (const id of served.split(",")) context.customerIds.add(id);
      const owners = response.http?.headers.get(SERVED_OWNERS_HEADER);
      if (owners && context) for (const owner of owners.split(",")) (context.servedOwners ??= new Set()).add(owner);
      return response;
    } catch (error) {
      fetches?.push({ subgraph: this.options.name, sqlStatements: 0, ms: performance.now() - started, ok: false });
      observeSubgraphFetch(this.options.name, started, error);
      const budget = this.options.requestBudgetMs;
      const budgetSpent = budget !== undefined && context !== undefined && Date.now() >= this.clockOf(context).startedAt + budget;
      const reason =
        (error as Error).name !== "TimeoutError" ? "is unavailable"
        : budgetSpent ? `did not answer within the request's ${budget} ms budget`
        : `did not answer within ${this.options.timeoutMs} ms`;
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
