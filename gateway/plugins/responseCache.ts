import { createHash } from "node:crypto";
import type { ApolloServerPlugin, GraphQLRequestContextResponseForOperation } from "@apollo/server";
import { OperationTypeNode } from "graphql";
import type { GatewayContext } from "../GatewayContext";
import type { ResponseCacheStore } from "../responseCacheStore";
import { gatewayMetrics } from "../observability/gatewayMetrics";
import { COST_REPORT_HEADER } from "./costReport";

/** Response header saying whether an answer came from the cache: hit | miss. */
export const CACHE_STATUS_HEADER = "x-cache";

/**
 * The cache key: who is asking (subject, role, organization and the customers they verified,
 * because authorization and masking differ per caller) and exactly what (query hash,
 * operation name, variables). One caller's cached answer is never served to another.
 */
function cacheKey(requestContext: GraphQLRequestContextResponseForOperation<GatewayContext>): string {
  const { caller } = requestContext.contextValue;
  const who = [caller.subject, caller.role, caller.organization];
  const what = [requestContext.queryHash, requestContext.operationName ?? "", JSON.stringify(requestContext.request.variables ?? {})];
  return createHash("sha256").update(JSON.stringify([who, what])).digest("hex");
}

/**
 * Response cache (RESPONSE_CACHE_TTL_SECONDS > 0; off by default). Queries only; an answer
 * is stored only when it is complete (no errors), for ttlSeconds, in memory or in Redis
 * (REDIS_URL) shared by replicas. A mutation through any replica retires every cached
 * answer. A hit skips the subgraphs but not the rest: the caller was authenticated and
 * rate-limited, and the audit trail records the read with the customers the answer showed.
 *
 * Freshness: a change made outside this graph (a technician's tablet, a batch job) shows up
 * after at most ttlSeconds. Keep the TTL short: the 360 answers "who is handling it right now".
 */
export function responseCachePlugin(store: ResponseCacheStore, ttlSeconds: number): ApolloServerPlugin<GatewayContext> {
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          await store.close();
        },
      };
    },
    async requestDidStart({ request }) {
      // The cost report measures real subgraph work: never answer it from the cache.
      if (request.http?.headers.get(COST_REPORT_HEADER) === "1") return;
      let miss: { key: string; generation: number } | undefined;
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation.operation !== OperationTypeNode.QUERY || !requestContext.contextValue?.caller) return null;
          const key = cacheKey(requestContext);
          const { answer, generation } = await store.get(key);
          if (!answer) {
            miss = { key, generation };
            requestContext.response.http.headers.set(CACHE_STATUS_HEADER, "miss");
            gatewayMetrics.responseCache.inc({ result: "miss" });
            return null;
          }
          for (const id of answer.customerIds) requestContext.contextValue.customerIds.add(id);
          requestContext.response.http.headers.set(CACHE_STATUS_HEADER, "hit");
          gatewayMetrics.responseCache.inc({ result: "hit" });
          return { http: requestContext.response.http, body: { kind: "single", singleResult: answer.result } };
        },
        async willSendResponse({ operation, response, contextValue }) {
          if (operation?.operation === OperationTypeNode.MUTATION) {
            await store.invalidateAll();
            return;
          }
          if (!miss || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          if (result.errors?.length || !result.data) return;
          await store.set(miss.key, { result: { data: result.data }, customerIds: [...contextValue.customerIds] }, miss.generation, ttlSeconds);
        },
      };
    },
  };
}
