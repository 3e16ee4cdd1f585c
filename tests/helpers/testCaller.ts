import { generateKeyPairSync } from "node:crypto";
import type { JSONWebKeySet, JWK } from "jose";
import type { Caller } from "../../common/caller";
import { INTERNAL_TOKEN_ALGORITHM, type InternalSigner } from "../../common/internalToken";

/** The gateway's internal signing key as tests play the gateway (one per test file), and the public set subgraphs verify with. */
const testPair = generateKeyPairSync("ed25519");
export const TEST_SIGNER: InternalSigner = { kid: "test-internal-1", privateKey: testPair.privateKey };
export const TEST_JWKS: JSONWebKeySet = { keys: [{ ...(testPair.publicKey.export({ format: "jwk" }) as JWK), kid: TEST_SIGNER.kid, alg: INTERNAL_TOKEN_ALGORITHM, use: "sig" }] };

export const REP_RETAILER: Caller = { subject: "rep-chen", name: "陈晓 Chen Xiao", role: "rep", organization: "yougou" };
export const REP_MAKER: Caller = { subject: "rep-aolan-li", name: "李工 Li Gong", role: "rep", organization: "aolan" };
export const SUPERVISOR: Caller = { subject: "sup-wu", name: "吴主管 Supervisor Wu", role: "supervisor", organization: "platform" };
