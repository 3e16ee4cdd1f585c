import fs from "node:fs";
import type { RunningGateway } from "../../gateway/startGateway";
import type { InternalKeyFiles } from "../../scripts/lib/internalKeys";
import type { ServiceProcess } from "../../scripts/lib/serviceProcess";
import type { DatabaseTarget } from "./databases";
import { connectGraphClient, type GraphAddress } from "./graphClient";
import { startGraph, type Graph } from "./graphHarness";

/** The environment variable naming the file where jest's global setup describes the shared graphs. */
export const SHARED_GRAPHS_FILE_ENV = "C360_SHARED_GRAPHS_FILE";

/** One shared graph, as written by tests/helpers/sharedGraphSetup.ts. */
export interface SharedGraphAddress extends GraphAddress {
  subgraphUrls: Record<string, string>;
  internalKeys: InternalKeyFiles;
}

export type SharedGraphsFile = Partial<Record<DatabaseTarget["label"], SharedGraphAddress>>;

/**
 * The graph on `target` that every suite in the run may share: started once by jest's
 * global setup (tests/helpers/sharedGraphSetup.ts) with default settings. Only for suites
 * that read seeded data, or write only rows of their own under their own ids, and assert
 * nothing about the graph as a whole (counts of all rows, all events): they cannot tell
 * it from a graph of their own. A suite that stops or kills subgraphs, needs other
 * settings, changes seeded data or counts globally calls startGraph instead.
 *
 * stop() closes only what the suite opened (its database handles); the graph stays up.
 * Without a shared graph (a run whose setup did not start one), it starts the suite's own.
 */
export async function sharedGraph(target: DatabaseTarget = { label: "sqlite" }): Promise<Graph> {
  const file = process.env[SHARED_GRAPHS_FILE_ENV];
  const address = file && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as SharedGraphsFile)[target.label] : undefined;
  if (!address || address.databaseUrl !== (target.databaseUrl ?? "")) return startGraph(target);
  const client = await connectGraphClient(address);
  const refuse = async (): Promise<never> => {
    throw new Error("the shared graph's subgraphs are not a suite's to stop or restart: use startGraph");
  };
  return {
    // Only the URL of the gateway (it runs in jest's parent process) and of each subgraph.
    gateway: { url: address.gatewayUrl } as RunningGateway,
    subgraphs: new Map(Object.entries(address.subgraphUrls).map(([name, url]) => [name, { name, url } as ServiceProcess])),
    dataDir: address.dataDir,
    schemaPrefix: address.schemaPrefix,
    internalKeys: address.internalKeys,
    token: client.token,
    query: client.query,
    database: client.database,
    stopSubgraph: refuse,
    killSubgraph: refuse,
    restartSubgraph: refuse,
    stop: () => client.close(),
  };
}
