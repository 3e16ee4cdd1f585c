import path from "node:path";
import { startServiceProcess } from "../../scripts/lib/serviceProcess";
import { deadSubgraphs, ROOT, startTestGateway, type Subgraphs, type TestGateway } from "../gateway/helpers/gatewayHarness";
import { generateTestKey, signToken, type TestKey, type TokenOptions } from "../gateway/helpers/tokens";

export const IDP_ISSUER = "https://idp.example.cn/";

/** The real gateway in production mode, trusting a test identity provider's key. */
export interface ProductionGateway extends TestGateway {
  idpKey: TestKey;
  /** A client token from the test IdP (rep of yougou unless told otherwise). */
  token(options?: TokenOptions): Promise<string>;
}

export async function startProductionGateway(subgraphs: Subgraphs, env: Record<string, string> = {}): Promise<ProductionGateway> {
  const idpKey = await generateTestKey("idp-security-1");
  const gateway = await startTestGateway(subgraphs, { NODE_ENV: "production", JWT_ISSUER: IDP_ISSUER, JWT_PUBLIC_KEY: idpKey.publicPem, ...env });
  return { ...gateway, idpKey, token: (options = {}) => signToken(idpKey, { issuer: IDP_ISSUER, ...options }) };
}

/**
 * Only the audit subgraph runs (a real process); every other subgraph URL is dead. For suites
 * whose requests are refused or answered by the gateway: the audit trail is written (the
 * gateway withholds answers when it cannot be), nothing else is reached.
 */
export async function auditOnlySubgraphs(): Promise<Subgraphs> {
  const dead = await deadSubgraphs();
  const audit = await startServiceProcess("audit", path.join(ROOT, "dist", "subgraphs", "audit", "main.js"), {
    PORT: "0",
    DATA_DIR: dead.dataDir,
    INTERNAL_JWKS_FILE: dead.internalKeys.jwksFile,
    DATABASE_URL: "",
    CUSTOMER360_SOURCES: path.join(ROOT, "schema", "customer360-sources.yaml"),
    NODE_ENV: "test",
  });
  return {
    ...dead,
    urlEnv: { ...dead.urlEnv, SUBGRAPH_URL_AUDIT: audit.url },
    stop: async () => {
      await audit.stop();
      await dead.stop();
    },
  };
}

/** For suites whose requests never leave the gateway: subgraph URLs nobody listens on. */
export { deadSubgraphs };
