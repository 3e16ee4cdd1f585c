import { Pool } from "undici";

/**
 * The gateway's HTTP client for subgraph calls: one keep-alive undici Pool per subgraph
 * origin, shared by every data source of a gateway and its audit writer.
 *
 * Why not `fetch`: profiling the 360 query (13 subgraph calls per answer) showed Node's fetch
 * spending a third of the gateway's CPU on WHATWG streams, transferable abort signals and a
 * chunked request body written with several syscalls. `Pool.request` sends a string body with
 * one write and hands back the bytes; the measured gain is in docs/BENCHMARK.md / bench/PROFILE.md.
 */

/** Connections per subgraph: enough for 50+ concurrent client requests, bounded so a burst cannot open thousands. */
const CONNECTIONS_PER_SUBGRAPH = 128;
/** Idle keep-alive; subgraphs keep theirs longer (kit sets 65 s), so we never reuse a socket they just closed. */
const KEEP_ALIVE_MS = 30_000;

/** Parsed subgraph URLs (a handful; parsing one per call showed in profiles). */
const targets = new Map<string, URL>();

function targetOf(url: string): URL {
  let target = targets.get(url);
  if (!target) {
    target = new URL(url);
    if (targets.size > 1000) targets.clear();
    targets.set(url, target);
  }
  return target;
}

export interface SubgraphHttpResponse {
  url: string;
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  /** Parsed JSON when the subgraph said JSON, else the text. */
  body: unknown;
}

/** Thrown when a call's deadline passes; `name` matches what callers test for timeouts. */
export class SubgraphTimeoutError extends Error {
  override readonly name = "TimeoutError";
}

/** One per gateway: its pools live and close with it (several gateways may share a process, as in tests). */
export class SubgraphHttpClient {
  private readonly pools = new Map<string, Pool>();

  private poolFor(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: CONNECTIONS_PER_SUBGRAPH, keepAliveTimeout: KEEP_ALIVE_MS, pipelining: 1 });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  /**
   * POSTs `body` to `url` and reads the whole answer, giving up at `deadline` (epoch ms),
   * whether the subgraph is slow to answer or slow to finish the body.
   */
  async post(url: string, headers: Record<string, string>, body: string, deadline: number): Promise<SubgraphHttpResponse> {
    const remaining = deadline - Date.now();
    const target = targetOf(url);
    if (remaining <= 0) throw new SubgraphTimeoutError(`${target.host} already used its time`);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new SubgraphTimeoutError(`${target.host} did not answer in time`)), remaining);
    try {
      const response = await this.poolFor(target.origin).request({
        method: "POST",
        path: target.pathname + target.search,
        headers,
        body,
        signal: controller.signal,
      });
      const contentType = String(response.headers["content-type"] ?? "");
      const isJson = contentType.startsWith("application/json") || contentType.startsWith("application/graphql-response+json");
      const text = await response.body.text();
      const status = response.statusCode;
      return {
        url,
        status,
        ok: status >= 200 && status < 300,
        headers: { get: (name) => headerValue(response.headers[name.toLowerCase()]) },
        body: isJson && text ? JSON.parse(text) : text,
      };
    } catch (error) {
      // undici rejects with the abort reason; anything else (refused, reset) passes through with its code.
      if (controller.signal.aborted) throw controller.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes every pool (gateway stop); in-flight calls finish first. */
  async close(): Promise<void> {
    const open = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(open.map((pool) => pool.close().catch(() => undefined)));
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}
