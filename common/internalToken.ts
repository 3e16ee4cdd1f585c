import { SignJWT, jwtVerify } from "jose";
import { isRole, type Caller } from "./caller";

/**
 * The short-lived token the gateway signs for each subgraph request, carrying the verified
 * caller. Subgraphs refuse requests without a valid one, so reaching a subgraph directly
 * is no back door (ARCHITECTURE: trust between gateway and subgraphs).
 *
 * HS256 with a secret shared by the gateway and the subgraphs it launches
 * ($GATEWAY_SUBGRAPH_SECRET); the issuer/audience pair keeps it from being confused with
 * a client token.
 */
export const INTERNAL_TOKEN_HEADER = "x-gateway-token";
const ISSUER = "customer-360-gateway";
const AUDIENCE = "customer-360-subgraphs";
const LIFETIME_SECONDS = 60;

function secretKey(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error("GATEWAY_SUBGRAPH_SECRET must be at least 32 characters");
  return new TextEncoder().encode(secret);
}

/** `lifetimeSeconds` is for tools only (the benchmark hands peers a static token); the gateway uses the default. */
export async function signInternalToken(caller: Caller, secret: string, lifetimeSeconds = LIFETIME_SECONDS): Promise<string> {
  return new SignJWT({ name: caller.name, role: caller.role, org: caller.organization, ver: caller.verifiedCustomerIds })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(caller.subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(secretKey(secret));
}

/** Returns the caller, or throws (jose's errors) when the token is missing its marks. */
export async function verifyInternalToken(token: string, secret: string): Promise<Caller> {
  const { payload } = await jwtVerify(token, secretKey(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] });
  if (!payload.sub || !isRole(payload.role) || typeof payload.org !== "string") throw new Error("internal token lacks caller claims");
  return {
    subject: payload.sub,
    name: typeof payload.name === "string" ? payload.name : payload.sub,
    role: payload.role,
    organization: payload.org,
    verifiedCustomerIds: Array.isArray(payload.ver) ? payload.ver.filter((v): v is string => typeof v === "string") : [],
  };
}
