import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readSupergraphConfig } from "../schema/tooling/supergraphConfig";
import { GATEWAY_NODE_FLAGS } from "../gateway/nodeFlags";
import { startControlServer, findRunningSupervisor } from "./lib/supervisorControl";
import { Supervisor, type ServiceSpec } from "./lib/supervisor";
import { internalKeyEnv } from "./lib/internalKeys";

const USAGE = `usage: npm start [-- --config FILE]
       npm start -- --only NAME      restart one service of the running graph
       npm start -- --status         list the running graph's services

Starts every subgraph in schema/supergraph.yaml that is built here (dist/subgraphs/<name>;
each on its routing URL's port, with its own database under DATA_DIR, seeded with the
stories on first start), then the gateway on PORT (default 4000), and supervises them:
a service that exits is started again after a backoff (0.5 s, doubling up to 30 s; each
restart is logged) while the others keep serving (the gateway answers without the missing
subgraph, naming it). A subgraph registered with no build here (a partner's) is not
started: the gateway reaches it at its routing URL, where it runs. If anything fails to
start, exactly what was started is stopped again and npm start exits 1. Ctrl-C stops all.

Options:
  --config FILE   the supergraph config (default schema/supergraph.yaml); tests pass one
                  with free ports. The gateway is routed to its URLs (SUBGRAPH_URL_<NAME>
                  set in the environment wins).
  --only NAME     ask the running npm start (found through DATA_DIR/supervisor.json, a
                  loopback control endpoint) to restart NAME (a subgraph or "gateway"),
                  touching nothing else; exits 0 once it is ready again.
  --status        print the running services (name, state, pid, restarts).
Environment: PORT, DATABASE_URL (PostgreSQL instead of SQLite), DATA_DIR (default ./data),
INTERNAL_SIGNING_KEYS_FILE with INTERNAL_JWKS_FILE or INTERNAL_JWKS_URL
(development keys under DATA_DIR/keys when unset), NODE_ENV=production, and every
gateway setting (README, Configuration).`;

async function control(dataDir: string, only: string | undefined): Promise<void> {
  const { url } = findRunningSupervisor(dataDir);
  const response = only ? await fetch(`${url}/restart/${encodeURIComponent(only)}`, { method: "POST" }) : await fetch(`${url}/status`);
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(String(body.error));
  if (only) return void console.log(`${body.restarted} restarted (pid ${body.pid}) at ${body.url}`);
  for (const s of body.services as { name: string; state: string; pid: number | null; restarts: number; url: string | null }[]) {
    console.log(`${s.name.padEnd(13)} ${s.state.padEnd(9)} pid ${String(s.pid ?? "-").padEnd(8)} restarts ${s.restarts}  ${s.url ?? ""}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { help: { type: "boolean" }, config: { type: "string" }, only: { type: "string" }, status: { type: "boolean" } } });
  if (values.help) return void console.log(USAGE);
  const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
  if (values.only || values.status) return control(dataDir, values.only);

  const root = process.cwd();
  const config = readSupergraphConfig(path.resolve(values.config ?? "schema/supergraph.yaml"));
  const keyEnv = await internalKeyEnv({ ...process.env, DATA_DIR: dataDir });
  const already = (() => {
    try {
      return findRunningSupervisor(dataDir);
    } catch {
      return undefined;
    }
  })();
  if (already) throw new Error(`npm start is already running with DATA_DIR ${dataDir} (pid ${already.pid}): use --only NAME or --status, or stop it first`);
  const supervisor = new Supervisor();
  const controlServer = await startControlServer(supervisor, dataDir);
  const shutdown = () => {
    console.log("\nstopping the gateway and subgraphs ...");
    void Promise.all([supervisor.stop(), controlServer.close()]).then(() => {
      console.log("stopped");
      process.exit(0);
    });
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);

  const owned: ServiceSpec[] = [];
  const routes: Record<string, string> = {};
  for (const subgraph of config.subgraphs) {
    const key = `SUBGRAPH_URL_${subgraph.name.toUpperCase()}`;
    routes[key] = process.env[key] ?? subgraph.routingUrl;
    const script = path.join(root, "dist", "subgraphs", subgraph.name, "main.js");
    if (!fs.existsSync(script)) {
      console.log(`${subgraph.name}: not built here (no ${path.relative(root, script)}), so not started: the gateway reaches it where it runs, at ${routes[key]}`);
      continue;
    }
    owned.push({ name: subgraph.name, script, env: { PORT: new URL(subgraph.routingUrl).port, ...keyEnv.subgraphs, DATA_DIR: dataDir } });
  }
  try {
    await supervisor.start(owned);
    const [gateway] = await supervisor.start([
      { name: "gateway", script: path.join(root, "dist", "gateway", "main.js"), env: { ...keyEnv.gateway, DATA_DIR: dataDir, ...routes }, nodeFlags: GATEWAY_NODE_FLAGS },
    ]);
    console.log(
      `\nCustomer graph ready: ${gateway.url}\n  explorer: ${gateway.url.replace(/\/graphql$/, "/")}\n  token:    npm run -s token -- --role rep --org yougou\n` +
        `  restart one service: npm start -- --only customers   (status: npm start -- --status)\nCtrl-C stops everything.`,
    );
  } catch (error) {
    // The supervisor already stopped everything it had started.
    console.error((error as Error).message);
    await controlServer.close();
    process.exit(1);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
