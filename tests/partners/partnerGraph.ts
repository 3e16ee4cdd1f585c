import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadOrCreateDevKeys } from "../../gateway/auth/devKeys";
import { readGatewayConfig } from "../../gateway/config";
import { writeInternalKeyFiles } from "../../scripts/lib/internalKeys";
import { startGateway, type RunningGateway } from "../../gateway/startGateway";
import { readSupergraphConfig } from "../../schema/tooling/supergraphConfig";
import { startServiceProcess, type ServiceProcess } from "../../scripts/lib/serviceProcess";
import { RETAILER_REP } from "../helpers/graphClient";
import { signDevToken } from "../helpers/devToken";
import { ROOT } from "./schemaCopy";

/** The subgraphs a config lists that we build ourselves (a partner's are started by the test). */
export function ourSubgraphs(configPath: string): string[] {
  return readSupergraphConfig(configPath)
    .subgraphs.map((s) => s.name)
    .filter((name) => fs.existsSync(path.join(ROOT, "dist", "subgraphs", name, "main.js")));
}

export interface PartnerGraph {
  dataDir: string;
  env: Record<string, string>;
  subgraphs: ServiceProcess[];
  /** A gateway on `supergraphPath`; several may run side by side. */
  gateway(supergraphPath: string): Promise<RunningGateway>;
  query(gateway: RunningGateway, document: string, variables?: Record<string, unknown>): Promise<any>;
  stop(): Promise<void>;
}

/**
 * The graph as a deployment runs it, with a partner subgraph from outside this repository:
 * every subgraph a child process (SQLite in a temp folder), the customers subgraph reading
 * the copied source list, gateways in-process routed by SUBGRAPH_URL_<NAME>.
 */
export async function startPartnerGraph(configPath: string, sourcesFile: string, partners: { name: string; main: string }[]): Promise<PartnerGraph> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-partner-graph-"));
  const internalKeys = await writeInternalKeyFiles(path.join(dataDir, "internal-keys"));
  const env: Record<string, string> = {
    PORT: "0",
    DATA_DIR: dataDir,
    INTERNAL_JWKS_FILE: internalKeys.jwksFile,
    DATABASE_URL: "",
    CUSTOMER360_SOURCES: sourcesFile,
    NODE_ENV: "test",
  };
  const subgraphs: ServiceProcess[] = [];
  const gateways: RunningGateway[] = [];
  const partnerNames = new Set(partners.map((p) => p.name));
  const ours = ourSubgraphs(configPath).filter((name) => !partnerNames.has(name));
  const all = [...ours.map((name) => ({ name, main: path.join(ROOT, "dist", "subgraphs", name, "main.js") })), ...partners];
  const started = await Promise.allSettled(all.map((s) => startServiceProcess(s.name, s.main, env)));
  for (const result of started) if (result.status === "fulfilled") subgraphs.push(result.value);
  const failed = started.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await Promise.all(subgraphs.map((s) => s.stop()));
    throw failed.reason;
  }
  const urls = Object.fromEntries(subgraphs.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, s.url]));
  const keys = await loadOrCreateDevKeys(dataDir);
  const token = () => signDevToken(keys, RETAILER_REP);

  return {
    dataDir,
    env,
    subgraphs,
    async gateway(supergraphPath) {
      const gateway = await startGateway(readGatewayConfig({ ...env, ...urls, INTERNAL_SIGNING_KEYS_FILE: internalKeys.signingKeysFile, SUPERGRAPH_PATH: supergraphPath, SUPERGRAPH_POLL_MS: "200" }));
      gateways.push(gateway);
      return gateway;
    },
    async query(gateway, document, variables = {}) {
      const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${await token()}` }, body: JSON.stringify({ query: document, variables }) });
      return response.json();
    },
    async stop() {
      await Promise.all(gateways.map((g) => g.stop()));
      await Promise.all(subgraphs.map((s) => s.stop()));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
