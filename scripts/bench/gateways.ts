import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { GATEWAY_NODE_FLAGS } from "../../gateway/nodeFlags";
import { spawnGroup, waitForOutput, type BenchProcess } from "./processes";

/** Issuer of the bench's client tokens (production mode refuses the development issuer). */
export const BENCH_ISSUER = "customer-360-bench";

export type GatewayKind = "ours" | "hive" | "hive-rust" | "apollo" | "cached";

/** The response cache TTL of the `cached` run: longer than a timed window, so repeats within it hit. */
export const CACHED_RUN_TTL_SECONDS = 60;

export const GATEWAY_LABELS: Record<GatewayKind, string> = {
  ours: "ours (gateway/)",
  hive: "Hive Gateway 2.15",
  "hive-rust": "Hive Gateway 2.15 + Rust planner (router-runtime 1.4)",
  apollo: "stock @apollo/gateway 2.14",
  cached: `ours + response cache (memory, TTL ${CACHED_RUN_TTL_SECONDS} s)`,
};

export interface RunningBenchGateway {
  kind: GatewayKind;
  url: string;
  proc: BenchProcess;
  /** Extra headers every client request needs (ours: the client's bearer token). */
  headers: Record<string, string>;
}

export interface GatewaySetup {
  root: string;
  /** The supergraph every gateway serves: a snapshot taken when the bench started. */
  supergraphPath: string;
  /** The build the services run from: a snapshot of dist/ taken when the bench started. */
  distDir: string;
  tmpDir: string;
  workers: number;
  subgraphUrls: Record<string, string>;
  /** The gateway's internal signing key set (the subgraphs have its public half). */
  internalSigningKeysFile: string;
  /** For ours: SPKI PEM of the client-token key and a client token signed with it. */
  clientPublicKeyPem: string;
  clientToken: string;
  /** For the peers: a long-lived internal token for the same caller, sent as a static header. */
  staticInternalToken: string;
  echo: boolean;
}

function urlEnv(setup: GatewaySetup): Record<string, string> {
  return Object.fromEntries(Object.entries(setup.subgraphUrls).map(([name, url]) => [`SUBGRAPH_URL_${name.toUpperCase()}`, url]));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** A node script, directly (1 worker) or under the cluster wrapper (W workers). */
function nodeArgs(setup: GatewaySetup, script: string): string[] {
  return setup.workers > 1 ? [path.join(setup.distDir, "scripts", "bench", "cluster.js"), script, String(setup.workers)] : [script];
}

async function waitReadyLines(proc: BenchProcess, workers: number): Promise<string> {
  const pattern = new RegExp(`(?:[\\s\\S]*?ready at (http://\\S+)){${workers}}`);
  const match = await waitForOutput(proc, pattern, 90000);
  return /ready at (http:\/\/\S+)/.exec(match[0])![1];
}

export async function startGateway(kind: GatewayKind, setup: GatewaySetup, extraNodeArgs: string[] = []): Promise<RunningBenchGateway> {
  const supergraph = setup.supergraphPath;
  if (kind === "ours" || kind === "cached") {
    const script = path.join(setup.distDir, "gateway", "main.js");
    // Ours runs as deployed: with the gateway's node flags (gateway/nodeFlags.ts). The peers run with Node's defaults.
    const args = [...GATEWAY_NODE_FLAGS, ...extraNodeArgs, ...nodeArgs(setup, script)];
    const proc = spawnGroup(
      kind,
      process.execPath,
      args,
      {
        PORT: "0",
        NODE_ENV: "production",
        JWT_PUBLIC_KEY: setup.clientPublicKeyPem,
        JWT_ALGORITHMS: "ES256",
        JWT_ISSUER: BENCH_ISSUER,
        JWT_AUDIENCE: "customer-360",
        // One benchmark caller sends every request: lift the per-caller budget (the limiter still runs).
        RATE_LIMIT_PER_MINUTE: "1000000000",
        // ... and the per-address one: every bench request comes from 127.0.0.1 (at 1,200 a minute a 25 s window was mostly 429s).
        RATE_LIMIT_PER_IP_PER_MINUTE: "1000000000",
        INTERNAL_SIGNING_KEYS_FILE: setup.internalSigningKeysFile,
        DATA_DIR: path.join(setup.tmpDir, "gateway-data"),
        SUPERGRAPH_PATH: supergraph,
        ...(kind === "cached" ? { RESPONSE_CACHE_TTL_SECONDS: String(CACHED_RUN_TTL_SECONDS), REDIS_URL: "" } : {}),
        ...urlEnv(setup),
      },
      { echo: setup.echo, cwd: setup.root },
    );
    const url = await waitReadyLines(proc, setup.workers);
    return { kind, url, proc, headers: { authorization: `Bearer ${setup.clientToken}` } };
  }
  if (kind === "apollo") {
    const script = path.join(setup.distDir, "scripts", "bench", "stockApolloGateway.js");
    const args = [...extraNodeArgs, ...nodeArgs(setup, script)];
    const proc = spawnGroup("apollo", process.execPath, args, { PORT: "0", NODE_ENV: "production", SUPERGRAPH_PATH: supergraph, BENCH_STATIC_TOKEN: setup.staticInternalToken, ...urlEnv(setup) }, { echo: setup.echo, cwd: setup.root });
    const url = await waitReadyLines(proc, setup.workers);
    return { kind, url, proc, headers: {} };
  }
  // Hive Gateway: its CLI with a config file that overrides each subgraph's location and
  // adds the static gateway token; response caching is not configured (off by default).
  const config = path.join(setup.tmpDir, "hive-gateway.config.mjs");
  const transportEntries = Object.fromEntries(
    Object.entries(setup.subgraphUrls).map(([name, url]) => [name, { location: url, headers: [["x-gateway-token", setup.staticInternalToken]] }]),
  );
  fs.writeFileSync(config, `export const gatewayConfig = ${JSON.stringify({ supergraph, transportEntries, logging: "warn" }, null, 2)};\n`);
  const port = await freePort();
  const bin = path.join(setup.root, "node_modules", "@graphql-hive", "gateway", "dist", "bin.js");
  const proc = spawnGroup(
    "hive",
    process.execPath,
    // hive-rust: the same CLI with Hive Router's Rust query planner (@graphql-hive/router-runtime, a dev dependency).
    [...extraNodeArgs, bin, "supergraph", supergraph, "-c", config, "--host", "127.0.0.1", "--port", String(port), "--fork", String(setup.workers), ...(kind === "hive-rust" ? ["--hive-router-runtime"] : [])],
    { NODE_ENV: "production", CONFIG_PATH: config },
    { echo: setup.echo, cwd: setup.tmpDir },
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 90000;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`hive exited before it was ready:\n${proc.output()}`);
    try {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`hive not ready within 90 s:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { kind, url, proc, headers: {} };
}
