import { createLogger, logReady, setRootLogger } from "../../common/observability/logger";
import { startTracing } from "../../common/observability/tracing";
import { buildDefinitionSchema } from "./definitionSchema";
import { startSubgraph } from "./createSubgraphServer";
import type { SubgraphDefinition } from "./subgraphDefinition";
import { readSubgraphConfig } from "./subgraphConfig";

/**
 * The body of every subgraph's `main.ts`:
 *   node dist/subgraphs/<name>/main.js             serve on $PORT (default: the subgraph's port)
 *   node dist/subgraphs/<name>/main.js --print-sdl print the SDL composition uses, and exit
 * SDL printing runs in its own process per subgraph because type-graphql's metadata is global.
 */
export async function runSubgraphMain<DB, Loaders>(definition: SubgraphDefinition<DB, Loaders>): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(`usage: node main.js [--print-sdl]\n  env: PORT (default ${definition.defaultPort}), INTERNAL_JWKS_FILE or INTERNAL_JWKS_URL (required: the gateway's public keys), DATABASE_URL, DATA_DIR, DB_SCHEMA_PREFIX, PG_POOL_SIZE (README, Configuration)`);
    return;
  }
  if (args.includes("--print-sdl")) {
    definition.configure?.(process.env);
    const { sdl } = await buildDefinitionSchema(definition);
    process.stdout.write(sdl.endsWith("\n") ? sdl : `${sdl}\n`);
    return;
  }
  const logger = createLogger(definition.name);
  setRootLogger(logger);
  // Before the server is built, so every request is traced (no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
  const tracing = startTracing(definition.name);
  // Every option, validated once; a bad value stops the process with a message naming it.
  const config = readSubgraphConfig(process.env, definition.defaultPort);
  const running = await startSubgraph(definition, { port: config.port, config });
  logReady(logger, running.url, { tracing: Boolean(tracing) }, running.database.location);
  const stop = async () => {
    await running.stop();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
