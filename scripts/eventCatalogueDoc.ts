import fs from "node:fs";
import path from "node:path";
import { renderCatalogue, withCatalogue } from "./lib/eventCatalogueTable";

const USAGE = `usage: node dist/scripts/eventCatalogueDoc.js [--check]

Writes the event catalogue in PARTNERS.md ("Events") from subgraphs/kit/events/catalogue.ts.
--check  changes nothing; exits 1 when the doc is stale.`;

function main(): void {
  if (process.argv.includes("--help")) return void console.log(USAGE);
  const file = path.resolve("PARTNERS.md");
  const doc = fs.readFileSync(file, "utf8");
  const next = withCatalogue(doc, renderCatalogue());
  if (process.argv.includes("--check")) {
    if (next !== doc) {
      console.error("PARTNERS.md's event catalogue is stale: run node dist/scripts/eventCatalogueDoc.js");
      process.exit(1);
    }
    return void console.log("PARTNERS.md's event catalogue is up to date");
  }
  fs.writeFileSync(file, next);
  console.log(next === doc ? "PARTNERS.md's event catalogue was already up to date" : "wrote the event catalogue in PARTNERS.md");
}

main();
