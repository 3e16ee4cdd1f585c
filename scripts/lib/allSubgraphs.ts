import fs from "node:fs";
import path from "node:path";
import type { SubgraphDefinition } from "../../subgraphs/kit";
import { readSupergraphConfig } from "../../schema/tooling/supergraphConfig";

/** The checkout's root (this file is scripts/lib/ in the source and under dist/). */
function rootOf(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, "schema", "supergraph.yaml"))) return d;
    if (path.dirname(d) === d) return path.resolve(".");
  }
}

/**
 * A subgraph's definition by its name: every folder's subgraph.ts exports `<name>Subgraph`
 * (subgraphs/kit/README.md), so no list of names is kept here.
 */
export function subgraphDefinition(name: string): SubgraphDefinition<any, any> {
  const definition = require(path.join(__dirname, "..", "..", "subgraphs", name, "subgraph"))[`${name}Subgraph`];
  if (!definition || definition.name !== name) throw new Error(`subgraphs/${name}/subgraph.ts must export ${name}Subgraph, a SubgraphDefinition named "${name}"`);
  return definition;
}

/**
 * Our subgraphs' definitions, for tools that work on their databases (the seed generator)
 * and their access matrices: every subgraph in schema/supergraph.yaml with a folder here (a
 * partner's, registered but built elsewhere, has none). Safe in one process as long as
 * nothing builds their schemas here.
 */
export function allSubgraphs(): SubgraphDefinition<any, any>[] {
  const names = readSupergraphConfig(path.join(rootOf(__dirname), "schema", "supergraph.yaml")).subgraphs.map((s) => s.name);
  return names.filter((name) => fs.existsSync(path.join(__dirname, "..", "..", "subgraphs", name))).map(subgraphDefinition);
}
