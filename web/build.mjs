// Builds the browser apps (the rep console and GraphiQL) into dist/web/ with Vite, as part of
// `npm run build`. Skipped when nothing they are built from changed since the last build (a
// hash of those files is kept in dist/web/.inputs-hash): `npm run token`, `npm start` and
// `npm test` all build first, and only a change to the apps should cost a Vite run.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "dist", "web");
const STAMP = path.join(OUT, ".inputs-hash");
const APPS = ["console", "graphiql", "analyst"];
// What the bundles are made of: their source, the typed client, the stored operations
// (GraphiQL's saved tabs) and the locked dependency versions.
const INPUTS = ["web", "client/generated", "schema/operations", "common/errorCodes.ts", "package-lock.json"];

function filesUnder(relative) {
  const full = path.join(ROOT, relative);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [relative];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

function inputsHash() {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap(filesUnder)) hash.update(file).update("\0").update(fs.readFileSync(path.join(ROOT, file))).update("\0");
  return hash.digest("hex");
}

const hash = inputsHash();
const built = APPS.every((app) => fs.existsSync(path.join(OUT, app, "index.html")));
if (built && !process.argv.includes("--force") && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash) process.exit(0);

const started = Date.now();
for (const app of APPS) await build({ configFile: path.join(ROOT, "web", "vite.config.ts"), mode: app });
fs.writeFileSync(STAMP, hash);
console.log(`web: built ${APPS.join(", ")} into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
