import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, exportSPKI, importSPKI, jwtVerify, type JWTVerifyGetKey, type KeyLike } from "jose";
import { isRole, type Caller } from "../../common/caller";
import { ErrorCode, requestRefused } from "../../common/errorCodes";
import type { GatewayConfig } from "../config";
import { DEV_KEY_ID, devKeyFile, loadOrCreateDevKeys } from "./devKeys";
import { VerifiedTokenCache } from "./verifiedTokenCache";

export type Authenticate = (req: IncomingMessage) => Promise<Caller>;

const unauthenticated = (why: string) => requestRefused(ErrorCode.UNAUTHENTICATED, `authentication failed: ${why}`);
/** `system` is the gateway's own identity (audit writes); a client token claiming it would act as the gateway. */
const systemRefused = () => requestRefused(ErrorCode.FORBIDDEN, "role \"system\" is internal to the gateway; client tokens may not carry it");

/** How long a JWKS answer is trusted before it is fetched again, and how long one fetch may take. */
const JWKS_CACHE_MAX_AGE_MS = 10 * 60 * 1000;
const JWKS_TIMEOUT_MS = 5000;
/** An unknown kid refetches the JWKS (key rotation), but at most this often: bogus kids cannot flood the IdP. */
const JWKS_COOLDOWN_MS = 30 * 1000;

/** Resolves where client tokens are verified: a JWKS, a configured public key, or the dev key. */
async function verificationKey(config: GatewayConfig): Promise<{ key: KeyLike | Uint8Array | JWTVerifyGetKey; kid?: string }> {
  if (config.auth.jwksUrl) {
    return {
      key: createRemoteJWKSet(new URL(config.auth.jwksUrl), {
        cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
        timeoutDuration: JWKS_TIMEOUT_MS,
        cooldownDuration: JWKS_COOLDOWN_MS,
      }),
    };
  }
  if (config.auth.publicKeyPem) {
    const key = await importSPKI(config.auth.publicKeyPem, config.auth.algorithms[0]);
    if (config.production) await refuseDevelopmentKey(config, config.auth.publicKeyPem);
    return { key };
  }
  if (config.production) throw new Error("production mode needs JWT_JWKS_URL or JWT_PUBLIC_KEY: development keys are refused");
  const dev = await loadOrCreateDevKeys(config.dataDir);
  return { key: dev.publicKey, kid: dev.kid };
}

/** Production with the development public key pasted into JWT_PUBLIC_KEY would accept `npm run token` tokens. */
async function refuseDevelopmentKey(config: GatewayConfig, pem: string): Promise<void> {
  if (!fs.existsSync(devKeyFile(config.dataDir))) return;
  const dev = await loadOrCreateDevKeys(config.dataDir);
  const devPem = await exportSPKI(dev.publicKey as KeyLike);
  if (devPem.trim() === pem.trim()) throw new Error("production mode refuses JWT_PUBLIC_KEY: it is the development key under DATA_DIR/keys");
}

/**
 * Client authentication: a bearer JWT, verified (signature, issuer, audience, expiry,
 * algorithm allow-list) before anything else runs. Claims: sub, name, role (never `system`),
 * org, and `exp`, required, at most JWT_MAX_LIFETIME_SECONDS after `iat` (or after now
 * without `iat`); an `iat` ahead of the clock by more than JWT_CLOCK_SKEW_SECONDS is refused
 * (a token minted "in the future" would outlive any lifetime check).
 */
export async function createAuthenticator(config: GatewayConfig): Promise<Authenticate> {
  const { key, kid } = await verificationKey(config);
  // One call shape for jwtVerify's two overloads: a fixed key becomes a key getter.
  const getKey: JWTVerifyGetKey = typeof key === "function" ? key : async () => key;
  const verified = new VerifiedTokenCache();
  return async (req) => {
    const header = req.headers.authorization;
    if (!header) throw unauthenticated("no bearer token (Authorization: Bearer <JWT>; `npm run token` mints one for development)");
    const match = /^Bearer\s+([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*)$/.exec(header.trim());
    if (!match) throw unauthenticated("malformed Authorization header");
    const known = verified.get(match[1]);
    if (known) return known;
    try {
      // With one known key, a foreign kid is refused before any signature work.
      if (kid && decodeProtectedHeader(match[1]).kid !== kid) throw unauthenticated("unknown key id");
      const options = { issuer: config.auth.issuer, audience: config.auth.audience, algorithms: config.auth.algorithms, requiredClaims: ["exp"], clockTolerance: config.auth.clockSkewSeconds };
      const { payload } = await jwtVerify(match[1], getKey, options);
      if (!payload.sub || !isRole(payload.role) || typeof payload.org !== "string") throw unauthenticated("token lacks sub, role or org claims");
      if (payload.role === "system") throw systemRefused();
      refuseBadTimes(payload.exp!, payload.iat, config.auth.maxLifetimeSeconds, config.auth.clockSkewSeconds);
      const caller: Caller = {
        subject: payload.sub,
        name: typeof payload.name === "string" ? payload.name : payload.sub,
        role: payload.role,
        organization: payload.org,
      };
      verified.set(match[1], caller, payload.exp);
      return caller;
    } catch (error) {
      if ((error as { extensions?: unknown }).extensions) throw error;
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated("token expired");
      if (error instanceof joseErrors.JWTClaimValidationFailed) throw unauthenticated(error.reason === "missing" ? `claim "${error.claim}" is required` : `claim "${error.claim}" is invalid`);
      if (error instanceof joseErrors.JOSEAlgNotAllowed) throw unauthenticated("signing algorithm not allowed");
      if (error instanceof joseErrors.JWKSNoMatchingKey) throw unauthenticated("unknown key id");
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) throw unauthenticated("bad signature");
      // The IdP's key set could not be fetched: the token may be fine, but it cannot be checked.
      if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) throw unauthenticated("signing keys unavailable, try again");
      throw unauthenticated("invalid token");
    }
  };
}

/** Lifetime and issue-time checks jose does not make (it checks exp and nbf against the clock only). */
function refuseBadTimes(exp: number, iat: number | undefined, maxLifetimeSeconds: number, skewSeconds: number): void {
  const now = Math.floor(Date.now() / 1000);
  if (iat !== undefined && iat > now + skewSeconds) throw unauthenticated(`claim "iat" is in the future (more than ${skewSeconds} s ahead of the gateway's clock)`);
  const lifetime = exp - (iat ?? now);
  if (lifetime > maxLifetimeSeconds) throw unauthenticated(`token lifetime of ${lifetime} s exceeds the maximum of ${maxLifetimeSeconds} s (JWT_MAX_LIFETIME_SECONDS)`);
}

export { DEV_KEY_ID };
