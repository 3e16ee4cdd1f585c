import { SignJWT } from "jose";
import { DEV_ALGORITHM, type DevKeys } from "../../gateway/auth/devKeys";
import type { CallerClaims } from "./graphClient";

/**
 * A client token signed with a graph's development key (kept in its data folder, see
 * gateway/auth/devKeys.ts), valid for 10 minutes: what a test sends as a client of that graph.
 */
export function signDevToken(keys: DevKeys, claims: CallerClaims): Promise<string> {
  return new SignJWT({ role: claims.role, org: claims.org, name: claims.name ?? `${claims.role} (${claims.org})` })
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: keys.kid })
    .setSubject(claims.sub ?? `${claims.role}-${claims.org}`)
    .setIssuer("customer-360-dev")
    .setAudience("customer-360")
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(keys.privateKey);
}
