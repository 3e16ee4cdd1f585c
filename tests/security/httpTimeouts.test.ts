import net from "node:net";
import type { Subgraphs } from "../gateway/helpers/gatewayHarness";
import { startTestSubgraph, type TestSubgraph } from "../helpers/subgraphHarness";
import { auditSubgraph } from "../../subgraphs/audit/subgraph";
import { deadSubgraphs, startProductionGateway, type ProductionGateway } from "./productionGateway";

const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2000;

/**
 * Opens a raw connection, sends `start` and then nothing more; resolves with how long the
 * server kept it open and what it answered (Node answers 408 when a deadline passes).
 */
function holdOpen(url: string, start: string, giveUpMs: number): Promise<{ closedAfterMs: number | null; answer: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    let answer = "";
    const socket = net.connect(Number(port), hostname, () => socket.write(start));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closedAfterMs: null, answer });
    }, giveUpMs);
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ closedAfterMs: Date.now() - started, answer });
    });
  });
}

const slowBody = (host: string) => `POST /graphql HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"query":`;
const slowHeaders = (host: string) => `POST /graphql HTTP/1.1\r\nhost: ${host}\r\ncontent-type: applic`;

describe("slow clients are cut off at the configured deadlines, not after Node's 300 s", () => {
  let subgraphs: Subgraphs;
  let gateway: ProductionGateway;
  let audit: TestSubgraph<unknown>;
  const saved = { ...process.env };
  beforeAll(async () => {
    subgraphs = await deadSubgraphs();
    gateway = await startProductionGateway(subgraphs, { HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS), HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
    // Subgraphs read the same variables from their environment at start.
    process.env.HTTP_HEADERS_TIMEOUT_MS = String(HEADERS_TIMEOUT_MS);
    process.env.HTTP_REQUEST_TIMEOUT_MS = String(REQUEST_TIMEOUT_MS);
    audit = (await startTestSubgraph(auditSubgraph)) as TestSubgraph<unknown>;
  });
  afterAll(async () => {
    process.env = saved;
    await audit?.stop();
    await gateway?.stop();
    await subgraphs?.stop();
  });

  // Node checks deadlines about once a second (createTimedHttpServer), so allow that much past them.
  it.each([
    ["the gateway", "a body that never completes", () => gateway.url, slowBody, REQUEST_TIMEOUT_MS],
    ["the gateway", "headers that never complete", () => gateway.url, slowHeaders, HEADERS_TIMEOUT_MS],
    ["a subgraph", "a body that never completes", () => audit.running.url, slowBody, REQUEST_TIMEOUT_MS],
    ["a subgraph", "headers that never complete", () => audit.running.url, slowHeaders, HEADERS_TIMEOUT_MS],
  ])("%s closes a connection with %s", async (_who, _what, url, request, deadline) => {
    const host = new URL(url()).host;
    const { closedAfterMs, answer } = await holdOpen(url(), request(host), deadline + 8000);
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs!).toBeGreaterThanOrEqual(deadline - 100);
    expect(closedAfterMs!).toBeLessThan(deadline + 2500);
    if (answer) expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});
