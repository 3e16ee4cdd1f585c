import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { allSubgraphs } from "./lib/allSubgraphs";
import { renderAccessMatrix, withAccessMatrix } from "./lib/accessMatrixTable";

const USAGE = `usage: npm run docs:matrix [-- --check]

Writes the role matrix in docs/SECURITY.md from every subgraph's accessMatrix.ts.
--check  changes nothing; exits 1 when the doc is stale.`;

function main(): void {
  if (process.argv.includes("--help")) return void console.log(USAGE);
  const file = path.resolve("docs", "SECURITY.md");
  const doc = fs.readFileSync(file, "utf8");
  const next = withAccessMatrix(doc, renderAccessMatrix(Object.fromEntries(allSubgraphs().map((definition) => [definition.name, definition.accessMatrix]))));
  if (process.argv.includes("--check")) {
    if (next !== doc) {
      console.error("docs/SECURITY.md's role matrix is stale: run npm run docs:matrix");
      process.exit(1);
    }
    return void console.log("docs/SECURITY.md's role matrix is up to date");
  }
  fs.writeFileSync(file, next);
  console.log(next === doc ? "docs/SECURITY.md's role matrix was already up to date" : "wrote the role matrix in docs/SECURITY.md");
}

main();
