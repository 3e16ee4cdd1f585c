import { createLogger, logReady, setRootLogger } from "../common/observability/logger";
import { startTracing } from "../common/observability/tracing";
import { readGatewayConfig } from "./config";
import { startGateway } from "./startGateway";
import { heapCapHint } from "./nodeFlags";

async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    console.log("usage: node --max-old-space-size=256 dist/gateway/main.js\n  configuration by environment; see gateway/config.ts and README (Configuration)");
    return;
  }
  const logger = createLogger("gateway");
  setRootLogger(logger);
  // Before the gateway is built, so its first request is already traced (no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
  const tracing = startTracing("gateway");
  const hint = heapCapHint();
  if (hint) logger.warn(hint);
  const gateway = await startGateway(readGatewayConfig());
  logReady(logger, gateway.url, { metricsPort: gateway.metricsPort, tracing: Boolean(tracing) }, `pid ${process.pid}`);
  const stop = async () => {
    await gateway.stop();
    await tracing?.shutdown();
    logger.flush();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: Error) => {
  createLogger("gateway").fatal(`failed to start: ${error.message}`);
  process.exit(1);
});
