import fs from "node:fs";
import type { Graph } from "./graphHarness";

/** Jest global teardown: stops the graphs tests/helpers/sharedGraphSetup.ts started. */
export default async function stopSharedGraphs(): Promise<void> {
  const running = (globalThis as typeof globalThis & { __sharedGraphs?: { graphs: Graph[]; dir: string } }).__sharedGraphs;
  if (!running) return;
  await Promise.all(running.graphs.map((graph) => graph.stop()));
  fs.rmSync(running.dir, { recursive: true, force: true });
}
