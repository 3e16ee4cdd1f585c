import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DATABASE_TARGETS } from "./databases";
import { ROOT, startGraph, type Graph } from "./graphHarness";
import { SHARED_GRAPHS_FILE_ENV, type SharedGraphsFile } from "./sharedGraph";

/*
 * Jest global setup: one graph per database target (SQLite; PostgreSQL when DATABASE_URL is
 * set) for the suites that call sharedGraph(), instead of a graph per suite and target
 * (each start is ~8 CPU-seconds of subgraph processes). It runs in jest's parent process:
 * the gateway listens there, suites in the workers reach it over HTTP. Where the graphs are
 * goes to a JSON file named by C360_SHARED_GRAPHS_FILE (workers inherit the variable).
 * A run that selects no such suite starts nothing.
 */

interface SetupConfig {
  rootDir: string;
  testPathPatterns?: { isSet(): boolean; toExecutor(options: { rootDir: string }): { isMatch(absPath: string): boolean } };
}

const running = globalThis as typeof globalThis & { __sharedGraphs?: { graphs: Graph[]; dir: string } };

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : testFiles(full);
    return entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Whether the run selects a suite that shares a graph (every suite when no path is given). */
function runNeedsSharedGraph(config: SetupConfig): boolean {
  const sharing = testFiles(path.join(ROOT, "tests")).filter((file) => /\bsharedGraph\(/.test(fs.readFileSync(file, "utf8")));
  const patterns = config.testPathPatterns;
  if (!patterns?.isSet()) return sharing.length > 0;
  const executor = patterns.toExecutor({ rootDir: config.rootDir });
  return sharing.some((file) => executor.isMatch(file));
}

export default async function startSharedGraphs(globalConfig: SetupConfig): Promise<void> {
  if (!runNeedsSharedGraph(globalConfig)) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-shared-graphs-"));
  const targets = DATABASE_TARGETS.filter((target) => target.label === "sqlite" || target.databaseUrl);
  const settled = await Promise.allSettled(targets.map((target) => startGraph(target)));
  const graphs = settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failed) {
    // Jest runs no teardown after a failed setup: end what did start.
    await Promise.all(graphs.map((graph) => graph.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
    throw failed.reason;
  }
  running.__sharedGraphs = { graphs, dir };
  const file: SharedGraphsFile = {};
  targets.forEach((target, i) => {
    const graph = graphs[i];
    file[target.label] = {
      gatewayUrl: graph.gateway.url,
      dataDir: graph.dataDir,
      databaseUrl: target.databaseUrl ?? "",
      schemaPrefix: graph.schemaPrefix,
      internalKeys: graph.internalKeys,
      subgraphUrls: Object.fromEntries([...graph.subgraphs].map(([name, service]) => [name, service.url])),
    };
  });
  const filePath = path.join(dir, "shared-graphs.json");
  fs.writeFileSync(filePath, JSON.stringify(file, null, 2));
  process.env[SHARED_GRAPHS_FILE_ENV] = filePath;
}
