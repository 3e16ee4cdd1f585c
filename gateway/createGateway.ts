import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ErrorCode } from "../common/errorCodes";
import { formatError } from "../common/formatError";
import { graphqlHandler, sendJson } from "../common/nodeHttp";
import { createAuthenticator } from "./auth/authenticate";
import type { GatewayConfig } from "./config";
import { EXPLORER_HTML } from "./explorerPage";
import type { GatewayContext } from "./GatewayContext";
import { costReportPlugin } from "./plugins/costReport";
import { DEFAULT_QUERY_LIMITS, queryLimits } from "./plugins/queryLimits";
import { checkSubgraphs } from "./readiness";
import { SubgraphDataSource } from "./SubgraphDataSource";
import { subgraphsOf } from "./supergraphSubgraphs";

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The one endpoint. Reading top-down, a request goes:
 *   HTTP (body size cap) -> authenticate the bearer JWT -> Apollo Server (limits, plugins)
 *   -> query plan -> SubgraphDataSource per fetch (signed caller, timeout, partial answers)
 *   -> merged answer, errors coded, no stack traces.
 */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const supergraphSdl = fs.readFileSync(config.supergraphPath, "utf8");
  const routingUrls = subgraphsOf(supergraphSdl);
  const subgraphUrls = Object.fromEntries(Object.entries(routingUrls).map(([name, url]) => [name, config.subgraphUrls[name] ?? url]));
  const authenticate = await createAuthenticator(config);

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) =>
      new SubgraphDataSource({
        name,
        url: subgraphUrls[name],
        secret: config.gatewaySecret,
        timeoutMs: config.subgraphTimeouts[name] ?? config.subgraphTimeoutMs,
      }),
  });

  const httpServer = http.createServer();
  const limits = queryLimits(DEFAULT_QUERY_LIMITS, config.production);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    csrfPrevention: true,
    // One operation per HTTP request: batches multiply every limit below.
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), costReportPlugin(), ...limits.plugins],
  });
  await apollo.start();

  const handleGraphQL = graphqlHandler<GatewayContext>({
    server: apollo,
    context: async (req) => ({ caller: await authenticate(req), fetches: [], customerIds: new Set<string>() }),
  });

  httpServer.on("request", (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/graphql") return void handleGraphQL(req, res);
    if (path === "/health") return sendJson(res, 200, { status: "ok" });
    if (path === "/ready") {
      return void checkSubgraphs(subgraphUrls).then((state) => sendJson(res, state.ready ? 200 : 503, state));
    }
    if (path === "/" && req.method === "GET" && !config.production) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return void res.end(EXPLORER_HTML);
    }
    sendJson(res, 404, { errors: [{ message: `no route ${path}`, extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, "127.0.0.1", resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    stop: () => apollo.stop(),
  };
}
