import fs from "node:fs";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import type { SupergraphConfig } from "./supergraphConfig";

export interface CompositionOutcome {
  supergraphSdl?: string;
  /** Readable lines: "[CODE] message", one per composition error. */
  errors: string[];
}

/** Composes the subgraphs' SDL files with @apollo/composition; errors come back as values. */
export function composeSupergraph(config: SupergraphConfig, sdlOverrides: Record<string, string> = {}): CompositionOutcome {
  const services = [];
  const errors: string[] = [];
  for (const subgraph of config.subgraphs) {
    const sdl = sdlOverrides[subgraph.name] ?? (fs.existsSync(subgraph.sdlPath) ? fs.readFileSync(subgraph.sdlPath, "utf8") : undefined);
    if (sdl === undefined) {
      errors.push(`[MISSING_SDL] subgraph "${subgraph.name}": no SDL file at ${subgraph.sdlPath}`);
      continue;
    }
    try {
      services.push({ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(sdl) });
    } catch (error) {
      errors.push(`[INVALID_GRAPHQL] subgraph "${subgraph.name}": ${(error as Error).message}`);
    }
  }
  if (errors.length) return { errors };
  const result = composeServices(services);
  if (result.errors) {
    return { errors: result.errors.map((error) => `[${(error.extensions?.code as string) ?? "COMPOSITION_ERROR"}] ${error.message}`) };
  }
  return { supergraphSdl: result.supergraphSdl, errors: [] };
}
