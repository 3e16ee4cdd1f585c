import { expectCodedErrors, type Subgraphs } from "../gateway/helpers/gatewayHarness";
import { generateTestKey, signToken } from "../gateway/helpers/tokens";
import { deadSubgraphs, IDP_ISSUER, startProductionGateway, type ProductionGateway } from "./productionGateway";

const PER_IP = 5;
const TYPENAME = "{ __typename }";
const REDIS_URL = process.env.REDIS_URL;

async function expectRateLimited(gateway: ProductionGateway, token: string | null) {
  const result = await gateway.query(TYPENAME, token);
  expect(result.status).toBe(429);
  expectCodedErrors(result, "RATE_LIMITED");
  const retryAfter = Number(result.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(result.body.errors![0].extensions.retryAfterSeconds).toBe(retryAfter);
}

describe("per-IP rate limit in front of JWT verification (in memory)", () => {
  let subgraphs: Subgraphs;
  let gateway: ProductionGateway;
  beforeAll(async () => {
    subgraphs = await deadSubgraphs();
    gateway = await startProductionGateway(subgraphs, { RATE_LIMIT_PER_IP_PER_MINUTE: String(PER_IP), REDIS_URL: "" });
  });
  afterAll(async () => {
    await gateway?.stop();
    await subgraphs?.stop();
  });

  it("counts unauthenticated and bad-signature requests, then answers 429 RATE_LIMITED with Retry-After", async () => {
    const stranger = await generateTestKey(gateway.idpKey.kid);
    const forged = await signToken(stranger, { issuer: IDP_ISSUER });
    for (let i = 0; i < PER_IP; i++) {
      const result = await gateway.query(TYPENAME, i % 2 === 0 ? null : forged);
      expect(result.status).toBe(401);
    }
    await expectRateLimited(gateway, null);
    await expectRateLimited(gateway, forged);
    // The address is spent for everyone behind it, valid tokens included, until the window passes.
    await expectRateLimited(gateway, await gateway.token());
  });
});

(REDIS_URL ? describe : describe.skip)(`per-IP rate limit shared through Redis${REDIS_URL ? "" : " (skipped: REDIS_URL not set)"}`, () => {
  let subgraphs: Subgraphs;
  const gateways: ProductionGateway[] = [];
  beforeAll(async () => {
    subgraphs = await deadSubgraphs();
    const env = { RATE_LIMIT_PER_IP_PER_MINUTE: String(PER_IP), REDIS_URL: REDIS_URL! };
    gateways.push(await startProductionGateway(subgraphs, env), await startProductionGateway(subgraphs, env));
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await subgraphs?.stop();
  });

  it("two replicas spend one budget per IP", async () => {
    let refusedAt = -1;
    for (let i = 0; i <= 2 * PER_IP && refusedAt < 0; i++) {
      const result = await gateways[i % 2].query(TYPENAME, null);
      if (result.status === 429) refusedAt = i;
      else expect(result.status).toBe(401);
    }
    // Alternating between two replicas, the budget runs out after PER_IP requests in all (per-replica
    // budgets would allow 2 x PER_IP); earlier requests from this address in the same minute only bring it sooner.
    expect(refusedAt).toBeGreaterThanOrEqual(0);
    expect(refusedAt).toBeLessThanOrEqual(PER_IP);
    await expectRateLimited(gateways[0], null);
    await expectRateLimited(gateways[1], null);
  });
});
