import { timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import type { Logger } from "pino";

/** Where and to whom a process serves GET /metrics; read once at start from the environment. */
export interface MetricsAccess {
  /**
   * [METRICS_PORT] serve /metrics on this port only (0: a free one), on METRICS_HOST
   * (default 127.0.0.1), and not on the public listener.
   */
  port?: number;
  host: string;
  /** [METRICS_TOKEN] require `authorization: Bearer <token>` for /metrics, wherever it is served. */
  token?: string;
  /** On the public listener: always in development; in production only with a token. */
  onPublicListener: boolean;
}

export function readMetricsAccess(env: NodeJS.ProcessEnv = process.env): MetricsAccess {
  const raw = env.METRICS_PORT;
  let port: number | undefined;
  if (raw !== undefined && raw !== "") {
    port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`METRICS_PORT must be a port number (0-65535), got "${raw}"`);
  }
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && token.length < 16) throw new Error("METRICS_TOKEN must be at least 16 characters");
  const production = env.NODE_ENV === "production";
  return { port, host: env.METRICS_HOST || "127.0.0.1", token, onPublicListener: port === undefined && (!production || token !== undefined) };
}

function authorized(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const given = Buffer.from(String(req.headers.authorization ?? ""));
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Answers GET /metrics from `registry` (the caller has decided this listener may serve it). */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, registry: Registry, access: MetricsAccess): Promise<void> {
  if (!authorized(req, access.token)) {
    res.writeHead(401, { "content-type": "text/plain; charset=utf-8", "www-authenticate": "Bearer" });
    return void res.end("metrics need the METRICS_TOKEN bearer token\n");
  }
  const text = await registry.metrics();
  res.writeHead(200, { "content-type": registry.contentType });
  res.end(text);
}

export interface MetricsListener {
  port: number;
  close(): Promise<void>;
}

/** The separate metrics listener (METRICS_PORT): only /metrics, nothing of the graph. */
export async function startMetricsListener(registry: Registry, access: MetricsAccess & { port: number }, logger: Logger): Promise<MetricsListener> {
  const server = http.createServer((req, res) => {
    if ((req.url ?? "/").split("?")[0] === "/metrics" && req.method === "GET") return void serveMetrics(req, res, registry, access);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(access.port, access.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, host: access.host }, "metrics listener started");
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
