import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type KeyLike } from "jose";
import type { Role } from "../../../common/caller";
import { DEV_ALGORITHM, loadOrCreateDevKeys } from "../../../gateway/auth/devKeys";

/** A signing key a test owns (an identity provider stand-in). */
export interface TestKey {
  kid: string;
  alg: string;
  privateKey: KeyLike;
  publicPem: string;
  publicJwk: JWK;
}

export async function generateTestKey(kid: string, alg = "ES256"): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicPem: await exportSPKI(publicKey), publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
}

export interface TokenOptions {
  role?: Role;
  org?: string;
  sub?: string;
  issuer?: string;
  audience?: string;
  /** jose time span ("10m") or seconds since epoch; default 10 minutes from now. */
  expiresAt?: string | number;
  /** Header kid; default the key's. null: no kid. */
  kid?: string | null;
}

export async function signToken(key: { privateKey: KeyLike | Uint8Array; kid: string; alg: string }, options: TokenOptions = {}): Promise<string> {
  const kid = options.kid === undefined ? key.kid : options.kid;
  return new SignJWT({ role: options.role ?? "rep", org: options.org ?? "yougou", name: "Test caller" })
    .setProtectedHeader(kid === null ? { alg: key.alg } : { alg: key.alg, kid })
    .setSubject(options.sub ?? "rep-test")
    .setIssuer(options.issuer ?? "customer-360-dev")
    .setAudience(options.audience ?? "customer-360")
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? "10m")
    .sign(key.privateKey);
}

/** Signs with the development key the gateway generates under DATA_DIR/keys. */
export async function devToken(dataDir: string, options: TokenOptions = {}): Promise<string> {
  const keys = await loadOrCreateDevKeys(dataDir);
  return signToken({ privateKey: keys.privateKey, kid: keys.kid, alg: DEV_ALGORITHM }, options);
}

/** An unsigned token (alg "none"), which must never be accepted. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
}
