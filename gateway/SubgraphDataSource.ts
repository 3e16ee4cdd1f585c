import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { Kind, parse, type FieldNode, type SelectionSetNode } from "graphql";
import { ErrorCode } from "../common/errorCodes";
import { INTERNAL_TOKEN_HEADER } from "../common/internalToken";
import { tokenCacheFor, type CallerTokenCache } from "./callerTokenCache";
import type { GatewayContext } from "./GatewayContext";

/**
 * Carries a fetch's deadline from willSendRequest (which knows the client request) to the
 * fetcher (which does not); the fetcher removes it before the request leaves. A header
 * rather than AsyncLocalStorage: ALS turns on promise hooks for the whole process, which
 * profiling showed costing CPU on every request.
 */
const DEADLINE_HEADER = "x-c360-deadline";
/** Per client request (its context object), each subgraph's deadline. */
const requestDeadlines = new WeakMap<object, Map<string, number>>();

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  secret: string;
  timeoutMs: number;
}

/**
 * How the gateway talks to one subgraph:
 * - signs the verified caller into a short-lived token the subgraph requires;
 * - gives up once the subgraph has used its time for this request, so one slow or dead
 *   subgraph never hangs an answer;
 * - when an entity fetch fails, answers it with nulls plus an error naming the subgraph, so
 *   the rest of the plan still runs: a merge that @requires this source sees null and reports
 *   the source missing instead of the whole answer going blank;
 * - records each fetch (SQL statements the subgraph reported, time) for the cost report.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly tokens: CallerTokenCache;

  constructor(private readonly options: SubgraphDataSourceOptions) {
    super({ url: options.url });
    this.tokens = tokenCacheFor(options.secret);
    // Node's fetch (undici) keeps connections alive; the request's deadline for this subgraph bounds every call.
    this.fetcher = ((url: string, init: RequestInit & { headers: Record<string, string> }) => {
      const deadline = Number(init.headers[DEADLINE_HEADER] ?? Date.now() + options.timeoutMs);
      delete init.headers[DEADLINE_HEADER];
      const remaining = deadline - Date.now();
      if (remaining <= 0) return Promise.reject(new DOMException(`${options.name} already used its time`, "TimeoutError"));
      return fetch(url, { ...init, signal: AbortSignal.timeout(remaining) });
    }) as never;
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

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    request.http?.headers.set(DEADLINE_HEADER, String(this.deadlineFor(context)));
    if (!context?.caller) return;
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, await this.tokens.token(context.caller));
  }

  /** Queries are retried once on a connection failure; mutations never (they may have run). */
  private async processWithRetry(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      const isQuery = !/^\s*mutation\b/.test(options.request.query ?? "");
      if (!isQuery || !isConnectionFailure(error)) throw error;
      return super.process(options);
    }
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    const fetches = options.context?.fetches;
    try {
      const response = await this.processWithRetry(options);
      fetches?.push({ subgraph: this.options.name, sqlStatements: Number(response.http?.headers.get("x-sql-statements") ?? 0), ms: performance.now() - started, ok: true });
      const served = response.http?.headers.get("x-customer-ids");
      if (served && options.context?.customerIds) for (const id of served.split(",")) options.context.customerIds.add(id);
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

/**
 * Errors worth one immediate retry: the connection failed before the subgraph could act
 * (refused, reset). Never timeouts (the caller's time budget is spent) and never anything
 * the subgraph answered.
 */
function isConnectionFailure(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return ["ECONNREFUSED", "ECONNRESET", "EPIPE", "UND_ERR_SOCKET"].includes(cause?.code ?? "");
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
