import fs from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from "jose";

/**
 * Development signing keys, generated on first start under DATA_DIR/keys (never committed).
 * `npm run token` signs with the private half; the gateway verifies with the public half.
 * Production refuses them (gateway/auth/verificationKey.ts).
 */
export const DEV_KEY_ID = "customer-360-dev-key";
export const DEV_ALGORITHM = "ES256";

export interface DevKeys {
  privateKey: KeyLike | Uint8Array;
  publicKey: KeyLike | Uint8Array;
  kid: string;
}

export function devKeyFile(dataDir: string): string {
  return path.join(dataDir, "keys", "dev-signing-key.jwk.json");
}

export async function loadOrCreateDevKeys(dataDir: string): Promise<DevKeys> {
  const file = devKeyFile(dataDir);
  if (!fs.existsSync(file)) {
    const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: DEV_KEY_ID, alg: DEV_ALGORITHM };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // wx: two processes starting at once must not overwrite each other's key.
    try {
      fs.writeFileSync(file, JSON.stringify(jwk), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const jwk = JSON.parse(fs.readFileSync(file, "utf8")) as JWK;
  const { d: _private, ...publicJwk } = jwk;
  return {
    privateKey: await importJWK(jwk, DEV_ALGORITHM),
    publicKey: await importJWK(publicJwk, DEV_ALGORITHM),
    kid: jwk.kid ?? DEV_KEY_ID,
  };
}
