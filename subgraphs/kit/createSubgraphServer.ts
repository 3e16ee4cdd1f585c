import type { AddressInfo } from "node:net";
import { ErrorCode, requestRefused } from "../../common/errorCodes";
import { createTimedHttpServer } from "../../common/httpServerTimeouts";
import { INTERNAL_TOKEN_HEADER, internalTokenVerifier, type InternalKeySource } from "../../common/internalToken";
import { sendJson } from "../../common/nodeHttp";
import { enforceAccessMatrix } from "./accessMatrix";
import { buildDefinitionSchema, definitionAccessMatrix, definitionCustomerData } from "./definitionSchema";
import { formatOwner, reportCustomerData, SERVED_OWNERS_HEADER } from "./customerData";
import { isEmpty, openDatabase, type Database } from "./database";
import { liveSchema } from "./liveSchema";
import { StatementCounter } from "./sqlStatementCounter";
import type { SubgraphContext, SubgraphDefinition } from "./subgraphDefinition";
import { readSubgraphConfig, type SubgraphConfig } from "./subgraphConfig";
import { BoundedLabels } from "../../common/observability/boundedLabels";
import { createLogger } from "../../common/observability/logger";
import { readMetricsAccess, serveMetrics, startMetricsListener } from "../../common/observability/metricsEndpoint";
import { observeSubgraphRequest, type SubgraphObservability } from "./observability/observeSubgraphRequest";
import { subgraphRegistry } from "./observability/subgraphMetrics";
import { startEventDelivery, type RunningEventDelivery } from "./events/startEventDelivery";
import { relaySourceState } from "./events/relaySourceState";
import type { DeliveryOptions } from "./events/deliveryOptions";
import { drainOnStop } from "./server/httpServerDrain";
import { subgraphGraphQLHandler } from "./server/subgraphGraphQLHandler";

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
  /** Event delivery (kit/events): overrides of EVENTS_POLL_MS / EVENTS_MAX_ATTEMPTS / EVENTS_RETRY_BASE_MS, or false for none. */
  events?: Partial<DeliveryOptions> | false;
  /** The process's validated options (runSubgraphMain reads them once); default: read from the environment now. */
  config?: SubgraphConfig;
  /** NATS JetStream for event delivery; defaults to $NATS_URL; "" forces the embedded log. */
  natsUrl?: string;
}

export interface RunningSubgraph<DB> {
  name: string;
  url: string;
  port: number;
  database: Database<DB>;
  /** The relay and reactions of this process (null: events off, or nothing to publish or consume). */
  events: RunningEventDelivery | null;
  /** Rebuilds the schema from the definition and serves it from the next request on (no restart). */
  reloadSchema(): Promise<void>;
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
  const config = options.config ?? readSubgraphConfig(process.env, definition.defaultPort);
  definition.configure?.(process.env);
  const keySource = options.internalKeys ?? config.internalKeys ?? missingInternalKeys(definition.name);
  const verifyInternalToken = internalTokenVerifier(definition.name, keySource, config.production);

  const database = await openDatabase<DB>({
    name: definition.name,
    migrations: definition.migrations,
    databaseUrl: options.databaseUrl ?? config.database.databaseUrl ?? "",
    dataDir: options.dataDir ?? config.database.dataDir,
    schemaPrefix: options.schemaPrefix ?? config.database.schemaPrefix,
    poolSize: config.database.poolSize,
  });
  if (options.seed !== false && (await isEmpty(database.db, definition.seedMarkerTable))) {
    await definition.seed(database.db);
  }
  // After migrations and seed: relay this subgraph's outbox and run its reactions (kit/events).
  const events =
    options.events === false
      ? null
      : await startEventDelivery({
          source: definition.name,
          db: database.db as any,
          // Every subgraph has the kit's event tables (kit migrations run everywhere).
          publishes: true,
          reactions: definition.reactions ?? [],
          sourceState: relaySourceState(definition, database.db),
          log: { dataDir: options.dataDir, databaseUrl: options.databaseUrl, schemaPrefix: options.schemaPrefix, natsUrl: options.natsUrl },
          options: options.events,
        }).catch(async (error) => {
          await database.close();
          throw error;
        });

  const build = async () => {
    // The subgraph's own fields and the kit's (dead letters of a subgraph with reactions).
    const built = await buildDefinitionSchema(definition);
    // Both refuse a schema with an undeclared root field or object type (at start and on every reload).
    enforceAccessMatrix(built.schema, definitionAccessMatrix(definition), definition.name);
    reportCustomerData(built.schema, definitionCustomerData(definition), definition.name);
    return built;
  };
  const built = await build();
  // Swappable, so a definition whose schema changes at runtime (watchSchema) needs no restart.
  // Introspection outside production only, as Apollo Server's default was.
  const schema = liveSchema(built.schema, { introspection: !config.production });
  // Header/body deadlines from HTTP_HEADERS_TIMEOUT_MS / HTTP_REQUEST_TIMEOUT_MS. Keep-alive fixed
  // and longer than the gateway's, so the subgraph never closes a connection the gateway is
  // about to reuse (a reset shows up as a failed fetch under load).
  const httpServer = createTimedHttpServer({ ...config.http, keepAliveTimeoutMs: 65_000 });
  // Attached before listening: stop() lets requests in flight finish, then closes every connection.
  const drain = drainOnStop(httpServer);

  // Logs, metrics and traces (docs/OPERATIONS.md).
  const observability: SubgraphObservability = { subgraph: definition.name, logger: createLogger(definition.name), operations: new BoundedLabels() };
  const metricsAccess = readMetricsAccess();

  // POST /graphql on graphql-js directly (kit/server/, issue 19): no Apollo Server per request.
  const handleGraphQL = subgraphGraphQLHandler({
    schema,
    context: async (req): Promise<SubgraphContext<DB, Loaders> & { sqlStatements: StatementCounter }> => {
      const token = req.headers[INTERNAL_TOKEN_HEADER];
      if (typeof token !== "string") throw requestRefused(ErrorCode.UNAUTHENTICATED, `${definition.name} only answers requests signed by the gateway`);
      const caller = await verifyInternalToken(token).catch(() => {
        throw requestRefused(ErrorCode.UNAUTHENTICATED, "the gateway token is invalid or expired");
      });
      // The request's own handle on the shared pool, counting its statements (x-sql-statements).
      const sqlStatements = new StatementCounter();
      const db = database.db.withPlugin(sqlStatements);
      return { db, loaders: definition.createLoaders(db), caller, servedCustomerIds: new Set<string>(), servedOwners: new Map(), sqlStatements };
    },
    responseHeaders: (context) => ({
      "x-sql-statements": String(context.sqlStatements.statements),
      ...(context.servedCustomerIds.size ? { "x-customer-ids": [...context.servedCustomerIds].slice(0, 200).join(",") } : {}),
      ...(context.servedOwners.size ? { [SERVED_OWNERS_HEADER]: [...context.servedOwners.values()].map(formatOwner).join(",") } : {}),
    }),
  });

  httpServer.on("request", (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/health") return sendJson(res, 200, { status: "ok", subgraph: definition.name });
    if (path === "/graphql") return void observeSubgraphRequest(observability, req, res, () => handleGraphQL(req, res));
    if (path === "/metrics" && metricsAccess.onPublicListener) return void serveMetrics(req, res, subgraphRegistry, metricsAccess);
    sendJson(res, 404, { errors: [{ message: `no route ${path}`, extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, "127.0.0.1", resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const metricsListener = metricsAccess.port === undefined ? undefined : await startMetricsListener(subgraphRegistry, { ...metricsAccess, port: metricsAccess.port }, observability.logger);

  const reloadSchema = async () => {
    const next = await build();
    schema.swap(next.schema);
  };
  const stopWatching = definition.watchSchema?.(() => {
    reloadSchema().then(
      () => console.log(`[${definition.name}] serving a new schema`),
      (error: Error) => console.error(`[${definition.name}] could not build the new schema, still serving the previous one: ${error.message}`),
    );
  });

  return {
    name: definition.name,
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    database,
    events,
    reloadSchema,
    async stop() {
      stopWatching?.();
      await events?.stop();
      await metricsListener?.close();
      await drain.stop();
      await database.close();
    },
  };
}

function missingInternalKeys(name: string): never {
  throw new Error(`${name}: set INTERNAL_JWKS_FILE or INTERNAL_JWKS_URL (the gateway's public keys); subgraphs only answer the gateway`);
}

