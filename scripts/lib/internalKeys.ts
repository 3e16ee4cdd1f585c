import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { DEV_INTERNAL_KID_PREFIX, INTERNAL_TOKEN_ALGORITHM, publicJwk } from "../../common/internalToken";

/**
 * Key files for the gateway -> subgraph tokens (common/internalToken.ts):
 * - the gateway's key set (INTERNAL_SIGNING_KEYS_FILE): a JWK Set whose first private key
 *   signs; its public halves are what the gateway publishes at /.well-known/internal-jwks.json;
 * - the subgraphs' key set (INTERNAL_JWKS_FILE): the same keys without their private parts,
 *   which is all a subgraph (or a partner) ever gets.
 */
export interface InternalKeyFiles {
  signingKeysFile: string;
  jwksFile: string;
  kid: string;
}

/** A new Ed25519 signing key as a private JWK with its kid. */
export async function generateInternalKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(INTERNAL_TOKEN_ALGORITHM, { crv: "Ed25519", extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: INTERNAL_TOKEN_ALGORITHM, use: "sig" };
}

/** Writes a fresh key pair into `dir` (private set 0600, public set), e.g. for tests or a first deployment. */
export async function writeInternalKeyFiles(dir: string, kid = `internal-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString("hex")}`): Promise<InternalKeyFiles> {
  const key = await generateInternalKey(kid);
  fs.mkdirSync(dir, { recursive: true });
  const files = { signingKeysFile: path.join(dir, "internal-signing-keys.json"), jwksFile: path.join(dir, "internal-jwks.json"), kid };
  fs.writeFileSync(files.signingKeysFile, JSON.stringify({ keys: [key] }, null, 2), { mode: 0o600 });
  fs.writeFileSync(files.jwksFile, JSON.stringify({ keys: [publicJwk(key)] }, null, 2));
  return files;
}

/**
 * The development key pair under DATA_DIR/keys, generated on first start (like the client
 * token key, gateway/auth/devKeys.ts). Its kid starts with "dev-internal-", which production
 * refuses on both sides.
 */
export async function loadOrCreateDevInternalKeys(dataDir: string): Promise<InternalKeyFiles> {
  const dir = path.join(dataDir, "keys");
  const signingKeysFile = path.join(dir, "internal-signing-keys.json");
  const jwksFile = path.join(dir, "internal-jwks.json");
  if (fs.existsSync(signingKeysFile) && fs.existsSync(jwksFile)) {
    const { keys } = JSON.parse(fs.readFileSync(signingKeysFile, "utf8")) as { keys: JWK[] };
    return { signingKeysFile, jwksFile, kid: keys[0].kid! };
  }
  return writeInternalKeyFiles(dir, `${DEV_INTERNAL_KID_PREFIX}${randomBytes(4).toString("hex")}`);
}

/**
 * The environment `npm start` gives its children: what the operator set (INTERNAL_SIGNING_KEYS_FILE
 * for the gateway; INTERNAL_JWKS_FILE or INTERNAL_JWKS_URL for subgraphs) or else the development keys.
 */
export async function internalKeyEnv(env: NodeJS.ProcessEnv = process.env): Promise<{ gateway: Record<string, string>; subgraphs: Record<string, string> }> {
  const configured = env.INTERNAL_SIGNING_KEYS_FILE && (env.INTERNAL_JWKS_FILE || env.INTERNAL_JWKS_URL);
  if (configured) {
    return {
      gateway: { INTERNAL_SIGNING_KEYS_FILE: env.INTERNAL_SIGNING_KEYS_FILE! },
      subgraphs: env.INTERNAL_JWKS_URL ? { INTERNAL_JWKS_URL: env.INTERNAL_JWKS_URL } : { INTERNAL_JWKS_FILE: env.INTERNAL_JWKS_FILE! },
    };
  }
  const dev = await loadOrCreateDevInternalKeys(path.resolve(env.DATA_DIR ?? "data"));
  return { gateway: { INTERNAL_SIGNING_KEYS_FILE: dev.signingKeysFile }, subgraphs: { INTERNAL_JWKS_FILE: dev.jwksFile } };
}
