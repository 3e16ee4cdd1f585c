import fs from "node:fs";
import type { SupergraphSdlHook } from "@apollo/gateway";

export interface SupergraphSourceOptions {
  /** A supergraph file to serve and watch (SUPERGRAPH_PATH). */
  path?: string;
  /** Or a URL to poll for the supergraph SDL (SUPERGRAPH_URL). */
  url?: string;
  /** How often to look for a change. @default 1000 */
  pollMs: number;
  /** Told about every accepted supergraph, e.g. to refresh /ready's list of subgraphs. */
  onLoaded?: (sdl: string) => void;
  log?: (message: string) => void;
}

async function readSupergraph(options: SupergraphSourceOptions): Promise<string> {
  if (options.url) {
    const response = await fetch(options.url, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`GET ${options.url} answered ${response.status}`);
    return response.text();
  }
  return fs.promises.readFile(options.path!, "utf8");
}

/**
 * Hot reload: the gateway serves the supergraph it finds at start, then looks for a new
 * one every `pollMs` (file content or URL body). A new supergraph goes live without a
 * restart; one that fails to load is rejected and logged, and the previous one keeps
 * serving. Apollo Gateway runs each request on the schema it started with, so in-flight
 * requests finish on their schema.
 */
export function supergraphSource(options: SupergraphSourceOptions): SupergraphSdlHook {
  const log = options.log ?? ((message: string) => console.log(`[gateway] ${message}`));
  return async ({ update }) => {
    let current = await readSupergraph(options);
    options.onLoaded?.(current);
    let checking = false;
    const timer = setInterval(async () => {
      if (checking) return;
      checking = true;
      try {
        const next = await readSupergraph(options);
        if (next === current) return;
        try {
          update(next);
          current = next;
          options.onLoaded?.(next);
          log("serving a new supergraph");
        } catch (error) {
          // Remember it so a broken file is reported once, not every poll.
          current = next;
          log(`rejected a new supergraph, still serving the previous one: ${(error as Error).message.split("\n")[0]}`);
        }
      } catch (error) {
        log(`could not read the supergraph: ${(error as Error).message}`);
      } finally {
        checking = false;
      }
    }, options.pollMs);
    timer.unref();
    return { supergraphSdl: current, cleanup: async () => clearInterval(timer) };
  };
}
