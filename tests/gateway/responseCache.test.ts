import { randomBytes } from "node:crypto";
import { startSubgraphs, startTestGateway, type HttpResult, type Subgraphs, type TestGateway } from "./helpers/gatewayHarness";
import { devToken } from "./helpers/tokens";

/**
 * RESPONSE_CACHE_TTL_SECONDS: complete query answers kept per caller, retired by any mutation,
 * in memory or shared in Redis. `x-cache: hit | miss` says which.
 */
const CUSTOMER = `query C { customer(id: "C-S1") { id name city } }`;
/** A mutation that runs (and fails: no such visit); any mutation retires cached answers. */
const MUTATION = `mutation M($key: String!) { cancelVisit(visitId: "V-NOT-THERE", reason: "test", idempotencyKey: $key) { id } }`;
const REDIS_URL = process.env.REDIS_URL;

let subgraphs: Subgraphs;

beforeAll(async () => {
  subgraphs = await startSubgraphs();
}, 120_000);

afterAll(async () => {
  await subgraphs?.stop();
});

const freshRep = () => devToken(subgraphs.dataDir, { sub: `rep-${randomBytes(6).toString("hex")}` });
const cacheStatus = (result: HttpResult) => result.headers.get("x-cache");
const mutate = (gateway: TestGateway, token: string) => gateway.query(MUTATION, token, { key: `k-${randomBytes(6).toString("hex")}` });

describe("in memory", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(subgraphs, { RESPONSE_CACHE_TTL_SECONDS: "2", REDIS_URL: "" });
  }, 60_000);
  afterAll(() => gateway?.stop());

  it("answers a caller's repeated query from the cache, with the same answer", async () => {
    const token = await freshRep();
    const first = await gateway.query(CUSTOMER, token);
    expect(first.body).toEqual({ data: { customer: { id: "C-S1", name: "王磊", city: expect.any(String) } } });
    expect(cacheStatus(first)).toBe("miss");
    const second = await gateway.query(CUSTOMER, token);
    expect(cacheStatus(second)).toBe("hit");
    expect(second.body).toEqual(first.body);
  });

  it("never serves one caller's answer to another", async () => {
    const token = await freshRep();
    expect(cacheStatus(await gateway.query(CUSTOMER, token))).toBe("miss");
    expect(cacheStatus(await gateway.query(CUSTOMER, await freshRep()))).toBe("miss");
  });

  it("a mutation retires every cached answer", async () => {
    const token = await freshRep();
    await gateway.query(CUSTOMER, token);
    expect(cacheStatus(await gateway.query(CUSTOMER, token))).toBe("hit");
    const mutation = await mutate(gateway, await freshRep());
    expect(mutation.body.errors?.length).toBeGreaterThan(0);
    expect(cacheStatus(await gateway.query(CUSTOMER, token))).toBe("miss");
  });

  it("an answer expires after the TTL", async () => {
    const token = await freshRep();
    await gateway.query(CUSTOMER, token);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(cacheStatus(await gateway.query(CUSTOMER, token))).toBe("miss");
  });

  it("answers with errors are not kept", async () => {
    const token = await freshRep();
    const bad = `query B { customer(id: "C-S1") { id } order(number: "NOT-AN-ORDER") { number } }`;
    const first = await gateway.query(bad, token);
    expect(first.body.errors?.length ?? 0).toBeGreaterThan(0);
    expect(cacheStatus(await gateway.query(bad, token))).toBe("miss");
  });

  it("the cost report always measures a real answer", async () => {
    const token = await freshRep();
    await gateway.query(CUSTOMER, token);
    const costed = await gateway.query(CUSTOMER, token, {}, { headers: { "x-cost-report": "1" } });
    expect(cacheStatus(costed)).toBeNull();
    expect(costed.body.extensions.cost.subgraphFetches).toBeGreaterThan(0);
  });
});

describe("off by default", () => {
  it("sends no x-cache header and keeps nothing", async () => {
    const gateway = await startTestGateway(subgraphs, { REDIS_URL: "" });
    try {
      const token = await freshRep();
      await gateway.query(CUSTOMER, token);
      expect(cacheStatus(await gateway.query(CUSTOMER, token))).toBeNull();
    } finally {
      await gateway.stop();
    }
  });
});

describe("Redis unreachable", () => {
  it("answers uncached instead of failing", async () => {
    const gateway = await startTestGateway(subgraphs, { RESPONSE_CACHE_TTL_SECONDS: "30", REDIS_URL: "redis://127.0.0.1:1" });
    try {
      const token = await freshRep();
      for (let i = 0; i < 2; i++) {
        const result = await gateway.query(CUSTOMER, token);
        expect(result.body.data.customer.id).toBe("C-S1");
        expect(cacheStatus(result)).toBe("miss");
      }
    } finally {
      await gateway.stop();
    }
  }, 30_000);
});

const describeRedis = REDIS_URL ? describe : describe.skip;
describeRedis(`shared in Redis by two replicas${REDIS_URL ? "" : " (skipped: REDIS_URL not set)"}`, () => {
  let a: TestGateway;
  let b: TestGateway;
  beforeAll(async () => {
    a = await startTestGateway(subgraphs, { RESPONSE_CACHE_TTL_SECONDS: "30", REDIS_URL: REDIS_URL! });
    b = await startTestGateway(subgraphs, { RESPONSE_CACHE_TTL_SECONDS: "30", REDIS_URL: REDIS_URL! });
  }, 60_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it("an answer cached by one replica is served by the other, and a mutation on either retires it", async () => {
    const token = await freshRep();
    const first = await a.query(CUSTOMER, token);
    expect(cacheStatus(first)).toBe("miss");
    const fromB = await b.query(CUSTOMER, token);
    expect(cacheStatus(fromB)).toBe("hit");
    expect(fromB.body).toEqual(first.body);
    await mutate(a, await freshRep());
    expect(cacheStatus(await b.query(CUSTOMER, token))).toBe("miss");
  });
});
