/**
 * Issue 17: /metrics is open in development, closed on the public listener in production
 * unless METRICS_TOKEN is set (then the bearer token is required), and METRICS_PORT moves
 * it to a listener of its own that serves nothing else.
 */
import pino from "pino";
import { Counter, Registry } from "prom-client";
import { readMetricsAccess, startMetricsListener, type MetricsListener } from "../../common/observability/metricsEndpoint";

const TOKEN = "a-metrics-token-of-some-length";

describe("who may read /metrics", () => {
  it("is on the public listener in development, off it in production unless a token is set", () => {
    expect(readMetricsAccess({}).onPublicListener).toBe(true);
    expect(readMetricsAccess({ NODE_ENV: "production" }).onPublicListener).toBe(false);
    expect(readMetricsAccess({ NODE_ENV: "production", METRICS_TOKEN: TOKEN })).toMatchObject({ onPublicListener: true, token: TOKEN });
    expect(readMetricsAccess({ NODE_ENV: "production", METRICS_PORT: "9464" })).toMatchObject({ onPublicListener: false, port: 9464, host: "127.0.0.1" });
    expect(readMetricsAccess({ METRICS_PORT: "0" })).toMatchObject({ onPublicListener: false, port: 0 });
  });

  it("refuses bad settings with the name and the value", () => {
    expect(() => readMetricsAccess({ METRICS_PORT: "lots" })).toThrow(/METRICS_PORT.*"lots"/);
    expect(() => readMetricsAccess({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
  });

  describe("the separate listener with a token", () => {
    let listener: MetricsListener;
    const registry = new Registry();
    new Counter({ name: "c360_test_things_total", help: "things", registers: [registry] }).inc(3);
    beforeAll(async () => {
      listener = await startMetricsListener(registry, { ...readMetricsAccess({ METRICS_PORT: "0", METRICS_TOKEN: TOKEN }), port: 0 }, pino({ level: "silent" }));
    });
    afterAll(() => listener?.close());

    it("serves the registry only with the bearer token, and nothing but /metrics", async () => {
      const url = `http://127.0.0.1:${listener.port}`;
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      expect((await fetch(`${url}/metrics`, { headers: { authorization: "Bearer wrong-token-of-same-len" } })).status).toBe(401);
      const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^c360_test_things_total 3$/m);
      expect((await fetch(`${url}/graphql`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    });
  });
});
