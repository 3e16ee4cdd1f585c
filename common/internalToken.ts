import fs from "node:fs";
import { createLocalJWKSet, createRemoteJWKSet, importJWK, jwtVerify, SignJWT, type JSONWebKeySet, type JWK, type JWTVerifyGetKey, type KeyLike } from "jose";
import { BoundedCache } from "./boundedCache";
import { isRole, type Caller } from "./caller";

/**
 * The short-lived token the gateway signs for each subgraph request, carrying the verified
 * caller. Subgraphs refuse requests without a valid one, so reaching a subgraph directly
 * is no back door (ARCHITECTURE: trust between gateway and subgraphs).
 *
 * Asymmetric (EdDSA, Ed25519): only the gateway holds the private key; every subgraph, a
 * partner's included, holds public keys only, so no subgraph can mint a token another
 * subgraph accepts. The audience is the subgraph's name in the supergraph, so a token the
 * gateway signed for one subgraph (a partner's, say) is refused by every other one.
 * Keys are picked by `kid`: several public keys may be accepted at once (rotation).
 */
export const INTERNAL_TOKEN_HEADER = "x-gateway-token";
export const INTERNAL_TOKEN_ALGORITHM = "EdDSA";
export const INTERNAL_TOKEN_ISSUER = "customer-360-gateway";
const LIFETIME_SECONDS = 60;
/** Key ids the development setup writes (scripts/lib/internalKeys.ts); production refuses them. */
export const DEV_INTERNAL_KID_PREFIX = "dev-internal-";

/** The gateway's current signing key. */
export interface InternalSigner {
  kid: string;
  privateKey: KeyLike | Uint8Array;
}

/**
 * `audience` is the subgraph's name. A list of names and `lifetimeSeconds` are for tools only
 * (the benchmark hands peer gateways one static token for every subgraph); the gateway signs
 * one audience per token with the default lifetime.
 */
export async function signInternalToken(caller: Caller, signer: InternalSigner, audience: string | string[], lifetimeSeconds = LIFETIME_SECONDS): Promise<string> {
  return new SignJWT({ name: caller.name, role: caller.role, org: caller.organization })
    .setProtectedHeader({ alg: INTERNAL_TOKEN_ALGORITHM, kid: signer.kid })
    .setSubject(caller.subject)
    .setIssuer(INTERNAL_TOKEN_ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(signer.privateKey);
}

/** Where a subgraph finds the gateway's public keys: a JWK Set (inline or a file), or a JWKS URL. */
export type InternalKeySource = { jwks: JSONWebKeySet } | { jwksFile: string } | { jwksUrl: string };

export type InternalTokenVerifier = (token: string) => Promise<Caller>;

/** A JWK with its private members removed: what may leave the gateway. */
export function publicJwk(jwk: JWK): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, k: _k, ...rest } = jwk as JWK & { oth?: unknown };
  delete (rest as { oth?: unknown }).oth;
  return rest;
}

/** Reads and checks a JWK Set file; the message names the file and what is wrong. */
export function readJwksFile(file: string): JSONWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`internal token keys: cannot read ${file}: ${(error as Error).message}`);
  }
  const keys = (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.some((k) => typeof k !== "object" || !k || typeof (k as JWK).kid !== "string")) {
    throw new Error(`internal token keys: ${file} must be a JWK Set ({"keys": [...]}) whose every key has a kid`);
  }
  return { keys: keys as JWK[] };
}

/** The public key set only: a set holding a private or symmetric key is a leak waiting to happen, and is refused. */
function checkedPublicSet(jwks: JSONWebKeySet, where: string, production: boolean): JSONWebKeySet {
  for (const key of jwks.keys) {
    if (key.d !== undefined || key.k !== undefined || key.kty === "oct") throw new Error(`internal token keys: ${where} holds a private or symmetric key (kid "${key.kid}"); subgraphs get public keys only`);
    if (production && key.kid?.startsWith(DEV_INTERNAL_KID_PREFIX)) throw new Error(`internal token keys: ${where} holds a development key (kid "${key.kid}"), refused in production`);
  }
  return jwks;
}

/**
 * A subgraph's check of the gateway token: EdDSA only, issuer the gateway, audience this
 * subgraph, not expired, signed by one of the accepted keys (by kid). Throws (jose's errors)
 * otherwise.
 */
export function internalTokenVerifier(audience: string, source: InternalKeySource, production = false): InternalTokenVerifier {
  let keys: JWTVerifyGetKey;
  if ("jwksUrl" in source) {
    // An unknown kid refetches the set (rotation), at most every 30 s.
    keys = createRemoteJWKSet(new URL(source.jwksUrl), { cacheMaxAge: 10 * 60 * 1000, cooldownDuration: 30 * 1000, timeoutDuration: 5000 });
  } else {
    const jwks = "jwks" in source ? source.jwks : readJwksFile(source.jwksFile);
    keys = createLocalJWKSet(checkedPublicSet(jwks, "jwks" in source ? "the key set" : source.jwksFile, production));
  }
  // Verified tokens by their exact text (issue 19): the gateway reuses one token per caller and
  // subgraph for up to 30 s, so a subgraph sees the same string on fetch after fetch, and the
  // Ed25519 verification was ~0.1 ms of every fetch. Everything jwtVerify checks is a function
  // of the string, the keys and the clock; an entry is used only before the token's exp, so
  // the clock check still holds. A key rotated out keeps its already-verified tokens for at
  // most their remaining lifetime (<= 60 s, the gateway's). Bounded: the oldest go first.
  const verified = new BoundedCache<Caller>(VERIFIED_CACHE_ENTRIES);
  return async (token) => {
    const now = Date.now();
    const cached = verified.get(token, now);
    if (cached) return { ...cached };
    const { payload } = await jwtVerify(token, keys, { issuer: INTERNAL_TOKEN_ISSUER, audience, algorithms: [INTERNAL_TOKEN_ALGORITHM], requiredClaims: ["exp", "iat"] });
    if (!payload.sub || !isRole(payload.role) || typeof payload.org !== "string") throw new Error("internal token lacks caller claims");
    const caller: Caller = {
      subject: payload.sub,
      name: typeof payload.name === "string" ? payload.name : payload.sub,
      role: payload.role,
      organization: payload.org,
    };
    // exp is required above; an entry never outlives it.
    verified.set(token, { ...caller }, Math.min((payload.exp as number) * 1000, now + MAX_VERIFIED_REUSE_MS));
    return caller;
  };
}

/** Verified internal tokens a subgraph remembers (per verifier), and for at most how long. */
const VERIFIED_CACHE_ENTRIES = 5000;
const MAX_VERIFIED_REUSE_MS = 60_000;

/** The signing key of a gateway key set: its first key with a private part. */
export async function signerFromJwks(jwks: JSONWebKeySet, where: string): Promise<InternalSigner> {
  const signing = jwks.keys.find((k) => k.d !== undefined);
  if (!signing) throw new Error(`internal token keys: ${where} has no private key to sign with`);
  if (signing.kty !== "OKP" || signing.crv !== "Ed25519") throw new Error(`internal token keys: ${where}: the signing key (kid "${signing.kid}") must be an Ed25519 key (kty OKP, crv Ed25519)`);
  return { kid: signing.kid!, privateKey: await importJWK(signing, INTERNAL_TOKEN_ALGORITHM) };
}
