import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";

/** One entry of schema/supergraph.yaml (rover's supergraph config format). */
export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  /** Absolute path of the subgraph's SDL file. */
  sdlPath: string;
}

export interface SupergraphConfig {
  path: string;
  subgraphs: SubgraphEntry[];
}

export function readSupergraphConfig(configPath: string): SupergraphConfig {
  if (!fs.existsSync(configPath)) throw new Error(`no supergraph config at ${configPath}`);
  const raw = parse(fs.readFileSync(configPath, "utf8")) as { subgraphs?: Record<string, { routing_url?: string; schema?: { file?: string } }> };
  const dir = path.dirname(configPath);
  const subgraphs = Object.entries(raw.subgraphs ?? {}).map(([name, entry]) => {
    if (!entry?.routing_url) throw new Error(`${configPath}: subgraph "${name}" has no routing_url`);
    if (!entry.schema?.file) throw new Error(`${configPath}: subgraph "${name}" has no schema.file`);
    return { name, routingUrl: entry.routing_url, sdlPath: path.resolve(dir, entry.schema.file) };
  });
  if (subgraphs.length === 0) throw new Error(`${configPath} lists no subgraphs`);
  return { path: configPath, subgraphs };
}
