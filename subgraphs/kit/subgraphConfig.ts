import path from "node:path";
import { readHttpTimeouts, type HttpServerTimeouts } from "../../common/httpServerTimeouts";
import type { InternalKeySource } from "../../common/internalToken";

/*
 * Every option a subgraph process reads, validated once at start (runSubgraphMain,
 * startSubgraph, openDatabase call these; nothing reads the environment at import time).
 * Environment variable in brackets; README "Configuration" lists them with their defaults.
 * A subgraph's own options (customers/config.ts, security/config.ts) use the same readers.
 */

/** Where a subgraph keeps its data. */
export interface DatabaseConfig {
  /** [DATABASE_URL] unset: embedded SQLite; else postgres:// or postgresql://, one schema per subgraph. */
  databaseUrl: string | undefined;
  /** [DATA_DIR] default ./data: folder of the SQLite files. */
  dataDir: string;
  /** [DB_SCHEMA_PREFIX] default empty: prefix of the PostgreSQL schema names (letters, digits, _). */
  schemaPrefix: string;
  /** [PG_POOL_SIZE] default 10: PostgreSQL connections per subgraph. */
  poolSize: number;
}

export interface SubgraphConfig {
  /** [PORT] default: the subgraph's port in its definition; 0 picks a free one. */
  port: number;
  /** [NODE_ENV=production] refuses development tokens' shortcuts (internalTokenVerifier). */
  production: boolean;
  /** [INTERNAL_JWKS_URL] or [INTERNAL_JWKS_FILE]: the gateway's public keys; one is required to serve. */
  internalKeys: InternalKeySource | undefined;
  database: DatabaseConfig;
  /** [HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS] see common/httpServerTimeouts.ts. */
  http: HttpServerTimeouts;
}

/** An integer setting from `min` to `max`, or `fallback` when unset; the error names the variable and the value. */
export function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** A number above 0 (fractions allowed), or `fallback` when unset; the error names the variable and the value. */
export function positiveNumberSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a number above 0, got "${raw}"`);
  return value;
}

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL (unset for SQLite), got "${databaseUrl}"`);
  const schemaPrefix = env.DB_SCHEMA_PREFIX ?? "";
  if (!/^[A-Za-z0-9_]*$/.test(schemaPrefix)) throw new Error(`DB_SCHEMA_PREFIX may hold only letters, digits and _, got "${schemaPrefix}"`);
  return { databaseUrl, dataDir: path.resolve(env.DATA_DIR || "data"), schemaPrefix, poolSize: intSetting(env, "PG_POOL_SIZE", 10, 1, 1000) };
}

export function readSubgraphConfig(env: NodeJS.ProcessEnv, defaultPort: number): SubgraphConfig {
  const internalKeys: InternalKeySource | undefined = env.INTERNAL_JWKS_URL ? { jwksUrl: env.INTERNAL_JWKS_URL } : env.INTERNAL_JWKS_FILE ? { jwksFile: env.INTERNAL_JWKS_FILE } : undefined;
  if (env.INTERNAL_JWKS_URL && !/^https?:\/\//.test(env.INTERNAL_JWKS_URL)) throw new Error(`INTERNAL_JWKS_URL must be an http(s) URL, got "${env.INTERNAL_JWKS_URL}"`);
  return {
    port: intSetting(env, "PORT", defaultPort, 0, 65535),
    production: env.NODE_ENV === "production",
    internalKeys,
    database: readDatabaseConfig(env),
    http: readHttpTimeouts(env),
  };
}
