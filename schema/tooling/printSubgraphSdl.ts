import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Our own subgraphs generate their SDL from code (`main.js --print-sdl`, one process each:
 * type-graphql's metadata is global). Returns null for a subgraph that is not ours to build
 * (a partner's), whose checked-in SDL file is the source of truth.
 */
export function printSubgraphSdl(name: string, root: string): string | null {
  const main = path.join(root, "dist", "subgraphs", name, "main.js");
  if (!fs.existsSync(main)) return null;
  return execFileSync(process.execPath, [main, "--print-sdl"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}
