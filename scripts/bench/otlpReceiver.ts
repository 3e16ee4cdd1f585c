import http from "node:http";
import type { AddressInfo } from "node:net";

/** One span as an OTLP/HTTP JSON export carries it (the fields the bench and tests look at). */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

export interface OtlpReceiver {
  /** The base URL to put in OTEL_EXPORTER_OTLP_ENDPOINT (the exporter appends /v1/traces). */
  endpoint: string;
  /** Spans received so far. */
  count(): number;
  /** The spans kept (all, unless `keep` was false). */
  spans(): ReceivedSpan[];
  close(): Promise<void>;
}

interface OtlpJson {
  resourceSpans?: Array<{
    resource?: { attributes?: Array<{ key: string; value?: { stringValue?: string } }> };
    scopeSpans?: Array<{ spans?: Array<{ traceId: string; spanId: string; parentSpanId?: string; name: string }> }>;
  }>;
}

/**
 * A throwaway OTLP/HTTP trace receiver on a free port: what a collector would be, for the
 * tracing bench (`npm run bench -- --tracing`: the processes really export, over HTTP, so
 * the cost measured is the real one) and the trace test. It accepts the JSON encoding that
 * @opentelemetry/exporter-trace-otlp-http sends and counts (and optionally keeps) the spans.
 */
export async function startOtlpReceiver(options: { keep?: boolean } = {}): Promise<OtlpReceiver> {
  const keep = options.keep ?? true;
  const kept: ReceivedSpan[] = [];
  let received = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method === "POST" && (req.url ?? "").startsWith("/v1/traces")) {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpJson;
          for (const resourceSpans of body.resourceSpans ?? []) {
            const service = resourceSpans.resource?.attributes?.find((a) => a.key === "service.name")?.value?.stringValue ?? "?";
            for (const scope of resourceSpans.scopeSpans ?? []) {
              for (const span of scope.spans ?? []) {
                received += 1;
                if (keep) kept.push({ service, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId || undefined, name: span.name });
              }
            }
          }
        } catch {
          res.writeHead(400).end();
          return;
        }
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    count: () => received,
    spans: () => kept,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
