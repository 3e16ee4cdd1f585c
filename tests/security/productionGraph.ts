import { createHash, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { RETAILER_REP, startGraph, type CallerClaims, type Graph, type GraphResponse } from "../helpers/graphHarness";
import type { DatabaseTarget } from "../helpers/databases";
import { generateTestKey, type TestKey } from "../gateway/helpers/tokens";

/**
 * The whole graph in production mode (NODE_ENV=production for the gateway and every
 * subgraph): client tokens come from a test identity provider's own key and issuer, as
 * production demands (development keys and issuer are refused), and SMS codes are never
 * echoed (devCode is null), so a test reads the "customer's phone" by setting the
 * challenge's code in the security database, as the real SMS would deliver it.
 */
export interface ProductionGraph {
  graph: Graph;
  query<T = any>(caller: CallerClaims, document: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphResponse<T>>;
  /** Starts and confirms a verification of `loginId` by `caller`; returns the challenge id. */
  verify(caller: CallerClaims, loginId: string): Promise<string>;
  stop(): Promise<void>;
}

export const IDP_ISSUER = "https://idp.security-tests.example";

export function newKey(label: string): string {
  return `${label}-${randomUUID()}`;
}

export const START_VERIFICATION = `mutation Start($loginId: ID!, $key: String!) { startIdentityVerification(loginId: $loginId, idempotencyKey: $key) { id loginId devCode } }`;
export const CONFIRM_VERIFICATION = `mutation Confirm($id: ID!, $code: String!) { confirmIdentityVerification(challengeId: $id, code: $code) { loginId verifiedBy } }`;

export async function startProductionGraph(target: DatabaseTarget = { label: "sqlite" }): Promise<ProductionGraph> {
  const key: TestKey = await generateTestKey("security-tests-1");
  const graph = await startGraph(target, { NODE_ENV: "production", JWT_ISSUER: IDP_ISSUER, JWT_PUBLIC_KEY: key.publicPem });
  const token = (caller: CallerClaims) =>
    new SignJWT({ role: caller.role, org: caller.org, name: caller.name ?? `${caller.role} (${caller.org})` })
      .setProtectedHeader({ alg: key.alg, kid: key.kid })
      .setSubject(caller.sub ?? `${caller.role}-${caller.org}`)
      .setIssuer(IDP_ISSUER)
      .setAudience("customer-360")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(key.privateKey);

  const production: ProductionGraph = {
    graph,
    async query(caller, document, variables = {}, headers = {}) {
      const response = await fetch(graph.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers, authorization: `Bearer ${await token(caller)}` },
        body: JSON.stringify({ query: document, variables }),
      });
      return { status: response.status, body: (await response.json()) as any };
    },
    async verify(caller, loginId) {
      const started = await production.query(caller, START_VERIFICATION, { loginId, key: newKey("verify") });
      expect(started.body.errors).toBeUndefined();
      const challenge = started.body.data.startIdentityVerification;
      expect(challenge.devCode).toBeNull(); // production never echoes the code
      const code = "246810";
      const security = await graph.database("security");
      await security.db
        .updateTable("verification_challenges")
        .set({ code_hash: createHash("sha256").update(`${challenge.id}:${code}`).digest("hex") })
        .where("id", "=", challenge.id)
        .execute();
      const confirmed = await production.query(caller, CONFIRM_VERIFICATION, { id: challenge.id, code });
      expect(confirmed.body.errors).toBeUndefined();
      expect(confirmed.body.data.confirmIdentityVerification).toMatchObject({ loginId });
      return challenge.id as string;
    },
    stop: () => graph.stop(),
  };
  return production;
}

/**
 * The production graph behind the harness's own Graph interface (`query(document, variables,
 * { caller, headers })`), so a suite written against startGraph runs in production mode as is.
 */
export async function startProductionGraphAsGraph(target: DatabaseTarget = { label: "sqlite" }): Promise<Graph> {
  const production = await startProductionGraph(target);
  return {
    ...production.graph,
    query: (document, variables = {}, options = {}) => production.query(options.caller ?? RETAILER_REP, document, variables, options.headers),
  };
}
