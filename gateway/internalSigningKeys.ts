import type { JSONWebKeySet } from "jose";
import { DEV_INTERNAL_KID_PREFIX, publicJwk, readJwksFile, signerFromJwks, type InternalSigner } from "../common/internalToken";

export interface InternalSigningKeys {
  /** Signs every caller token (the set's first private key). */
  signer: InternalSigner;
  /** Every key of the set without its private part: served at /.well-known/internal-jwks.json for subgraphs. */
  publicJwks: JSONWebKeySet;
}

/**
 * The gateway's INTERNAL_SIGNING_KEYS_FILE. Rotation: put the new private key first (it signs
 * from the next start), keep the old one after it as public only (no "d") until the tokens it
 * signed have expired (60 s) and every subgraph has the new public key; then drop it.
 */
export async function loadInternalSigningKeys(file: string, production: boolean): Promise<InternalSigningKeys> {
  const jwks = readJwksFile(file);
  const signer = await signerFromJwks(jwks, file);
  if (production && signer.kid.startsWith(DEV_INTERNAL_KID_PREFIX)) {
    throw new Error(`production mode (NODE_ENV=production) refuses the development internal signing key in ${file} (kid "${signer.kid}")`);
  }
  return { signer, publicJwks: { keys: jwks.keys.map(publicJwk) } };
}
