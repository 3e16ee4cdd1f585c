import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { deleteJetStreamNamespace } from "../../subgraphs/kit/events/jetStreamTransport";
import { readGatewayConfig } from "../../gateway/config";
import { startGateway, type RunningGateway } from "../../gateway/startGateway";
import { writeInternalKeyFiles, type InternalKeyFiles } from "../../scripts/lib/internalKeys";
import { killChild, startServiceProcess, type ServiceProcess } from "../../scripts/lib/serviceProcess";
import type { Database } from "../../subgraphs/kit";
import { readSupergraphConfig } from "../../schema/tooling/supergraphConfig";
import type { DatabaseTarget } from "./databases";
import { connectGraphClient, type CallerClaims, type GraphResponse } from "./graphClient";

export { RETAILER_REP, type CallerClaims, type GraphResponse } from "./graphClient";

export const ROOT = path.resolve(__dirname, "..", "..");
/** The graph's subgraphs, as schema/supergraph.yaml lists them (a new one needs no edit here). */
export const SUBGRAPH_NAMES = readSupergraphConfig(path.join(ROOT, "schema", "supergraph.yaml")).subgraphs.map((s) => s.name);

export interface Graph {
  gateway: RunningGateway;
  subgraphs: Map<string, ServiceProcess>;
  dataDir: string;
  /** The prefix of the graph's PostgreSQL schemas and event streams. */
  schemaPrefix: string;
  /** The gateway's internal key set and the public set the subgraphs verify with. */
  internalKeys: InternalKeyFiles;
  /** Mints a client token with the harness's development key. */
  token(claims: CallerClaims): Promise<string>;
  /** POSTs a GraphQL request through the gateway as `caller` (default: a retailer rep). */
  query<T = any>(document: string, variables?: Record<string, unknown>, options?: { caller?: CallerClaims | null; headers?: Record<string, string> }): Promise<GraphResponse<T>>;
  /** Opens a subgraph's own database (as the running subgraph sees it), to arrange data. */
  database(name: string): Promise<Database<any>>;
  stopSubgraph(name: string): Promise<void>;
  /** Ends a subgraph's process at once (SIGKILL by default: a crash, no shutdown hook runs). */
  killSubgraph(name: string, signal?: NodeJS.Signals): Promise<void>;
  /**
   * Starts a stopped or killed subgraph again on its port, data folder and schema (the
   * gateway keeps its URL); `env` adds to or overrides the graph's environment for it.
   */
  restartSubgraph(name: string, env?: Record<string, string>): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

/**
 * The whole graph, for end-to-end tests: the five real subgraphs as child processes (built
 * code, as `npm start` runs them) on free ports with throwaway databases, and the real
 * gateway in-process in front of them.
 */
export async function startGraph(target: DatabaseTarget = { label: "sqlite" }, extraEnv: Record<string, string> = {}): Promise<Graph> {
  // extraEnv.DATA_DIR / DB_SCHEMA_PREFIX: start on an existing data folder or schemas (the
  // upgrade test's copy); the graph removes them on stop like its own.
  const dataDir = extraEnv.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "c360-graph-"));
  const internalKeys = await writeInternalKeyFiles(path.join(dataDir, "internal-keys"));
  const prefix = extraEnv.DB_SCHEMA_PREFIX ?? `e${randomBytes(4).toString("hex")}_`;
  const subgraphs = new Map<string, ServiceProcess>();
  const env = {
    PORT: "0",
    DATA_DIR: dataDir,
    INTERNAL_JWKS_FILE: internalKeys.jwksFile,
    DATABASE_URL: target.databaseUrl ?? "",
    DB_SCHEMA_PREFIX: prefix,
    EVENTS_NAMESPACE: prefix,
    CUSTOMER360_SOURCES: path.join(ROOT, "schema", "customer360-sources.yaml"),
    NODE_ENV: "test",
    ...extraEnv,
  };
  try {
    const started = await Promise.all(SUBGRAPH_NAMES.map((name) => startServiceProcess(name, path.join(ROOT, "dist", "subgraphs", name, "main.js"), env)));
    for (const service of started) subgraphs.set(service.name, service);
  } catch (error) {
    await Promise.all([...subgraphs.values()].map((s) => s.stop()));
    throw error;
  }
  const urlEnv = Object.fromEntries([...subgraphs.values()].map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, s.url]));
  const gateway = await startGateway(
    readGatewayConfig({ ...env, ...urlEnv, INTERNAL_SIGNING_KEYS_FILE: internalKeys.signingKeysFile, SUPERGRAPH_PATH: extraEnv.SUPERGRAPH_PATH ?? path.join(ROOT, "schema", "supergraph.graphql"), SUBGRAPH_TIMEOUT_MS: extraEnv.SUBGRAPH_TIMEOUT_MS ?? "5000" }),
  );
  const client = await connectGraphClient({ gatewayUrl: gateway.url, dataDir, databaseUrl: target.databaseUrl ?? "", schemaPrefix: prefix });
  noteGraphStart(target, extraEnv);

  const graph: Graph = {
    gateway,
    subgraphs,
    dataDir,
    schemaPrefix: prefix,
    internalKeys,
    token: client.token,
    query: client.query,
    database: client.database,
    async stopSubgraph(name) {
      await subgraphs.get(name)?.stop();
    },
    async killSubgraph(name, signal = "SIGKILL") {
      const service = subgraphs.get(name);
      if (!service) throw new Error(`no subgraph ${name}`);
      await killChild(service.child, signal);
    },
    async restartSubgraph(name, extra = {}) {
      const service = subgraphs.get(name);
      if (!service) throw new Error(`no subgraph ${name}`);
      await service.stop();
      const port = new URL(service.url).port;
      const restarted = await startServiceProcess(name, path.join(ROOT, "dist", "subgraphs", name, "main.js"), { ...env, ...extra, PORT: port });
      subgraphs.set(name, restarted);
      return restarted;
    },
    async stop() {
      await client.close();
      await gateway.stop();
      await Promise.all([...subgraphs.values()].map((s) => s.stop()));
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (target.databaseUrl) {
        const pool = new Pool({ connectionString: target.databaseUrl, max: 1 });
        // The shared event log (kit/events/embeddedLogTransport.ts) lives in <prefix>events.
        for (const name of [...SUBGRAPH_NAMES, "events"]) await pool.query(`DROP SCHEMA IF EXISTS ${prefix}${name} CASCADE`);
        await pool.end();
      }
      // On NATS (kit/events/jetStreamTransport.ts) the graph's streams are namespaced by its prefix.
      const natsUrl = extraEnv.NATS_URL ?? process.env.NATS_URL;
      if (natsUrl) await deleteJetStreamNamespace(natsUrl, extraEnv.EVENTS_NAMESPACE ?? prefix);
    },
  };
  return graph;
}

/**
 * GRAPH_STARTS_FILE=<path>: one line per whole graph started (suite, database, custom
 * settings), so a run's count of graph starts can be compared; unset, nothing is written.
 */
function noteGraphStart(target: DatabaseTarget, extraEnv: Record<string, string>): void {
  const file = process.env.GRAPH_STARTS_FILE;
  if (!file) return;
  const suite = typeof expect === "undefined" ? "(global setup)" : path.relative(ROOT, expect.getState().testPath ?? "?");
  fs.appendFileSync(file, `${new Date().toISOString()} ${suite} ${target.label} ${Object.keys(extraEnv).join(",")}\n`);
}
