import type { IncomingHttpHeaders } from "node:http";
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from "@opentelemetry/api";
import type { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

/**
 * OpenTelemetry traces, on only when an OTLP endpoint is configured. Off, nothing is
 * loaded or started: `tracer` stays undefined and every helper below runs its function
 * directly (no span objects, no context switches), so tracing costs nothing when unused.
 *
 * On, the process registers a NodeTracerProvider (AsyncLocalStorage context, W3C
 * traceparent propagation), batches spans and exports them over OTLP/HTTP to
 * $OTEL_EXPORTER_OTLP_ENDPOINT (the exporter reads the standard OTEL_EXPORTER_OTLP_* and
 * OTEL_BSP_* variables; OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG choose the sampler,
 * default parent-based always-on). The spans are made here by hand with the API (one per
 * request, per subgraph fetch, per SQL statement) rather than by auto-instrumentation,
 * which would also patch every http and undici call and cost more.
 */
let tracer: Tracer | undefined;

export interface Tracing {
  /** Flushes the spans still queued and stops exporting. */
  shutdown(): Promise<void>;
}

/** Starts tracing for `serviceName` when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set; else returns undefined. */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return undefined;
  // Loaded only here, so a process without tracing never loads the SDK.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeTracerProvider } = require("@opentelemetry/sdk-trace-node") as typeof import("@opentelemetry/sdk-trace-node");
  const { BatchSpanProcessor } = require("@opentelemetry/sdk-trace-base") as typeof import("@opentelemetry/sdk-trace-base");
  const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-http") as typeof import("@opentelemetry/exporter-trace-otlp-http");
  const { resourceFromAttributes } = require("@opentelemetry/resources") as typeof import("@opentelemetry/resources");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": env.OTEL_SERVICE_NAME || serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  useTracerProvider(provider);
  return { shutdown: () => provider.shutdown() };
}

/** Registers `provider` globally (context manager, propagator) and makes the helpers below use it; tests pass one with an in-memory exporter. */
export function useTracerProvider(provider: NodeTracerProvider): void {
  provider.register();
  tracer = provider.getTracer("customer-360");
}

/** Back to no tracing (tests). */
export function stopUsingTracer(): void {
  tracer = undefined;
}

export function tracingEnabled(): boolean {
  return tracer !== undefined;
}

/**
 * Runs `fn` inside a new SERVER span, continuing the trace in the request's `traceparent`
 * if it carries one. The caller ends the span (when the response is finished).
 */
export function withServerSpan<T>(name: string, headers: IncomingHttpHeaders, attributes: Attributes, fn: (span: Span | undefined) => T): T {
  if (!tracer) return fn(undefined);
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return context.with(trace.setSpan(parent, span), () => fn(span));
}

/**
 * Runs `fn` (an outgoing call) in a CLIENT span that is a child of the current one, with
 * the W3C `traceparent` (and `tracestate`) written into `headers` so the callee joins the trace.
 * `failed` tells from the result whether the call failed without throwing.
 */
export async function withClientSpan<T>(name: string, attributes: Attributes, headers: Record<string, string>, fn: () => Promise<T>, failed?: (result: T) => string | undefined): Promise<T> {
  if (!tracer) return fn();
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes });
  const active = trace.setSpan(context.active(), span);
  propagation.inject(active, headers);
  try {
    const result = await context.with(active, fn);
    const failure = failed?.(result);
    if (failure) span.setStatus({ code: SpanStatusCode.ERROR, message: failure });
    return result;
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).name === "TimeoutError" ? "timeout" : (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Records one SQL statement that has just finished (Kysely's log hook reports it after the
 * fact, with its duration) as a span under the current request's span. The text is the compiled
 * statement with placeholders: parameter values (phone numbers, names) are never recorded.
 */
export function recordStatementSpan(system: "sqlite" | "postgresql", sqlText: string, durationMs: number, failed: boolean): void {
  if (!tracer) return;
  // Only under a request: migrations and seeding at start would each make a trace of their own.
  if (!trace.getSpan(context.active())) return;
  const end = Date.now();
  const operation = /^\s*(\w+)/.exec(sqlText)?.[1]?.toUpperCase() ?? "SQL";
  const span = tracer.startSpan(`${operation} ${system}`, {
    kind: SpanKind.CLIENT,
    startTime: end - durationMs,
    attributes: { "db.system.name": system, "db.operation.name": operation, "db.query.text": sqlText.slice(0, 2000) },
  });
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end(end);
}

/** The current trace id (for log lines), or undefined when tracing is off. */
export function currentTraceId(): string | undefined {
  if (!tracer) return undefined;
  return trace.getSpan(context.active())?.spanContext().traceId;
}
