import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";

/** This subgraph's own name; every other subgraph in the supergraph config is a source. */
export const SELF = "customers";

/**
 * The sources merged into the timeline, open matters and customer lookup: every subgraph
 * listed in schema/supergraph.yaml except this one. A partner joins by registering its
 * subgraph there; no line of code changes (PARTNERS.md). The kit gives every subgraph the
 * three source fields, so any listed subgraph can answer.
 */
export function loadSourceNames(configPath = process.env.SUPERGRAPH_CONFIG ?? path.join(process.cwd(), "schema", "supergraph.yaml")): string[] {
  if (!fs.existsSync(configPath)) throw new Error(`supergraph config not found at ${configPath} (set SUPERGRAPH_CONFIG)`);
  const config = parse(fs.readFileSync(configPath, "utf8")) as { subgraphs?: Record<string, unknown> };
  const names = Object.keys(config.subgraphs ?? {}).filter((name) => name !== SELF);
  for (const name of names) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) throw new Error(`subgraph name "${name}" in ${configPath} must be lowerCamel (it becomes a field name)`);
  }
  return names.sort();
}

export const SOURCES: readonly string[] = loadSourceNames();
