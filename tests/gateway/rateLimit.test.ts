import { randomBytes } from "node:crypto";
import { readGatewayConfig } from "../../gateway/config";
import { deadSubgraphs, expectCodedErrors, startTestGateway, type HttpResult, type Subgraphs, type TestGateway } from "./helpers/gatewayHarness";
import { devToken } from "./helpers/tokens";

/**
 * Requests per caller (JWT sub) per minute. `{ __typename }` is answered by the gateway itself,
 * so no subgraph is needed: what is tested is who gets through the gate.
 */
const PING = "{ __typename }";
const LIMIT = 4;
const REDIS_URL = process.env.REDIS_URL;

let subgraphs: Subgraphs;

beforeAll(async () => {
  subgraphs = await deadSubgraphs();
});

afterAll(async () => {
  await subgraphs?.stop();
});

/** A caller nobody else uses, so runs (and replicas sharing a Redis) never share a budget by accident. */
const freshCaller = () => devToken(subgraphs.dataDir, { sub: `rep-${randomBytes(6).toString("hex")}` });

function expectRateLimited(result: HttpResult): void {
  expect(result.status).toBe(429);
  expectCodedErrors(result, "RATE_LIMITED");
  const retryAfter = Number(result.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(result.body.data).toBeUndefined();
}

describe("in memory (no REDIS_URL)", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(subgraphs, { RATE_LIMIT_PER_MINUTE: String(LIMIT), REDIS_URL: "" });
  });
  afterAll(() => gateway?.stop());

  it(`lets a caller make ${LIMIT} requests a minute, then answers 429 RATE_LIMITED with Retry-After`, async () => {
    const token = await freshCaller();
    for (let i = 0; i < LIMIT; i++) expect((await gateway.query(PING, token)).body).toEqual({ data: { __typename: "Query" } });
    expectRateLimited(await gateway.query(PING, token));
    // Refused and invalid operations spend budget too: still limited.
    expectRateLimited(await gateway.query("{ nope }", token));
  });

  it("keeps one caller's budget apart from another's", async () => {
    const greedy = await freshCaller();
    for (let i = 0; i < LIMIT; i++) await gateway.query(PING, greedy);
    expectRateLimited(await gateway.query(PING, greedy));
    expect((await gateway.query(PING, await freshCaller())).body).toEqual({ data: { __typename: "Query" } });
  });

  it("defaults to 600 a minute and refuses a limit that is not a positive integer", () => {
    const base = { INTERNAL_SIGNING_KEYS_FILE: "/nonexistent/keys.json" };
    expect(readGatewayConfig(base).rateLimit).toEqual({ perMinute: 600, redisUrl: undefined });
    expect(() => readGatewayConfig({ ...base, RATE_LIMIT_PER_MINUTE: "0" })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => readGatewayConfig({ ...base, RATE_LIMIT_PER_MINUTE: "lots" })).toThrow(/RATE_LIMIT_PER_MINUTE/);
  });
});

describe("with REDIS_URL pointing at nothing", () => {
  it("falls back to a per-replica budget in memory instead of failing or letting everyone through", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const gateway = await startTestGateway(subgraphs, { RATE_LIMIT_PER_MINUTE: String(LIMIT), REDIS_URL: "redis://127.0.0.1:9/0" });
    try {
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/Redis for rate limiting unavailable/));
      const token = await freshCaller();
      for (let i = 0; i < LIMIT; i++) expect((await gateway.query(PING, token)).body).toEqual({ data: { __typename: "Query" } });
      expectRateLimited(await gateway.query(PING, token));
    } finally {
      await gateway.stop();
      errors.mockRestore();
    }
  });
});

const describeRedis = REDIS_URL ? describe : describe.skip;
describeRedis(`shared in Redis by two replicas${REDIS_URL ? "" : " (skipped: REDIS_URL not set)"}`, () => {
  let replicaA: TestGateway;
  let replicaB: TestGateway;
  beforeAll(async () => {
    const env = { RATE_LIMIT_PER_MINUTE: String(LIMIT), REDIS_URL: REDIS_URL! };
    [replicaA, replicaB] = await Promise.all([startTestGateway(subgraphs, env), startTestGateway(subgraphs, env)]);
  });
  afterAll(async () => {
    await replicaA?.stop();
    await replicaB?.stop();
  });

  it("spends one budget whichever replica answers", async () => {
    const token = await freshCaller();
    for (let i = 0; i < LIMIT; i++) {
      const replica = i % 2 === 0 ? replicaA : replicaB;
      expect((await replica.query(PING, token)).body).toEqual({ data: { __typename: "Query" } });
    }
    expectRateLimited(await replicaA.query(PING, token));
    expectRateLimited(await replicaB.query(PING, token));
    expect((await replicaB.query(PING, await freshCaller())).status).toBe(200);
  });
});
