import path from "node:path";

/** Every option the gateway reads, validated once at start. Environment variable in brackets. */
export interface GatewayConfig {
  /** [PORT] default 4000. */
  port: number;
  /** [NODE_ENV=production] turns on production rules: no dev keys, no introspection. */
  production: boolean;
  /** [SUPERGRAPH_PATH] default schema/supergraph.graphql. */
  supergraphPath: string;
  /** [SUBGRAPH_URL_<NAME>] overrides a routing URL from the supergraph, e.g. SUBGRAPH_URL_ORDERS. */
  subgraphUrls: Record<string, string>;
  /** [GATEWAY_SUBGRAPH_SECRET] secret for the caller tokens the gateway signs for subgraphs (>= 32 chars). */
  gatewaySecret: string;
  /** [SUBGRAPH_TIMEOUT_MS] default 5000: a subgraph slower than this is reported missing, never waited on. */
  subgraphTimeoutMs: number;
  /** [SUBGRAPH_TIMEOUT_MS_<NAME>] per-subgraph override. */
  subgraphTimeouts: Record<string, number>;
  /** [DATA_DIR] default ./data: where development keys live. */
  dataDir: string;
  auth: AuthConfig;
}

export interface AuthConfig {
  /** [JWT_ISSUER] default "customer-360-dev". */
  issuer: string;
  /** [JWT_AUDIENCE] default "customer-360". */
  audience: string;
  /** [JWT_JWKS_URL] verify client tokens against this JWKS. */
  jwksUrl?: string;
  /** [JWT_PUBLIC_KEY] or a PEM (SPKI) public key. Neither: development keys under DATA_DIR/keys. */
  publicKeyPem?: string;
  /** [JWT_ALGORITHMS] default "ES256,RS256". Never "none". */
  algorithms: string[];
}

function positiveInt(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const subgraphUrls: Record<string, string> = {};
  const subgraphTimeouts: Record<string, number> = {};
  for (const [key, value] of Object.entries(env)) {
    const url = /^SUBGRAPH_URL_([A-Z0-9_]+)$/.exec(key);
    if (url && value) subgraphUrls[url[1].toLowerCase()] = value;
    const timeout = /^SUBGRAPH_TIMEOUT_MS_([A-Z0-9_]+)$/.exec(key);
    if (timeout) subgraphTimeouts[timeout[1].toLowerCase()] = positiveInt(key, 0, env);
  }
  const gatewaySecret = env.GATEWAY_SUBGRAPH_SECRET ?? "";
  if (gatewaySecret.length < 32) throw new Error("GATEWAY_SUBGRAPH_SECRET must be set to at least 32 characters (npm start generates one)");
  const algorithms = (env.JWT_ALGORITHMS ?? "ES256,RS256").split(",").map((a) => a.trim()).filter(Boolean);
  if (algorithms.some((a) => a.toLowerCase() === "none" || a.startsWith("HS"))) throw new Error(`JWT_ALGORITHMS must list asymmetric algorithms only, got "${env.JWT_ALGORITHMS}"`);
  return {
    port: env.PORT === undefined ? 4000 : Number(env.PORT),
    production: env.NODE_ENV === "production",
    supergraphPath: path.resolve(env.SUPERGRAPH_PATH ?? path.join("schema", "supergraph.graphql")),
    subgraphUrls,
    gatewaySecret,
    subgraphTimeoutMs: positiveInt("SUBGRAPH_TIMEOUT_MS", 5000, env),
    subgraphTimeouts,
    dataDir: path.resolve(env.DATA_DIR ?? "data"),
    auth: {
      issuer: env.JWT_ISSUER ?? "customer-360-dev",
      audience: env.JWT_AUDIENCE ?? "customer-360",
      jwksUrl: env.JWT_JWKS_URL || undefined,
      publicKeyPem: env.JWT_PUBLIC_KEY || undefined,
      algorithms,
    },
  };
}
