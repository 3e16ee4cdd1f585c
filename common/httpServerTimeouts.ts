import http from "node:http";

/** Node's HTTP server limits; Node's own defaults hold a slow client's connection up to 300 s. */
export interface HttpServerTimeouts {
  /** [HTTP_HEADERS_TIMEOUT_MS] default 10000: a client must send all request headers within this. */
  headersTimeoutMs: number;
  /** [HTTP_REQUEST_TIMEOUT_MS] default 30000: a client must send the whole request (headers and body) within this. */
  requestTimeoutMs: number;
  /** [HTTP_KEEP_ALIVE_TIMEOUT_MS] default 5000 (subgraphs: 65000): an idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpServerTimeouts = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

/** Reads the HTTP_*_TIMEOUT_MS variables, validated; messages name the bad value. */
export function readHttpTimeouts(env: NodeJS.ProcessEnv, defaults: HttpServerTimeouts = DEFAULT_HTTP_TIMEOUTS): HttpServerTimeouts {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    return value;
  };
  const timeouts = {
    headersTimeoutMs: read("HTTP_HEADERS_TIMEOUT_MS", defaults.headersTimeoutMs),
    requestTimeoutMs: read("HTTP_REQUEST_TIMEOUT_MS", defaults.requestTimeoutMs),
    keepAliveTimeoutMs: read("HTTP_KEEP_ALIVE_TIMEOUT_MS", defaults.keepAliveTimeoutMs),
  };
  if (timeouts.headersTimeoutMs > timeouts.requestTimeoutMs) {
    throw new Error(`HTTP_HEADERS_TIMEOUT_MS (${timeouts.headersTimeoutMs}) may not exceed HTTP_REQUEST_TIMEOUT_MS (${timeouts.requestTimeoutMs})`);
  }
  return timeouts;
}

/**
 * An HTTP server that closes connections whose headers or body arrive too slowly (a
 * slow-body client otherwise holds a socket and its buffers for Node's default 300 s).
 * Node checks these deadlines every `connectionsCheckingInterval` (default 30 s, which would
 * let a 10 s limit run to 40 s); a second is cheap and keeps them close to what is configured.
 */
export function createTimedHttpServer(timeouts: HttpServerTimeouts): http.Server {
  const server = http.createServer({
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, timeouts.headersTimeoutMs),
  });
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  return server;
}
