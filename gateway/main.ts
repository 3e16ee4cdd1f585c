import { readGatewayConfig } from "./config";
import { startGateway } from "./createGateway";
import { heapCapHint } from "./nodeFlags";

async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    console.log("usage: node --max-old-space-size=256 dist/gateway/main.js\n  configuration by environment; see gateway/config.ts and README (Configuration)");
    return;
  }
  const hint = heapCapHint();
  if (hint) console.log(hint);
  const gateway = await startGateway(readGatewayConfig());
  console.log(`[gateway] ready at ${gateway.url}`);
  const stop = async () => {
    await gateway.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: Error) => {
  console.error(`[gateway] failed to start: ${error.message}`);
  process.exit(1);
});
