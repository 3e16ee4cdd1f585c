/**
 * Issue 17: one client request is one trace across the gateway and the subgraphs. The gateway
 * runs in this process with an in-memory exporter; the subgraphs run as processes exporting
 * over OTLP/HTTP to a throwaway receiver (the one the tracing bench uses), so the trace
 * context really crosses process boundaries in the W3C traceparent header.
 */
import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { stopUsingTracer, tracingEnabled, useTracerProvider } from "../../common/observability/tracing";
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "../../scripts/bench/otlpReceiver";
import { startGraph, type Graph } from "../helpers/graphHarness";
import { eventually } from "./observabilityKit";

describe("tracing: one trace spans the gateway and every subgraph it called", () => {
  let graph: Graph;
  let receiver: OtlpReceiver;
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

  beforeAll(async () => {
    expect(tracingEnabled()).toBe(false); // off unless configured
    receiver = await startOtlpReceiver();
    useTracerProvider(provider);
    graph = await startGraph({ label: "sqlite" }, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: "100" });
  });
  afterAll(async () => {
    await graph?.stop();
    await receiver?.close();
    stopUsingTracer();
    await provider.shutdown();
  });

  it("joins the gateway's request and fetch spans with the subgraphs' request and SQL spans in one trace", async () => {
    const { body } = await graph.query(
      `query Traced($phone: String!) { customersByPhone(phone: $phone) { id retailerAccounts { orders(first: 5) { number } } billingAccounts { number status } securityLogins { id status } } }`,
      { phone: "+86 138-0719-1234" },
      { headers: { "x-cost-report": "1" } },
    );
    expect(body.errors).toBeUndefined();
    const touched = new Set<string>(body.extensions.cost.fetches.map((f: { subgraph: string }) => f.subgraph));
    expect([...touched].sort()).toEqual(expect.arrayContaining(["billing", "customers", "security"]));

    const gatewaySpans = await eventually(() => {
      const spans = exporter.getFinishedSpans();
      return spans.some((s) => s.kind === SpanKind.SERVER) ? spans : undefined;
    });
    const root = gatewaySpans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(root.name).toBe("query Traced");
    expect(root.attributes["c360.outcome"]).toBe("complete");
    const traceId = root.spanContext().traceId;
    const fetchSpans = gatewaySpans.filter((s) => s.kind === SpanKind.CLIENT && s.name.startsWith("subgraph "));
    expect(fetchSpans.length).toBe(body.extensions.cost.fetches.length);
    // @apollo/gateway adds its own spans in between (gateway.request, gateway.plan, gateway.fetch ...): walk up to the root.
    const parentOf = new Map(gatewaySpans.map((s) => [s.spanContext().spanId, s.parentSpanContext?.spanId]));
    const reachesRoot = (spanId: string | undefined): boolean => spanId !== undefined && (spanId === root.spanContext().spanId || reachesRoot(parentOf.get(spanId)));
    expect(gatewaySpans.map((s) => s.name)).toEqual(expect.arrayContaining(["gateway.plan", "gateway.fetch"]));
    for (const span of fetchSpans) {
      expect(span.spanContext().traceId).toBe(traceId);
      expect(reachesRoot(span.spanContext().spanId)).toBe(true);
    }

    // Each subgraph's request span is a child of one of the gateway's fetch spans, and its SQL spans children of that.
    const fetchIds = new Set(fetchSpans.map((s) => s.spanContext().spanId));
    const subgraphSpans: ReceivedSpan[] = await eventually(() => {
      const spans = receiver.spans().filter((s) => s.traceId === traceId);
      const services = new Set(spans.filter((s) => s.name.startsWith("POST /graphql")).map((s) => s.service));
      return [...touched].every((name) => services.has(name)) ? spans : undefined;
    }, 10_000);
    for (const name of touched) {
      const requests = subgraphSpans.filter((s) => s.service === name && s.name === `POST /graphql ${name}`);
      expect(requests.length).toBe(body.extensions.cost.fetches.filter((f: { subgraph: string }) => f.subgraph === name).length);
      for (const request of requests) expect(fetchIds.has(request.parentSpanId!)).toBe(true);
    }
    const requestIds = new Set(subgraphSpans.filter((s) => s.name.startsWith("POST /graphql")).map((s) => s.spanId));
    const sql = subgraphSpans.filter((s) => /^(SELECT|INSERT|UPDATE|WITH) sqlite$/.test(s.name));
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) expect(requestIds.has(statement.parentSpanId!)).toBe(true);
    // Nothing from other traces leaked in: every span the subgraphs sent for this request is in this trace.
    expect(new Set(subgraphSpans.map((s) => s.traceId))).toEqual(new Set([traceId]));
  });
});
