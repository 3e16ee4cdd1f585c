import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportSPKI, SignJWT, type KeyLike } from "jose";
import { loadOrCreateDevKeys } from "../../gateway/auth/devKeys";
import { readGatewayConfig } from "../../gateway/config";
import { startGateway } from "../../gateway/startGateway";
import { expectCodedErrors, startSubgraphs, startTestGateway, type Subgraphs, type TestGateway } from "./helpers/gatewayHarness";
import { devToken, generateTestKey, signToken, unsignedToken, type TestKey } from "./helpers/tokens";

/** A normal query that needs a verified caller and a subgraph round trip. */
const CUSTOMER = `{ customer(id: "C-S1") { id name } }`;
const IDP_ISSUER = "https://idp.example.cn/";

/** A tiny identity provider: serves a JWKS and counts how often the gateway fetches it. */
function startJwksServer(keys: TestKey[]): Promise<{ url: string; fetches: () => number; close(): Promise<void> }> {
  let fetches = 0;
  const server = http.createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
        fetches: () => fetches,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

let subgraphs: Subgraphs;
let dev: TestGateway;
let jwksGateway: TestGateway;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
let idpKey: TestKey;
let rotatedKey: TestKey;
let strangerKey: TestKey;

beforeAll(async () => {
  [idpKey, rotatedKey, strangerKey] = await Promise.all([generateTestKey("idp-2026-01"), generateTestKey("idp-2026-02", "RS256"), generateTestKey("idp-2026-01")]);
  subgraphs = await startSubgraphs();
  jwks = await startJwksServer([idpKey, rotatedKey]);
  dev = await startTestGateway(subgraphs);
  jwksGateway = await startTestGateway(subgraphs, { NODE_ENV: "production", JWT_JWKS_URL: jwks.url, JWT_ISSUER: IDP_ISSUER, JWT_AUDIENCE: "customer-360" });
});

afterAll(async () => {
  await dev?.stop();
  await jwksGateway?.stop();
  await jwks?.close();
  await subgraphs?.stop();
});

describe("bearer JWT on the development gateway", () => {
  const refused: Array<[string, () => Promise<Record<string, string>>]> = [
    ["missing", async () => ({})],
    ["malformed (not a JWT)", async () => ({ authorization: "Bearer not-a-jwt" })],
    ["malformed (Basic scheme)", async () => ({ authorization: "Basic cmVwOnNlY3JldA==" })],
    ["malformed (garbage segments)", async () => ({ authorization: "Bearer e30.e30.e30" })],
    ["alg none", async () => ({ authorization: `Bearer ${unsignedToken({ sub: "rep-x", role: "rep", org: "yougou", iss: "customer-360-dev", aud: "customer-360", exp: Math.floor(Date.now() / 1000) + 600 })}` })],
    ["expired", async () => ({ authorization: `Bearer ${await devToken(subgraphs.dataDir, { expiresAt: Math.floor(Date.now() / 1000) - 60 })}` })],
    ["wrong issuer", async () => ({ authorization: `Bearer ${await devToken(subgraphs.dataDir, { issuer: "someone-else" })}` })],
    ["wrong audience", async () => ({ authorization: `Bearer ${await devToken(subgraphs.dataDir, { audience: "another-api" })}` })],
    ["unknown key id", async () => ({ authorization: `Bearer ${await devToken(subgraphs.dataDir, { kid: "who-knows" })}` })],
    ["signed by another key", async () => ({ authorization: `Bearer ${await signToken({ ...strangerKey, kid: "customer-360-dev-key" })}` })],
    [
      "HS256 signed with a guessable secret (algorithm confusion)",
      async () => ({
        authorization: `Bearer ${await new SignJWT({ role: "rep", org: "yougou" }).setProtectedHeader({ alg: "HS256", kid: "customer-360-dev-key" }).setSubject("rep-x").setIssuer("customer-360-dev").setAudience("customer-360").setExpirationTime("5m").sign(new TextEncoder().encode("secret"))}`,
      }),
    ],
    ["a role the graph does not know", async () => ({ authorization: `Bearer ${await devToken(subgraphs.dataDir, { role: "admin" as never })}` })],
  ];

  it.each(refused)("%s -> 401 UNAUTHENTICATED, no stack, no data", async (_label, headers) => {
    const result = await dev.post({ query: CUSTOMER }, await headers());
    expect(result.status).toBe(401);
    expectCodedErrors(result, "UNAUTHENTICATED");
    expect(result.body.data).toBeUndefined();
  });

  it("stays alive and answers a valid token after all of those", async () => {
    const result = await dev.query(CUSTOMER, await devToken(subgraphs.dataDir));
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ data: { customer: { id: "C-S1", name: "王磊" } } });
  });
});

describe("JWKS (JWT_JWKS_URL) in production mode", () => {
  const idpToken = (key: TestKey, options: Parameters<typeof signToken>[1] = {}) => signToken(key, { issuer: IDP_ISSUER, ...options });

  it("accepts tokens signed by any key in the set (ES256 and RS256), fetching the set once", async () => {
    const before = jwks.fetches();
    for (const key of [idpKey, rotatedKey, idpKey]) {
      const result = await jwksGateway.query(CUSTOMER, await idpToken(key));
      expect(result.body).toEqual({ data: { customer: { id: "C-S1", name: "王磊" } } });
    }
    expect(jwks.fetches() - before).toBe(1);
  });

  it.each([
    ["unknown key id", () => idpToken(idpKey, { kid: "idp-1999" })],
    ["known key id, signed by another key", () => idpToken(strangerKey)],
    ["wrong issuer (the development one)", () => signToken(idpKey)],
    ["expired", () => idpToken(idpKey, { expiresAt: Math.floor(Date.now() / 1000) - 60 })],
    ["a development token", () => devToken(subgraphs.dataDir)],
  ])("refuses %s with 401 UNAUTHENTICATED", async (_label, token) => {
    const result = await jwksGateway.query(CUSTOMER, await token());
    expect(result.status).toBe(401);
    expectCodedErrors(result, "UNAUTHENTICATED");
  });

  it("is still alive afterwards", async () => {
    const result = await jwksGateway.query(CUSTOMER, await idpToken(idpKey));
    expect(result.body.data?.customer?.id).toBe("C-S1");
  });
});

describe("production mode refuses to start with development keys", () => {
  const production = { NODE_ENV: "production", INTERNAL_SIGNING_KEYS_FILE: "/nonexistent/keys.json", PORT: "0" };

  it("without JWT_JWKS_URL or JWT_PUBLIC_KEY", () => {
    expect(() => readGatewayConfig({ ...production, JWT_ISSUER: IDP_ISSUER })).toThrow(/JWT_JWKS_URL or JWT_PUBLIC_KEY: development keys are refused/);
  });

  it("without JWT_ISSUER, or with the development issuer", () => {
    expect(() => readGatewayConfig({ ...production, JWT_PUBLIC_KEY: idpKey.publicPem })).toThrow(/JWT_ISSUER/);
    expect(() => readGatewayConfig({ ...production, JWT_PUBLIC_KEY: idpKey.publicPem, JWT_ISSUER: "customer-360-dev" })).toThrow(/JWT_ISSUER/);
  });

  it("with the development public key pasted into JWT_PUBLIC_KEY", async () => {
    const devPem = await exportSPKI((await loadOrCreateDevKeys(subgraphs.dataDir)).publicKey as KeyLike);
    const config = readGatewayConfig({ ...production, ...subgraphs.urlEnv, DATA_DIR: subgraphs.dataDir, SUPERGRAPH_PATH: subgraphs.supergraphPath, JWT_ISSUER: IDP_ISSUER, JWT_PUBLIC_KEY: devPem });
    await expect(startGateway(config)).rejects.toThrow(/development key/);
  });

  it("with a JWKS over plain http to another host", () => {
    expect(() => readGatewayConfig({ ...production, JWT_ISSUER: IDP_ISSUER, JWT_JWKS_URL: "http://idp.example.cn/jwks.json" })).toThrow(/https/);
  });

  it("but starts with a real public key, and then refuses development tokens", async () => {
    const gateway = await startTestGateway(subgraphs, { NODE_ENV: "production", JWT_ISSUER: IDP_ISSUER, JWT_PUBLIC_KEY: idpKey.publicPem });
    try {
      const refused = await gateway.query(CUSTOMER, await devToken(subgraphs.dataDir));
      expect(refused.status).toBe(401);
      expectCodedErrors(refused, "UNAUTHENTICATED");
      const accepted = await gateway.query(CUSTOMER, await signToken(idpKey, { issuer: IDP_ISSUER, kid: null }));
      expect(accepted.body.data?.customer?.name).toBe("王磊");
    } finally {
      await gateway.stop();
    }
  });
});
