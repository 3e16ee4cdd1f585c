import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { readGatewayConfig } from "../../../gateway/config";
import { startGateway, type RunningGateway } from "../../../gateway/startGateway";
import { composeSupergraph } from "../../../schema/tooling/composeSupergraph";
import { printSubgraphSdl } from "../../../schema/tooling/printSubgraphSdl";
import { readSupergraphConfig } from "../../../schema/tooling/supergraphConfig";
import { writeInternalKeyFiles, type InternalKeyFiles } from "../../../scripts/lib/internalKeys";
import { startServiceProcess, type ServiceProcess } from "../../../scripts/lib/serviceProcess";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
/** Every subgraph schema/supergraph.yaml lists, as `npm start` starts them. */
const SUBGRAPH_NAMES = readSupergraphConfig(path.join(ROOT, "schema", "supergraph.yaml")).subgraphs.map((subgraph) => subgraph.name);

export interface HttpResult {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, else the raw text (under `text`). */
  body: { data?: any; errors?: any[]; extensions?: any; text?: string } & Record<string, any>;
}

/**
 * The supergraph composed from the subgraphs' current built code, so these tests never depend
 * on whether schema/supergraph.graphql has been regenerated yet (the schema drift test guards
 * that file). Printing five subgraphs' SDL takes seconds, so the result is cached in the temp
 * folder under a key of dist/subgraphs' file sizes and times: each test file reuses it.
 * Needs dist/ (npx tsc -p tsconfig.build.json).
 */
export function composeTestSupergraph(): string {
  const hash = createHash("sha256");
  for (const entry of fs.readdirSync(path.join(ROOT, "dist", "subgraphs"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const stat = fs.statSync(file);
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  hash.update(fs.readFileSync(path.join(ROOT, "schema", "supergraph.yaml")));
  const cached = path.join(os.tmpdir(), `c360-gateway-tests-supergraph-${hash.digest("hex").slice(0, 16)}.graphql`);
  if (fs.existsSync(cached)) return cached;
  const config = readSupergraphConfig(path.join(ROOT, "schema", "supergraph.yaml"));
  const generated: Record<string, string> = {};
  for (const subgraph of config.subgraphs) {
    const sdl = printSubgraphSdl(subgraph.name, ROOT);
    if (sdl !== null) generated[subgraph.name] = sdl;
  }
  const outcome = composeSupergraph(config, generated);
  if (!outcome.supergraphSdl) throw new Error(`composition failed:\n${outcome.errors.join("\n")}`);
  // Write then rename: a parallel test file never reads half a supergraph.
  const partial = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(partial, outcome.supergraphSdl);
  fs.renameSync(partial, cached);
  return cached;
}

/** The real subgraphs (built code, child processes) trusting one internal signing key, plus a supergraph. */
export interface Subgraphs {
  dataDir: string;
  /** The gateway's internal key set (signingKeysFile) and the public set the subgraphs verify with (jwksFile). */
  internalKeys: InternalKeyFiles;
  supergraphPath: string;
  /** SUBGRAPH_URL_<NAME> variables pointing a gateway at these processes. */
  urlEnv: Record<string, string>;
  stop(): Promise<void>;
}

export async function startSubgraphs(): Promise<Subgraphs> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-gw-"));
  const internalKeys = await writeInternalKeyFiles(path.join(dataDir, "internal-keys"));
  const env = {
    PORT: "0",
    DATA_DIR: dataDir,
    INTERNAL_JWKS_FILE: internalKeys.jwksFile,
    DATABASE_URL: "",
    CUSTOMER360_SOURCES: path.join(ROOT, "schema", "customer360-sources.yaml"),
    NODE_ENV: "test",
  };
  const supergraphPath = composeTestSupergraph();
  const started = await Promise.allSettled(SUBGRAPH_NAMES.map((name) => startServiceProcess(name, path.join(ROOT, "dist", "subgraphs", name, "main.js"), env)));
  const services = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  const stop = async () => {
    await Promise.all(services.map((s: ServiceProcess) => s.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const urlEnv = Object.fromEntries(services.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, s.url]));
  return { dataDir, internalKeys, supergraphPath, urlEnv, stop };
}

/**
 * Subgraph URLs nobody listens on: enough for tests whose requests never leave the gateway
 * (refused before planning, or `{ __typename }` which the gateway answers itself).
 */
export async function deadSubgraphs(): Promise<Subgraphs> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-gw-"));
  const supergraphPath = composeTestSupergraph();
  const urlEnv = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`SUBGRAPH_URL_${name.toUpperCase()}`, "http://127.0.0.1:9/graphql"]));
  const internalKeys = await writeInternalKeyFiles(path.join(dataDir, "internal-keys"));
  return { dataDir, internalKeys, supergraphPath, urlEnv, stop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

export interface TestGateway {
  gateway: RunningGateway;
  url: string;
  /** Origin without /graphql, for other routes (/, /health). */
  origin: string;
  /** POSTs JSON (any body, including arrays) with the given headers. */
  post(body: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  /** A GraphQL request with a bearer token (pass null for none). */
  query(document: string, token: string | null, variables?: Record<string, unknown>, extra?: { headers?: Record<string, string>; extensions?: Record<string, unknown> }): Promise<HttpResult>;
  stop(): Promise<void>;
}

export async function readResult(response: Response): Promise<HttpResult> {
  const text = await response.text();
  let body: HttpResult["body"];
  try {
    body = JSON.parse(text);
  } catch {
    body = { text };
  }
  return { status: response.status, headers: response.headers, body };
}

/** The real gateway in-process, configured from environment variables like `npm start`. */
export async function startTestGateway(subgraphs: Subgraphs, env: Record<string, string> = {}): Promise<TestGateway> {
  const gateway = await startGateway(
    readGatewayConfig({
      PORT: "0",
      DATA_DIR: subgraphs.dataDir,
      INTERNAL_SIGNING_KEYS_FILE: subgraphs.internalKeys.signingKeysFile,
      SUPERGRAPH_PATH: subgraphs.supergraphPath,
      NODE_ENV: "test",
      ...subgraphs.urlEnv,
      ...env,
    }),
  );
  const post = async (body: unknown, headers: Record<string, string> = {}) =>
    readResult(await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }));
  return {
    gateway,
    url: gateway.url,
    origin: gateway.url.replace(/\/graphql$/, ""),
    post,
    query: (document, token, variables = {}, extra = {}) =>
      post({ query: document, variables, ...(extra.extensions ? { extensions: extra.extensions } : {}) }, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra.headers }),
    stop: () => gateway.stop(),
  };
}

/** Every error in a GraphQL answer carries a code and no stack trace. */
export function expectCodedErrors(result: HttpResult, code: string): void {
  expect(result.body.errors?.length).toBeGreaterThan(0);
  for (const error of result.body.errors ?? []) {
    expect(error.extensions?.code).toEqual(expect.any(String));
    expect(JSON.stringify(error)).not.toMatch(/stacktrace|\n\s+at /);
  }
  expect(result.body.errors!.map((e) => e.extensions.code)).toContain(code);
}
