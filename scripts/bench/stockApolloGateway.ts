import fs from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

/**
 * The benchmark's "stock" peer: @apollo/gateway + @apollo/server with their default
 * configuration (default data source fetcher, default plan cache, no plugins), serving
 * schema/supergraph.graphql with the subgraph URLs overridden by SUBGRAPH_URL_<NAME>.
 * Subgraphs insist on a gateway token, so every fetch carries one static, long-lived token
 * ($BENCH_STATIC_TOKEN) minted by the bench for the same caller our gateway forwards.
 *   env: PORT (0 = free port), SUPERGRAPH_PATH, SUBGRAPH_URL_<NAME>, BENCH_STATIC_TOKEN
 */
async function main(): Promise<void> {
  const supergraphSdl = fs.readFileSync(process.env.SUPERGRAPH_PATH ?? "schema/supergraph.graphql", "utf8");
  const token = process.env.BENCH_STATIC_TOKEN ?? "";
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url: process.env[`SUBGRAPH_URL_${name.toUpperCase()}`] ?? url,
        willSendRequest({ request }) {
          request.http?.headers.set("x-gateway-token", token);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 0), host: "127.0.0.1" } });
  console.log(`[stock-apollo] ready at ${url.replace("localhost", "127.0.0.1")}graphql`.replace("/graphqlgraphql", "/graphql"));
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: Error) => {
  console.error(`[stock-apollo] failed: ${error.message}`);
  process.exit(1);
});
