import path from "node:path";
import { readHttpTimeouts, type HttpServerTimeouts } from "../common/httpServerTimeouts";

/** Every option the gateway reads, validated once at start. Environment variable in brackets. */
export interface GatewayConfig {
  /** [PORT] default 4000. */
  port: number;
  /** [HOST] default 127.0.0.1; 0.0.0.0 to serve other machines (behind your load balancer). */
  host: string;
  /**
   * [NODE_ENV=production] turns on production rules: no development keys (JWT_JWKS_URL or
   * JWT_PUBLIC_KEY and JWT_ISSUER required), no introspection, no explorer page at GET /,
   * no field suggestions ("Did you mean") in errors.
   */
  production: boolean;
  /** [SUPERGRAPH_PATH] default schema/supergraph.graphql; watched: a new supergraph is served without restart. */
  supergraphPath: string;
  /** [SUPERGRAPH_URL] poll this URL for the supergraph instead of the file. */
  supergraphUrl?: string;
  /** [SUPERGRAPH_POLL_MS] default 1000: how often to look for a new supergraph. */
  supergraphPollMs: number;
  /**
   * [AUDIT_TRAIL] on | off, default on: record every operation in the audit subgraph before
   * answering (fail closed). Off only for measurements against gateways without one.
   */
  auditTrail: boolean;
  /** [SUBGRAPH_URL_<NAME>] overrides a routing URL from the supergraph, e.g. SUBGRAPH_URL_ORDERS. */
  subgraphUrls: Record<string, string>;
  /**
   * [INTERNAL_SIGNING_KEYS_FILE] required: a JWK Set file whose first private Ed25519 key signs the
   * caller tokens the gateway sends to subgraphs (`npm start` generates a development one under
   * DATA_DIR/keys; production refuses it). Its public halves are served at /.well-known/internal-jwks.json.
   */
  internalSigningKeysFile: string;
  /**
   * [SUBGRAPH_TIMEOUT_MS] default 5000: how long EACH fetch to a subgraph may take; slower, and
   * its fields are null and it is reported missing. Every fetch of a plan gets its own (the
   * merge after a slow source is not charged for the source's wait); a subgraph that timed
   * out once is not asked again within the same request.
   */
  subgraphTimeoutMs: number;
  /** [SUBGRAPH_TIMEOUT_MS_<NAME>] per-subgraph override. */
  subgraphTimeouts: Record<string, number>;
  /**
   * [REQUEST_TIMEOUT_MS] default 15000: the overall budget of one client request, counted from
   * its first subgraph fetch; no fetch runs past it (a fetch's deadline is the earlier of its
   * own timeout and the budget's end). Default: room for a timed-out source and the merge after it.
   */
  requestTimeoutMs: number;
  /** [DATA_DIR] default ./data: where development keys live. */
  dataDir: string;
  auth: AuthConfig;
  trustedDocuments: TrustedDocumentsConfig;
  rateLimit: RateLimitConfig;
  ipRateLimit: IpRateLimitConfig;
  /** [HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_KEEP_ALIVE_TIMEOUT_MS] see common/httpServerTimeouts.ts. */
  http: HttpServerTimeouts;
  responseCache: ResponseCacheConfig;
}

export interface ResponseCacheConfig {
  /**
   * [RESPONSE_CACHE_TTL_SECONDS] default 0 (off): keep complete query answers this long, per
   * caller; a mutation through the gateway retires them all. Short (a few seconds): reps ask
   * "who is handling it right now".
   */
  ttlSeconds: number;
  /** [REDIS_URL] when set, replicas share the cache in Redis; else in memory per process. */
  redisUrl?: string;
}

/**
 * off: no persisted operations (a hash is PERSISTED_QUERY_NOT_SUPPORTED);
 * allow: manifest hashes run, any other document runs too (development, migration);
 * enforce: only operations in the manifest run (production: a stolen token cannot explore the graph).
 */
export type TrustedDocumentsMode = "off" | "allow" | "enforce";

export interface TrustedDocumentsConfig {
  /** [TRUSTED_DOCUMENTS] off | allow | enforce, default allow. Set enforce in production. */
  mode: TrustedDocumentsMode;
  /** [TRUSTED_DOCUMENTS_DIR] default schema/operations: every *.graphql below it is trusted. */
  dir: string;
}

export interface RateLimitConfig {
  /** [RATE_LIMIT_PER_MINUTE] default 600: GraphQL requests per caller (JWT sub) per minute. */
  perMinute: number;
  /** [REDIS_URL] when set, replicas share one budget per caller in Redis; else in memory per process. */
  redisUrl?: string;
}

export interface IpRateLimitConfig {
  /**
   * [RATE_LIMIT_PER_IP_PER_MINUTE] default 1200: requests per client IP per minute, counted
   * BEFORE the bearer token is verified, so floods of missing or forged tokens are refused cheaply.
   * Above the per-caller budget: several reps may share one office address.
   */
  perMinute: number;
  /**
   * [TRUSTED_PROXY_HOPS] default 0: the client IP is the socket's peer. N > 0: behind N proxies
   * you run (load balancers), the N-th address from the right of X-Forwarded-For.
   */
  trustedProxyHops: number;
  /** [REDIS_URL] when set, replicas share one budget per IP in Redis; else in memory per process. */
  redisUrl?: string;
}

export interface AuthConfig {
  /** [JWT_ISSUER] default "customer-360-dev"; production requires it set (the dev issuer is refused). */
  issuer: string;
  /** [JWT_AUDIENCE] default "customer-360". */
  audience: string;
  /** [JWT_JWKS_URL] verify client tokens against this JWKS (keys picked by `kid`). In production https, except loopback. */
  jwksUrl?: string;
  /** [JWT_PUBLIC_KEY] or a PEM (SPKI) public key. Neither: development keys under DATA_DIR/keys. */
  publicKeyPem?: string;
  /** [JWT_ALGORITHMS] default "ES256,RS256". Asymmetric only: never "none" or HS*. */
  algorithms: string[];
  /**
   * [JWT_MAX_LIFETIME_SECONDS] default 43200 (12 h, a shift): tokens must carry `exp`, and
   * exp - iat (exp - now without iat) may not exceed this: a leaked token is not forever.
   */
  maxLifetimeSeconds: number;
  /** [JWT_CLOCK_SKEW_SECONDS] default 60: tolerance for exp, nbf and for an `iat` ahead of the gateway's clock. */
  clockSkewSeconds: number;
}

/** The issuer `npm run token` writes into development tokens. */
export const DEV_ISSUER = "customer-360-dev";

/** An integer setting of at least `min` (0 or 1), or `fallback` when unset. */
function intSetting(name: string, fallback: number, env: NodeJS.ProcessEnv, min: 0 | 1): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be ${min === 1 ? "a positive integer" : "a whole number of 0 or more"}, got "${raw}"`);
  return value;
}

const positiveInt = (name: string, fallback: number, env: NodeJS.ProcessEnv) => intSetting(name, fallback, env, 1);

export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const subgraphUrls: Record<string, string> = {};
  const subgraphTimeouts: Record<string, number> = {};
  for (const [key, value] of Object.entries(env)) {
    const url = /^SUBGRAPH_URL_([A-Z0-9_]+)$/.exec(key);
    if (url && value) subgraphUrls[url[1].toLowerCase()] = value;
    const timeout = /^SUBGRAPH_TIMEOUT_MS_([A-Z0-9_]+)$/.exec(key);
    if (timeout) subgraphTimeouts[timeout[1].toLowerCase()] = positiveInt(key, 0, env);
  }
  // The shared HS256 secret of earlier versions is gone: a partner holding it could act as the gateway.
  const internalSigningKeysFile = env.INTERNAL_SIGNING_KEYS_FILE || "";
  if (!internalSigningKeysFile) throw new Error("INTERNAL_SIGNING_KEYS_FILE must name the gateway's internal signing key set (npm start generates a development one; see docs/SECURITY.md)");
  const http = readHttpTimeouts(env);
  const algorithms = (env.JWT_ALGORITHMS ?? "ES256,RS256").split(",").map((a) => a.trim()).filter(Boolean);
  if (algorithms.some((a) => a.toLowerCase() === "none" || a.startsWith("HS"))) throw new Error(`JWT_ALGORITHMS must list asymmetric algorithms only, got "${env.JWT_ALGORITHMS}"`);
  const production = env.NODE_ENV === "production";
  const jwksUrl = env.JWT_JWKS_URL || undefined;
  if (production) {
    // A token minted for development must never open production: demand the real issuer and keys.
    if (!env.JWT_ISSUER || env.JWT_ISSUER === DEV_ISSUER) throw new Error("production mode (NODE_ENV=production) needs JWT_ISSUER: the development issuer is refused");
    if (!jwksUrl && !env.JWT_PUBLIC_KEY) throw new Error("production mode (NODE_ENV=production) needs JWT_JWKS_URL or JWT_PUBLIC_KEY: development keys are refused");
  }
  if (jwksUrl) {
    let url: URL;
    try {
      url = new URL(jwksUrl);
    } catch {
      throw new Error(`JWT_JWKS_URL must be a URL, got "${jwksUrl}"`);
    }
    // Keys fetched over plain http could be swapped in transit; loopback (a sidecar, a test) is the exception.
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
    if (production && url.protocol !== "https:" && !loopback) throw new Error(`JWT_JWKS_URL must use https in production, got "${jwksUrl}"`);
  }
  const trustedMode = env.TRUSTED_DOCUMENTS || "allow";
  if (trustedMode !== "off" && trustedMode !== "allow" && trustedMode !== "enforce") {
    throw new Error(`TRUSTED_DOCUMENTS must be off, allow or enforce, got "${trustedMode}"`);
  }
  return {
    port: env.PORT === undefined ? 4000 : Number(env.PORT),
    host: env.HOST || "127.0.0.1",
    supergraphUrl: env.SUPERGRAPH_URL || undefined,
    supergraphPollMs: positiveInt("SUPERGRAPH_POLL_MS", 1000, env),
    auditTrail: auditTrailSetting(env.AUDIT_TRAIL, production),
    production,
    supergraphPath: path.resolve(env.SUPERGRAPH_PATH ?? path.join("schema", "supergraph.graphql")),
    subgraphUrls,
    internalSigningKeysFile: path.resolve(internalSigningKeysFile),
    http,
    subgraphTimeoutMs: positiveInt("SUBGRAPH_TIMEOUT_MS", 5000, env),
    subgraphTimeouts,
    requestTimeoutMs: positiveInt("REQUEST_TIMEOUT_MS", 15000, env),
    dataDir: path.resolve(env.DATA_DIR ?? "data"),
    auth: {
      issuer: env.JWT_ISSUER ?? DEV_ISSUER,
      audience: env.JWT_AUDIENCE ?? "customer-360",
      jwksUrl,
      publicKeyPem: env.JWT_PUBLIC_KEY || undefined,
      algorithms,
      maxLifetimeSeconds: positiveInt("JWT_MAX_LIFETIME_SECONDS", 43_200, env),
      clockSkewSeconds: intSetting("JWT_CLOCK_SKEW_SECONDS", 60, env, 0),
    },
    trustedDocuments: {
      mode: trustedMode,
      dir: path.resolve(env.TRUSTED_DOCUMENTS_DIR ?? path.join("schema", "operations")),
    },
    rateLimit: {
      perMinute: positiveInt("RATE_LIMIT_PER_MINUTE", 600, env),
      redisUrl: env.REDIS_URL || undefined,
    },
    ipRateLimit: {
      perMinute: positiveInt("RATE_LIMIT_PER_IP_PER_MINUTE", 1200, env),
      trustedProxyHops: intSetting("TRUSTED_PROXY_HOPS", 0, env, 0),
      redisUrl: env.REDIS_URL || undefined,
    },
    responseCache: {
      ttlSeconds: intSetting("RESPONSE_CACHE_TTL_SECONDS", 0, env, 0),
      redisUrl: env.REDIS_URL || undefined,
    },
  };
}

function auditTrailSetting(raw: string | undefined, production: boolean): boolean {
  const value = raw || "on";
  if (value !== "on" && value !== "off") throw new Error(`AUDIT_TRAIL must be on or off, got "${raw}"`);
  if (value === "off" && production) throw new Error("AUDIT_TRAIL=off is refused in production: every read of customer data must be recorded");
  return value === "on";
}
