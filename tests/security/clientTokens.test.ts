import { SignJWT } from "jose";
import { expectCodedErrors, type Subgraphs } from "../gateway/helpers/gatewayHarness";
import { deadSubgraphs, IDP_ISSUER, startProductionGateway, type ProductionGateway } from "./productionGateway";

/** Answered by the gateway itself: no subgraph, no customer data, so only authentication decides. */
const TYPENAME = "{ __typename }";
const MAX_LIFETIME = 3600;
const now = () => Math.floor(Date.now() / 1000);

let subgraphs: Subgraphs;
let gateway: ProductionGateway;

beforeAll(async () => {
  subgraphs = await deadSubgraphs();
  gateway = await startProductionGateway(subgraphs, { JWT_MAX_LIFETIME_SECONDS: String(MAX_LIFETIME), JWT_CLOCK_SKEW_SECONDS: "60" });
});
afterAll(async () => {
  await gateway?.stop();
  await subgraphs?.stop();
});

/** A token from the test IdP with exactly the time claims given (none unless set). */
function timedToken(claims: { iat?: number; exp?: number }): Promise<string> {
  const jwt = new SignJWT({ role: "rep", org: "yougou", name: "Test caller", ...claims }).setProtectedHeader({ alg: "ES256", kid: gateway.idpKey.kid }).setSubject("rep-times").setIssuer(IDP_ISSUER).setAudience("customer-360");
  return jwt.sign(gateway.idpKey.privateKey);
}

describe("client tokens on the production gateway", () => {
  it("accepts a normal token (control)", async () => {
    const result = await gateway.query(TYPENAME, await gateway.token());
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ __typename: "Query" });
  });

  it("refuses a client token carrying role system with 403 FORBIDDEN and says why", async () => {
    const result = await gateway.query(TYPENAME, await gateway.token({ role: "system", org: "platform", sub: "gateway" }));
    expect(result.status).toBe(403);
    expectCodedErrors(result, "FORBIDDEN");
    expect(result.body.errors![0].message).toMatch(/role "system" is internal/);
    expect(result.body.data).toBeUndefined();
  });

  it.each([
    ["without exp", () => timedToken({ iat: now() }), /claim "exp" is required/],
    ["without exp or iat", () => timedToken({}), /claim "exp" is required/],
    ["whose exp - iat exceeds the maximum lifetime", () => timedToken({ iat: now(), exp: now() + MAX_LIFETIME + 600 }), /lifetime of \d+ s exceeds the maximum of 3600 s/],
    ["without iat, expiring beyond the maximum lifetime from now", () => timedToken({ exp: now() + MAX_LIFETIME + 600 }), /exceeds the maximum/],
    ["issued in the future (beyond the clock skew)", () => timedToken({ iat: now() + 3600, exp: now() + 3900 }), /"iat" is in the future/],
  ])("refuses a token %s with 401 UNAUTHENTICATED", async (_label, token, message) => {
    const result = await gateway.query(TYPENAME, await token());
    expect(result.status).toBe(401);
    expectCodedErrors(result, "UNAUTHENTICATED");
    expect(result.body.errors![0].message).toMatch(message);
  });

  it("accepts the edges: lifetime exactly the maximum, iat within the clock skew", async () => {
    expect((await gateway.query(TYPENAME, await timedToken({ iat: now(), exp: now() + MAX_LIFETIME }))).status).toBe(200);
    expect((await gateway.query(TYPENAME, await timedToken({ iat: now() + 30, exp: now() + 600 }))).status).toBe(200);
  });
});
