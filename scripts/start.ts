import fs from "node:fs";
import path from "node:path";
import { readSupergraphConfig } from "../schema/tooling/supergraphConfig";
import { GATEWAY_NODE_FLAGS } from "../gateway/nodeFlags";
import { internalKeyEnv } from "./lib/internalKeys";
import { startServiceProcess, type ServiceProcess } from "./lib/serviceProcess";

const USAGE = `usage: npm start

Starts every subgraph in schema/supergraph.yaml (each on its routing URL's port, each with
its own database under ./data, seeded with the stories on first start) and then the gateway
on PORT (default 4000). Ctrl-C stops them all.
Environment: PORT, DATABASE_URL (PostgreSQL instead of SQLite), DATA_DIR, INTERNAL_SIGNING_KEYS_FILE
with INTERNAL_JWKS_FILE or INTERNAL_JWKS_URL (development keys under DATA_DIR/keys when unset),
NODE_ENV=production.`;

async function main(): Promise<void> {
  if (process.argv.includes("--help")) return void console.log(USAGE);
  const root = process.cwd();
  const config = readSupergraphConfig(path.resolve("schema/supergraph.yaml"));
  const keyEnv = await internalKeyEnv();
  const running: ServiceProcess[] = [];
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    await Promise.all(running.map((service) => service.stop()));
  };
  const shutdown = () => {
    console.log("\nstopping the gateway and subgraphs ...");
    void stopAll().then(() => {
      console.log("stopped");
      process.exit(0);
    });
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);

  try {
    const subgraphs = await Promise.all(
      config.subgraphs.map(async (subgraph) => {
        const script = path.join(root, "dist", "subgraphs", subgraph.name, "main.js");
        if (!fs.existsSync(script)) throw new Error(`no build for subgraph "${subgraph.name}" at ${script}; partner subgraphs run on their own`);
        const service = await startServiceProcess(subgraph.name, script, { PORT: new URL(subgraph.routingUrl).port, ...keyEnv.subgraphs }, { echo: true });
        running.push(service);
        return service;
      }),
    );
    const gateway = await startServiceProcess("gateway", path.join(root, "dist", "gateway", "main.js"), keyEnv.gateway, { echo: true, nodeFlags: GATEWAY_NODE_FLAGS });
    running.push(gateway);
    for (const service of [...subgraphs, gateway]) {
      service.child.once("exit", (code) => {
        if (stopping) return;
        console.error(`${service.name} stopped (code ${code}); stopping everything`);
        void stopAll().then(() => process.exit(1));
      });
    }
    console.log(`\nCustomer graph ready: ${gateway.url}\n  explorer: ${gateway.url.replace(/\/graphql$/, "/")}\n  token:    npm run -s token -- --role rep --org yougou\nCtrl-C stops everything.`);
  } catch (error) {
    console.error((error as Error).message);
    await stopAll();
    process.exit(1);
  }
}

void main();
