import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { importJWK, SignJWT } from "jose";
import type { Caller } from "../../common/caller";
import { INTERNAL_TOKEN_HEADER, INTERNAL_TOKEN_ISSUER, internalTokenVerifier, readJwksFile, signerFromJwks, signInternalToken, type InternalSigner } from "../../common/internalToken";
import { readGatewayConfig } from "../../gateway/config";
import { startGateway } from "../../gateway/startGateway";
import { generateInternalKey, loadOrCreateDevInternalKeys } from "../../scripts/lib/internalKeys";
import { startSubgraphs, type Subgraphs } from "../gateway/helpers/gatewayHarness";
import { IDP_ISSUER, startProductionGateway, type ProductionGateway } from "./productionGateway";

const SUPERVISOR: Caller = { subject: "sup-forged", name: "Forged supervisor", role: "supervisor", organization: "platform" };
const BILLING_QUERY = JSON.stringify({ query: `{ billingAccount(number: "BA-1001") { number balanceYuan } }` });
/** The old shared secret's shape: 32+ characters that every subgraph used to accept. */
const OLD_SECRET = "a".repeat(64);

let subgraphs: Subgraphs;
let gateway: ProductionGateway;
let gatewaySigner: InternalSigner;

beforeAll(async () => {
  subgraphs = await startSubgraphs();
  gateway = await startProductionGateway(subgraphs);
  gatewaySigner = await signerFromJwks(readJwksFile(subgraphs.internalKeys.signingKeysFile), "test");
});
afterAll(async () => {
  await gateway?.stop();
  await subgraphs?.stop();
});

const subgraphUrl = (name: string) => subgraphs.urlEnv[`SUBGRAPH_URL_${name.toUpperCase()}`];

async function direct(name: string, token: string): Promise<{ status: number; body: any }> {
  const response = await fetch(subgraphUrl(name), { method: "POST", headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token }, body: BILLING_QUERY });
  return { status: response.status, body: await response.json() };
}

function expectRefused(result: { status: number; body: any }) {
  expect(result.status).toBe(401);
  expect(result.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  expect(result.body.data).toBeUndefined();
}

describe("gateway -> subgraph trust without a shared secret", () => {
  it("the production gateway's own tokens are accepted by every subgraph it calls (control)", async () => {
    const result = await gateway.query(`{ customer(id: "C-S1") { id name billingAccounts { number } } }`, await gateway.token());
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.customer.billingAccounts.length).toBeGreaterThan(0);
    // ... and a token the gateway's key signs for billing opens billing directly (so the refusals below are about the token).
    expect((await direct("billing", await signInternalToken(SUPERVISOR, gatewaySigner, "billing"))).status).toBe(200);
  });

  it("refuses a token signed with another key, even under the gateway's kid", async () => {
    const stranger: InternalSigner = { kid: gatewaySigner.kid, privateKey: generateKeyPairSync("ed25519").privateKey };
    expectRefused(await direct("billing", await signInternalToken(SUPERVISOR, stranger, "billing")));
  });

  it("refuses a token the gateway signed for another subgraph (audience is the subgraph itself)", async () => {
    const forFieldservice = await signInternalToken(SUPERVISOR, gatewaySigner, "fieldservice");
    expectRefused(await direct("billing", forFieldservice));
    expectRefused(await direct("audit", forFieldservice));
  });

  it("refuses an HS256 token made the old way, with a shared secret", async () => {
    const old = await new SignJWT({ role: "supervisor", org: "platform", name: "x" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("sup-old")
      .setIssuer(INTERNAL_TOKEN_ISSUER)
      .setAudience("customer-360-subgraphs")
      .setIssuedAt()
      .setExpirationTime("60s")
      .sign(new TextEncoder().encode(OLD_SECRET));
    expectRefused(await direct("billing", old));
  });

  it("a partner holding the public key set cannot mint a token a subgraph accepts", async () => {
    const { keys } = readJwksFile(subgraphs.internalKeys.jwksFile);
    expect(keys.every((k) => k.d === undefined)).toBe(true);
    const published = await (await fetch(gateway.url.replace(/\/graphql$/, "/.well-known/internal-jwks.json"))).json();
    expect(published).toEqual({ keys });
    const claims = { role: "supervisor", org: "platform", name: "Partner as supervisor" };
    const base = () => new SignJWT(claims).setSubject("partner-x").setIssuer(INTERNAL_TOKEN_ISSUER).setAudience("billing").setIssuedAt().setExpirationTime("60s");
    const attempts = [
      // Algorithm confusion: the public key's bytes used as an HMAC secret.
      await base().setProtectedHeader({ alg: "HS256", kid: keys[0].kid }).sign(Buffer.from(keys[0].x!, "base64url")),
      await base().setProtectedHeader({ alg: "HS256", kid: keys[0].kid }).sign(new TextEncoder().encode(JSON.stringify(keys[0]))),
      // No signature at all.
      `${Buffer.from(JSON.stringify({ alg: "none", kid: keys[0].kid })).toString("base64url")}.${Buffer.from(JSON.stringify({ ...claims, sub: "partner-x", iss: INTERNAL_TOKEN_ISSUER, aud: "billing", exp: Math.floor(Date.now() / 1000) + 60 })).toString("base64url")}.`,
      // Its own Ed25519 key, the gateway's kid.
      await base().setProtectedHeader({ alg: "EdDSA", kid: keys[0].kid }).sign(generateKeyPairSync("ed25519").privateKey),
    ];
    // The public JWK cannot even be used to sign.
    await expect(base().setProtectedHeader({ alg: "EdDSA", kid: keys[0].kid }).sign((await importJWK(keys[0], "EdDSA")) as never)).rejects.toThrow();
    for (const token of attempts) expectRefused(await direct("billing", token));
  });

  it("a client token is not a gateway token", async () => {
    expectRefused(await direct("billing", await gateway.token({ role: "supervisor", org: "platform" })));
  });
});

describe("rotation by kid, and development keys", () => {
  it("a subgraph accepts every key of its set, so the gateway can switch to the newest", async () => {
    const [older, newer] = await Promise.all([generateInternalKey("internal-2026-01"), generateInternalKey("internal-2026-02")]);
    const publicSet = { keys: [newer, older].map(({ d: _d, ...pub }) => pub) };
    const verify = internalTokenVerifier("billing", { jwks: publicSet }, true);
    for (const key of [older, newer]) {
      const token = await signInternalToken(SUPERVISOR, { kid: key.kid!, privateKey: await importJWK(key, "EdDSA") }, "billing");
      await expect(verify(token)).resolves.toMatchObject({ subject: SUPERVISOR.subject, role: "supervisor" });
    }
    const retired = await generateInternalKey("internal-2025-12");
    await expect(verify(await signInternalToken(SUPERVISOR, { kid: retired.kid!, privateKey: await importJWK(retired, "EdDSA") }, "billing"))).rejects.toThrow();
  });

  it("subgraphs refuse a key set holding a private key", async () => {
    const key = await generateInternalKey("internal-leaky");
    expect(() => internalTokenVerifier("billing", { jwks: { keys: [key] } })).toThrow(/private or symmetric key/);
  });

  it("production refuses the development internal keys, on the gateway and on subgraphs", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-devkeys-"));
    try {
      const dev = await loadOrCreateDevInternalKeys(dataDir);
      const config = readGatewayConfig({
        NODE_ENV: "production",
        PORT: "0",
        DATA_DIR: dataDir,
        JWT_ISSUER: IDP_ISSUER,
        JWT_PUBLIC_KEY: gateway.idpKey.publicPem,
        SUPERGRAPH_PATH: subgraphs.supergraphPath,
        INTERNAL_SIGNING_KEYS_FILE: dev.signingKeysFile,
        ...subgraphs.urlEnv,
      });
      await expect(startGateway(config)).rejects.toThrow(/development internal signing key/);
      expect(() => internalTokenVerifier("billing", { jwksFile: dev.jwksFile }, true)).toThrow(/development key/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("the gateway no longer starts on the old shared secret alone", () => {
    expect(() => readGatewayConfig({ GATEWAY_SUBGRAPH_SECRET: OLD_SECRET, PORT: "0" })).toThrow(/INTERNAL_SIGNING_KEYS_FILE/);
  });
});
