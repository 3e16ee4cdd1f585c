import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";

/** This subgraph's own name: it merges the sources and is one itself (contacts, complaints). */
export const SELF = "customers";

export interface SourceEntry {
  name: string;
  /** Whose ids the source keys its records by (kit customer360Source's identitySystem). */
  identitySystem: string;
}

/**
 * The sources merged into the timeline, open matters and customer lookup, read from
 * schema/customer360-sources.yaml: a partner joins with one line there, no code change
 * (PARTNERS.md). Each source implements the kit's customer360Source fields. An entry is a
 * subgraph name, or `{ name, identitySystem }` for a source keyed by another system's ids
 * (a field contractor working on the maker's registrations).
 */
export function loadSources(configPath = process.env.CUSTOMER360_SOURCES ?? path.join(process.cwd(), "schema", "customer360-sources.yaml")): SourceEntry[] {
  if (!fs.existsSync(configPath)) throw new Error(`customer 360 source list not found at ${configPath} (set CUSTOMER360_SOURCES)`);
  const config = parse(fs.readFileSync(configPath, "utf8")) as { sources?: unknown };
  if (!Array.isArray(config.sources)) throw new Error(`${configPath}: expected a "sources:" list of subgraph names`);
  const entries = config.sources.map((raw: unknown): SourceEntry => {
    const entry = typeof raw === "string" ? { name: raw, identitySystem: raw } : (raw as Partial<SourceEntry>);
    const name = String(entry?.name ?? "");
    if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) throw new Error(`source "${name}" in ${configPath} must be a lowerCamel subgraph name (it becomes a field name)`);
    return { name, identitySystem: entry.identitySystem ? String(entry.identitySystem) : name };
  });
  const unique = new Map(entries.filter((e) => e.name !== SELF).map((e) => [e.name, e]));
  return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const ENTRIES = loadSources();

export const SOURCES: readonly string[] = ENTRIES.map((e) => e.name);

/** Whose ids a source's records are keyed by. */
export function identitySystemOf(source: string): string {
  return ENTRIES.find((e) => e.name === source)?.identitySystem ?? source;
}
