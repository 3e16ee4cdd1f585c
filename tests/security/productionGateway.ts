import { deadSubgraphs, startTestGateway, type Subgraphs, type TestGateway } from "../gateway/helpers/gatewayHarness";
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

/** For suites whose requests never leave the gateway: subgraph URLs nobody listens on. */
export { deadSubgraphs };
