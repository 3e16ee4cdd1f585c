import fs from "node:fs";
import { parse } from "yaml";
import { customersConfig } from "./config";

/** This subgraph's own name: it merges the sources and is one itself (contacts, complaints). */
export const SELF = "customers";

export interface SourceEntry {
  name: string;
  /** Whose ids the source keys its records by (kit customer360Source's identitySystem). */
  identitySystem: string;
}

/** Where the list is: the started process's CUSTOMER360_SOURCES, else the checkout's schema/customer360-sources.yaml (config.ts). */
export function sourcesPath(): string {
  return customersConfig().sourcesPath;
}

/** Parses a source list file's text (see loadSources); `where` names it in errors. */
export function parseSources(text: string, where: string): SourceEntry[] {
  const config = parse(text) as { sources?: unknown } | null;
  if (!Array.isArray(config?.sources)) throw new Error(`${where}: expected a "sources:" list of subgraph names`);
  const entries = config.sources.map((raw: unknown): SourceEntry => {
    const entry = typeof raw === "string" ? { name: raw, identitySystem: raw } : (raw as Partial<SourceEntry>);
    const name = String(entry?.name ?? "");
    if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) throw new Error(`source "${name}" in ${where} must be a lowerCamel subgraph name (it becomes a field name)`);
    return { name, identitySystem: entry.identitySystem ? String(entry.identitySystem) : name };
  });
  const unique = new Map(entries.filter((e) => e.name !== SELF).map((e) => [e.name, e]));
  return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The sources merged into the timeline, open matters and customer lookup, read from
 * schema/customer360-sources.yaml: a partner joins with one line there, no code change
 * (PARTNERS.md). Each source implements the kit's customer360Source fields. An entry is a
 * subgraph name, or `{ name, identitySystem }` for a source keyed by another system's ids
 * (a field contractor working on the maker's registrations).
 */
export function loadSources(configPath = sourcesPath()): SourceEntry[] {
  if (!fs.existsSync(configPath)) throw new Error(`customer 360 source list not found at ${configPath} (set CUSTOMER360_SOURCES)`);
  return parseSources(fs.readFileSync(configPath, "utf8"), configPath);
}

/** Empty until the process starts: customersSubgraph.configure passes the list in (replaceSources). */
let entries: SourceEntry[] = [];

/**
 * The current source names, sorted. The list is live (watchSources): it is replaced in
 * place, so every module that imported it sees the new list as soon as the new schema
 * is served.
 */
export const SOURCES: string[] = [];

/** Whose ids a source's records are keyed by. */
export function identitySystemOf(source: string): string {
  return entries.find((e) => e.name === source)?.identitySystem ?? source;
}

/** Makes `next` the source list (the caller rebuilds the schema from it). */
export function replaceSources(next: SourceEntry[]): void {
  entries = next;
  SOURCES.splice(0, SOURCES.length, ...next.map((e) => e.name));
}

/**
 * Looks at the source list file every `pollMs` (like the gateway's supergraph): a changed,
 * valid list becomes the current one and `changed` is told, so the subgraph serves the new
 * merge fields without a restart. A broken file is reported once and the previous list
 * stays. Returns a function that stops watching.
 */
export function watchSources(changed: (sources: readonly string[]) => void, options: { pollMs?: number; log?: (message: string) => void } = {}): () => void {
  const file = sourcesPath();
  const log = options.log ?? ((message: string) => console.log(`[${SELF}] ${message}`));
  let lastText = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const timer = setInterval(() => {
    fs.readFile(file, "utf8", (error, text) => {
      if (error || text === lastText) return;
      lastText = text;
      try {
        const next = parseSources(text, file);
        if (next.map((e) => `${e.name}:${e.identitySystem}`).join() === entries.map((e) => `${e.name}:${e.identitySystem}`).join()) return;
        replaceSources(next);
        log(`source list changed: ${SOURCES.join(", ")}`);
        changed(SOURCES);
      } catch (parseError) {
        log(`rejected a new source list, still merging ${SOURCES.join(", ")}: ${(parseError as Error).message}`);
      }
    });
  }, options.pollMs ?? customersConfig().sourcesPollMs);
  timer.unref();
  return () => clearInterval(timer);
}
