import type { AddressInfo } from "node:net";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ErrorCode } from "../common/errorCodes";
import { createTimedHttpServer } from "../common/httpServerTimeouts";
import { formatError } from "../common/formatError";
import { valueCompletionErrorsPlugin } from "./plugins/valueCompletionErrors";
import { DEFAULT_MAX_BODY_BYTES, graphqlHandler, sendJson } from "../common/nodeHttp";
import { createAuthenticator } from "./auth/authenticate";
import type { GatewayConfig } from "./config";
import type { GatewayContext } from "./GatewayContext";
import { auditTrailPlugin } from "./plugins/auditTrail";
import { costReportPlugin } from "./plugins/costReport";
import { DEFAULT_QUERY_LIMITS, queryLimits } from "./plugins/queryLimits";
import { enforceTrustedDocumentsPlugin, skipValidationOfUntrustedRule } from "./plugins/trustedDocuments";
import { createIpRateLimiter } from "./ipRateLimit";
import { loadInternalSigningKeys } from "./internalSigningKeys";
import { createCallerRateLimiter } from "./rateLimit";
import { checkSubgraphs } from "./readiness";
import { SubgraphDataSource } from "./SubgraphDataSource";
import { defaultWebDir, staticAssets } from "./staticAssets";
import { SubgraphHttpClient } from "./subgraphHttp";
import { createResponseCacheStore } from "./responseCacheStore";
import { responseCachePlugin } from "./plugins/responseCache";
import { supergraphSource } from "./supergraphSource";
import { subgraphsOf } from "./supergraphSubgraphs";
import { loadTrustedDocuments, persistedQueryCache } from "./trustedDocuments";
import { BoundedLabels } from "../common/observability/boundedLabels";
import { createLogger } from "../common/observability/logger";
import { readMetricsAccess, serveMetrics, startMetricsListener } from "../common/observability/metricsEndpoint";
import { gatewayRegistry } from "./observability/gatewayMetrics";
import { observabilityPlugin } from "./observability/observabilityPlugin";
import { observeGatewayRequest, type GatewayObservability } from "./observability/observeGatewayRequest";
import { withRequestRecord } from "./observability/gatewayRequestScope";

export interface RunningGateway {
  url: string;
  port: number;
  /** The separate metrics listener's port (METRICS_PORT), if one was started. */
  metricsPort?: number;
  stop(): Promise<void>;
}

/**
 * The one endpoint. Reading top-down, a request goes:
 *   HTTP (header/body deadlines, body size cap, rate limit per IP) -> CSRF check -> authenticate the bearer JWT -> rate limit per caller
 *   -> trusted document lookup (APQ hash) -> parse (token cap) -> validate (armor limits)
 *   -> trusted documents policy -> query plan -> SubgraphDataSource per fetch (signed caller,
 *   timeout, partial answers) -> merged answer, errors coded, no stack traces.
 */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  // Where each subgraph is: the supergraph's routing URLs, overridden by SUBGRAPH_URL_<NAME>;
  // refreshed whenever a new supergraph goes live.
  let subgraphUrls: Record<string, string> = {};
  const onSupergraph = (sdl: string) => {
    subgraphUrls = Object.fromEntries(Object.entries(subgraphsOf(sdl)).map(([name, url]) => [name, config.subgraphUrls[name] ?? url]));
  };
  const authenticate = await createAuthenticator(config);
  const internalKeys = await loadInternalSigningKeys(config.internalSigningKeysFile, config.production);
  const trusted = config.trustedDocuments.mode === "off" ? undefined : loadTrustedDocuments(config.trustedDocuments.dir);
  if (config.trustedDocuments.mode === "enforce" && trusted!.byId.size === 0) {
    throw new Error(`TRUSTED_DOCUMENTS=enforce but no operations were found under ${config.trustedDocuments.dir}: every request would be refused`);
  }

  // Logs, metrics and traces (docs/OPERATIONS.md): settings read once, here.
  const metricsAccess = readMetricsAccess();
  const observability: GatewayObservability = { logger: createLogger("gateway"), operations: new BoundedLabels(new Set([...(trusted?.byId.values() ?? [])].map((d) => d.name))) };

  // One pooled HTTP client for every subgraph call of this gateway (plan fetches and audit writes).
  const subgraphHttp = new SubgraphHttpClient();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSource({ path: config.supergraphPath, url: config.supergraphUrl, pollMs: config.supergraphPollMs, onLoaded: onSupergraph, log: (message) => observability.logger.info(message) }),
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        name,
        url: config.subgraphUrls[name] ?? url!,
        signer: internalKeys.signer,
        timeoutMs: config.subgraphTimeouts[name] ?? config.subgraphTimeoutMs,
        requestBudgetMs: config.requestTimeoutMs,
        http: subgraphHttp,
      }),
  });

  const httpServer = createTimedHttpServer(config.http);
  const limits = queryLimits(DEFAULT_QUERY_LIMITS, config.production);
  const rateLimiter = await createCallerRateLimiter(config.rateLimit);
  const ipRateLimiter = await createIpRateLimiter(config.ipRateLimit);
  const responseCache = await createResponseCacheStore(config.responseCache);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    csrfPrevention: true,
    // One operation per HTTP request: batches multiply every limit below.
    allowBatchedHttpRequests: false,
    parseOptions: limits.parseOptions,
    // Enforce mode: an untrusted document is refused without being validated (its validation is the expensive part).
    validationRules: config.trustedDocuments.mode === "enforce" ? [skipValidationOfUntrustedRule, ...limits.validationRules] : limits.validationRules,
    // Hash-only requests are looked up in the trusted documents manifest, never in a cache clients fill.
    persistedQueries: trusted ? { cache: persistedQueryCache(trusted) } : false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      costReportPlugin(),
      valueCompletionErrorsPlugin(),
      ...limits.plugins,
      ...(config.trustedDocuments.mode === "enforce" ? [enforceTrustedDocumentsPlugin(trusted!)] : []),
      ...(responseCache ? [responseCachePlugin(responseCache, config.responseCache.ttlSeconds)] : []),
      // Last: if the trail cannot be written it withholds the whole answer (fail closed).
      ...(config.auditTrail ? [auditTrailPlugin({ auditUrl: () => subgraphUrls.audit, customersUrl: () => subgraphUrls.customers, signer: internalKeys.signer, http: subgraphHttp })] : []),
      // After the trail: it records the answer as sent (a withheld one included).
      observabilityPlugin(),
    ],
  });
  try {
    await apollo.start();
  } catch (error) {
    await rateLimiter.close();
    await ipRateLimiter.close();
    await subgraphHttp.close();
    await responseCache?.close();
    throw error;
  }

  const handleGraphQL = graphqlHandler<GatewayContext>({
    server: apollo,
    context: async (req) => {
      const caller = await authenticate(req);
      // Counted before parsing, so refused and invalid operations spend budget too.
      await rateLimiter.consume(caller.subject);
      return withRequestRecord(req, { caller, fetches: [], customerIds: new Set<string>(), servedOwners: new Set<string>() });
    },
  });

  const serveWebApps = staticAssets({ webDir: defaultWebDir(), production: config.production });
  httpServer.on("request", (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/graphql") {
      // A declared oversize body is refused unread; `connection: close` because the unread rest
      // of it would otherwise be parsed as the next request on this keep-alive connection.
      if (Number(req.headers["content-length"] ?? 0) > DEFAULT_MAX_BODY_BYTES) {
        const message = `request body exceeds ${DEFAULT_MAX_BODY_BYTES} bytes`;
        return sendJson(res, 413, { errors: [{ message, extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE } }] }, { connection: "close" });
      }
      // Before the token is read: floods without a valid token are counted too.
      return void observeGatewayRequest(observability, req, res, () =>
        ipRateLimiter.consume(req).then((retryAfter) => {
          if (retryAfter === undefined) return handleGraphQL(req, res);
          const message = `rate limit of ${config.ipRateLimit.perMinute} requests per minute from one address exceeded; retry in ${retryAfter} s`;
          // `connection: close`: the body is left unread, and waiting to drain it would let a slow sender hold the socket past every deadline.
          sendJson(res, 429, { errors: [{ message, extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: retryAfter } }] }, { "retry-after": String(retryAfter), connection: "close" });
        }),
      );
    }
    if (path === "/metrics" && metricsAccess.onPublicListener) return void serveMetrics(req, res, gatewayRegistry, metricsAccess);
    // Public keys of the caller tokens, for subgraphs configured with INTERNAL_JWKS_URL.
    if (path === "/.well-known/internal-jwks.json") return sendJson(res, 200, internalKeys.publicJwks, { "cache-control": "max-age=60" });
    if (path === "/health") return sendJson(res, 200, { status: "ok" });
    if (path === "/ready") {
      return void checkSubgraphs(subgraphUrls).then((state) => sendJson(res, state.ready ? 200 : 503, state));
    }
    // The rep console at /console; GraphiQL at / outside production (gateway/staticAssets.ts).
    if (serveWebApps(req, res, path)) return;
    sendJson(res, 404, { errors: [{ message: `no route ${path}`, extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  if (config.auditTrail && !subgraphUrls.audit) {
    await apollo.stop();
    await subgraphHttp.close();
    throw new Error("AUDIT_TRAIL is on but the supergraph has no audit subgraph");
  }
  const port = (httpServer.address() as AddressInfo).port;
  const metricsListener = metricsAccess.port === undefined ? undefined : await startMetricsListener(gatewayRegistry, { ...metricsAccess, port: metricsAccess.port }, observability.logger);
  return {
    url: `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${port}/graphql`,
    port,
    metricsPort: metricsListener?.port,
    stop: async () => {
      await metricsListener?.close();
      await apollo.stop();
      await rateLimiter.close();
      await ipRateLimiter.close();
      await subgraphHttp.close();
    },
  };
}
