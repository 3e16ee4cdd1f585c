import fs from "node:fs";
import path from "node:path";
import { composeSupergraph } from "../schema/tooling/composeSupergraph";
import { printSubgraphSdl } from "../schema/tooling/printSubgraphSdl";
import { readSupergraphConfig } from "../schema/tooling/supergraphConfig";

const USAGE = `usage: npm run compose [-- --config schema/supergraph.yaml] [--out schema/supergraph.graphql] [--check]

Regenerates each of our subgraphs' SDL from code into the file supergraph.yaml names,
composes them with @apollo/composition and writes the supergraph.
  --check   write nothing; exit 1 if any SDL file or the supergraph is stale
Exit codes: 0 ok, 1 composition errors or stale files, 2 bad usage.`;

function argValue(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

function main(): number {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const root = process.cwd();
  const configPath = path.resolve(argValue(args, "--config") ?? "schema/supergraph.yaml");
  const outPath = path.resolve(argValue(args, "--out") ?? path.join(path.dirname(configPath), "supergraph.graphql"));
  const check = args.includes("--check");
  const config = readSupergraphConfig(configPath);

  const stale: string[] = [];
  const generated: Record<string, string> = {};
  for (const subgraph of config.subgraphs) {
    const sdl = printSubgraphSdl(subgraph.name, root);
    if (sdl === null) continue;
    generated[subgraph.name] = sdl;
    const current = fs.existsSync(subgraph.sdlPath) ? fs.readFileSync(subgraph.sdlPath, "utf8") : "";
    if (current !== sdl) {
      stale.push(path.relative(root, subgraph.sdlPath));
      if (!check) {
        fs.mkdirSync(path.dirname(subgraph.sdlPath), { recursive: true });
        fs.writeFileSync(subgraph.sdlPath, sdl);
      }
    }
  }

  const outcome = composeSupergraph(config, generated);
  if (outcome.errors.length) {
    console.error(`composition failed with ${outcome.errors.length} error(s):`);
    for (const line of outcome.errors) console.error(`  - ${line}`);
    return 1;
  }
  const current = fs.existsSync(outPath) ? fs.readFileSync(outPath, "utf8") : "";
  if (current !== outcome.supergraphSdl) {
    stale.push(path.relative(root, outPath));
    if (!check) fs.writeFileSync(outPath, outcome.supergraphSdl!);
  }
  if (check) {
    if (stale.length) {
      console.error(`stale (run \`npm run compose\` and commit): ${stale.join(", ")}`);
      return 1;
    }
    console.log("schema files are up to date");
    return 0;
  }
  console.log(stale.length ? `wrote ${stale.join(", ")}` : "schema files were already up to date");
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`compose: ${(error as Error).message}`);
  process.exitCode = 2;
}
