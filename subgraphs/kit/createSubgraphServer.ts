import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ErrorCode, requestRefused } from "../../common/errorCodes";
import { formatError } from "../../common/formatError";
import { readHttpTimeouts, createTimedHttpServer } from "../../common/httpServerTimeouts";
import { INTERNAL_TOKEN_HEADER, internalTokenVerifier, type InternalKeySource } from "../../common/internalToken";
import { graphqlHandler, sendJson } from "../../common/nodeHttp";
import { buildFederatedSchema } from "./buildFederatedSchema";
import { isEmpty, openDatabase, type Database } from "./database";
import { currentStatementCount, withStatementCount } from "./sqlStatementCounter";
import type { SubgraphContext, SubgraphDefinition } from "./subgraphDefinition";

export interface SubgraphServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /**
   * The gateway's PUBLIC keys, to verify its caller tokens (audience: this subgraph's name).
   * Defaults to $INTERNAL_JWKS_FILE (a JWK Set file) or $INTERNAL_JWKS_URL (e.g. the gateway's
   * /.well-known/internal-jwks.json).
   */
  internalKeys?: InternalKeySource;
  databaseUrl?: string;
  dataDir?: string;
  /** PostgreSQL schema prefix (tests use a fresh one each). Defaults to $DB_SCHEMA_PREFIX. */
  schemaPrefix?: string;
  /** Seed the story data when the database is empty. Default true. */
  seed?: boolean;
}

export interface RunningSubgraph<DB> {
  name: string;
  url: string;
  port: number;
  database: Database<DB>;
  stop(): Promise<void>;
}

/**
 * Builds and starts one subgraph: its database (migrated, seeded on first start), its
 * federated schema, and an HTTP server with POST /graphql and GET /health.
 * Every request must carry the gateway's signed caller token.
 */
export async function startSubgraph<DB, Loaders>(
  definition: SubgraphDefinition<DB, Loaders>,
  options: SubgraphServerOptions,
): Promise<RunningSubgraph<DB>> {
  const keySource = options.internalKeys ?? internalKeysFromEnv(definition.name);
  const verifyInternalToken = internalTokenVerifier(definition.name, keySource, process.env.NODE_ENV === "production");

  const database = await openDatabase<DB>({
    name: definition.name,
    migrations: definition.migrations,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    schemaPrefix: options.schemaPrefix,
  });
  if (options.seed !== false && (await isEmpty(database.db, definition.seedMarkerTable))) {
    await definition.seed(database.db);
  }

  const { schema } = await buildFederatedSchema(
    { resolvers: definition.resolvers, orphanedTypes: definition.orphanedTypes },
    definition.referenceResolvers,
  );
  // Header/body deadlines from HTTP_HEADERS_TIMEOUT_MS / HTTP_REQUEST_TIMEOUT_MS. Keep-alive fixed
  // and longer than the gateway's, so the subgraph never closes a connection the gateway is
  // about to reuse (a reset shows up as a failed fetch under load).
  const httpServer = createTimedHttpServer({ ...readHttpTimeouts(process.env), keepAliveTimeoutMs: 65_000 });
  const apollo = new ApolloServer<SubgraphContext<DB, Loaders>>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Inline traces are for Apollo Studio, which we do not use; they cost CPU on every fetch.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const handleGraphQL = graphqlHandler({
    server: apollo,
    around: withStatementCount,
    context: async (req) => {
      const token = req.headers[INTERNAL_TOKEN_HEADER];
      if (typeof token !== "string") throw requestRefused(ErrorCode.UNAUTHENTICATED, `${definition.name} only answers requests signed by the gateway`);
      const caller = await verifyInternalToken(token).catch(() => {
        throw requestRefused(ErrorCode.UNAUTHENTICATED, "the gateway token is invalid or expired");
      });
      return { db: database.db, loaders: definition.createLoaders(database.db), caller, servedCustomerIds: new Set<string>() };
    },
    responseHeaders: (context) => ({
      "x-sql-statements": String(currentStatementCount()),
      ...(context.servedCustomerIds.size ? { "x-customer-ids": [...context.servedCustomerIds].slice(0, 200).join(",") } : {}),
    }),
  });

  httpServer.on("request", (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/health") return sendJson(res, 200, { status: "ok", subgraph: definition.name });
    if (path === "/graphql") return void handleGraphQL(req, res);
    sendJson(res, 404, { errors: [{ message: `no route ${path}`, extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, "127.0.0.1", resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;

  return {
    name: definition.name,
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    database,
    async stop() {
      await apollo.stop();
      await database.close();
    },
  };
}

function internalKeysFromEnv(name: string): InternalKeySource {
  if (process.env.INTERNAL_JWKS_URL) return { jwksUrl: process.env.INTERNAL_JWKS_URL };
  if (process.env.INTERNAL_JWKS_FILE) return { jwksFile: process.env.INTERNAL_JWKS_FILE };
  throw new Error(`${name}: set INTERNAL_JWKS_FILE or INTERNAL_JWKS_URL (the gateway's public keys); subgraphs only answer the gateway`);
}
