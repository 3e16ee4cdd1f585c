import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";

/** This subgraph's own name: it merges the sources and is one itself (contacts, complaints). */
export const SELF = "customers";

/**
 * The sources merged into the timeline, open matters and customer lookup, read from
 * schema/customer360-sources.yaml: a partner joins with one line there, no code change
 * (PARTNERS.md). Each source implements the kit's customer360Source fields.
 */
export function loadSourceNames(configPath = process.env.CUSTOMER360_SOURCES ?? path.join(process.cwd(), "schema", "customer360-sources.yaml")): string[] {
  if (!fs.existsSync(configPath)) throw new Error(`customer 360 source list not found at ${configPath} (set CUSTOMER360_SOURCES)`);
  const config = parse(fs.readFileSync(configPath, "utf8")) as { sources?: unknown };
  if (!Array.isArray(config.sources)) throw new Error(`${configPath}: expected a "sources:" list of subgraph names`);
  const names = config.sources.map(String).filter((name) => name !== SELF);
  for (const name of names) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) throw new Error(`source "${name}" in ${configPath} must be a lowerCamel subgraph name (it becomes a field name)`);
  }
  return [...new Set(names)].sort();
}

export const SOURCES: readonly string[] = loadSourceNames();
