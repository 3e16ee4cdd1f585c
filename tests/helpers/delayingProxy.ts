import http from "node:http";
import type { AddressInfo } from "node:net";

export interface DelayingProxy {
  /** The proxy's URL for `target`'s path (route the gateway here with SUBGRAPH_URL_<NAME>). */
  url: string;
  /** How long every request waits before it is forwarded; change it at any time. */
  delayMs: number;
  close(): Promise<void>;
}

/**
 * A slow subgraph without touching its code: forwards every request to `targetUrl` after
 * `delayMs`. The subgraph itself stays healthy, so what a test measures is the gateway's
 * handling of a slow answer, not a broken one.
 */
export async function startDelayingProxy(targetUrl: string, delayMs: number): Promise<DelayingProxy> {
  const target = new URL(targetUrl);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const timer = setTimeout(async () => {
        try {
          const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !["host", "connection", "content-length"].includes(name))) as Record<string, string>;
          const answer = await fetch(new URL(req.url ?? "/", target), { method: req.method, headers, body: req.method === "GET" ? undefined : Buffer.concat(chunks) });
          const body = Buffer.from(await answer.arrayBuffer());
          const passOn: Record<string, string> = {};
          answer.headers.forEach((value, name) => {
            if (!["content-length", "connection", "keep-alive", "transfer-encoding", "content-encoding"].includes(name)) passOn[name] = value;
          });
          if (!res.destroyed) res.writeHead(answer.status, passOn).end(body);
        } catch {
          if (!res.destroyed) res.writeHead(502).end();
        }
      }, proxy.delayMs);
      // The gateway gave up (timeout): nothing to forward.
      res.once("close", () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const proxy: DelayingProxy = {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    delayMs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
