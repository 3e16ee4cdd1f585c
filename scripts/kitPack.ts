import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const USAGE = `usage: npm run kit:pack [-- --out build]

Builds @customer360/kit, the package a partner's subgraph depends on from its own repository:
subgraphs/kit and common compiled with type declarations, exporting the kit and the shared
value types (Actor, Handler, Commitment, OpenMatter, TimelineEvent, ...) as classes.
Writes <out>/customer360-kit-<version>.tgz (npm pack) and prints its path.
  --out <dir>   where the tarball goes   default build
Exit codes: 0 packed, 1 the build or npm pack failed, 2 bad usage.`;

const ROOT = path.resolve(__dirname, "..", "..");
/** What a partner's own code imports too: one copy of each, the partner's (type-graphql keeps global metadata). */
const PEERS = ["graphql", "type-graphql", "reflect-metadata", "kysely"];

/** Every bare package the compiled kit requires, at the version our package.json pins. */
function runtimeDependencies(dir: string, pinned: Record<string, string>): Record<string, string> {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".js")) {
        for (const m of fs.readFileSync(full, "utf8").matchAll(/require\("([^."][^"]*)"\)/g)) {
          const name = m[1].startsWith("@") ? m[1].split("/").slice(0, 2).join("/") : m[1].split("/")[0];
          if (!name.startsWith("node:")) found.add(name);
        }
      }
    }
  };
  walk(dir);
  const deps: Record<string, string> = {};
  for (const name of [...found].sort()) {
    if (!pinned[name]) throw new Error(`the kit requires "${name}", which package.json does not pin`);
    deps[name] = pinned[name];
  }
  return deps;
}

export function packKit(outDir: string): string {
  const buildDir = path.join(ROOT, "build", "kit-package");
  fs.rmSync(buildDir, { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "kit-package", "tsconfig.json")], { cwd: ROOT, stdio: "inherit" });
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const pinned = { ...root.dependencies, ...root.devDependencies };
  const all = runtimeDependencies(buildDir, pinned);
  const peerDependencies = Object.fromEntries(PEERS.map((name) => [name, pinned[name]]));
  const dependencies = Object.fromEntries(Object.entries(all).filter(([name]) => !PEERS.includes(name)));
  const manifest = {
    name: "@customer360/kit",
    version: root.version,
    description: "The customer-360 subgraph kit and shared value types, for partner subgraphs (PARTNERS.md).",
    license: root.license,
    main: "kit-package/index.js",
    types: "kit-package/index.d.ts",
    engines: root.engines,
    dependencies,
    peerDependencies,
  };
  fs.writeFileSync(path.join(buildDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.copyFileSync(path.join(ROOT, "kit-package", "README.md"), path.join(buildDir, "README.md"));
  fs.mkdirSync(outDir, { recursive: true });
  const output = execFileSync("npm", ["pack", "--silent", "--pack-destination", outDir], { cwd: buildDir, encoding: "utf8" });
  return path.join(outDir, output.trim().split("\n").pop()!);
}

function main(): number {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.find((a, i) => a.startsWith("-") && a !== "--out" && args[i - 1] !== "--out");
  if (unknown || (args.includes("--out") && !args[args.indexOf("--out") + 1])) {
    console.error(`kit:pack: ${unknown ? `unknown argument "${unknown}"` : "--out needs a value"}\n\n${USAGE}`);
    return 2;
  }
  const out = path.resolve(args.includes("--out") ? args[args.indexOf("--out") + 1] : path.join(ROOT, "build"));
  try {
    console.log(packKit(out));
    return 0;
  } catch (error) {
    console.error(`kit:pack: ${(error as Error).message}`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main();
