import fs from "node:fs";
import path from "node:path";
import { CATALOGUE_END, CATALOGUE_START, readCatalogue, renderCatalogue } from "../../scripts/lib/eventCatalogueTable";
import { EVENT_TYPES_BY_KIND } from "../../subgraphs/kit/events/catalogue";

/*
 * PARTNERS.md's event catalogue is the one generated from subgraphs/kit/events/catalogue.ts
 * (node dist/scripts/eventCatalogueDoc.js): a new event type, or a new payload field, that is
 * not in the doc fails here.
 */
const doc = fs.readFileSync(path.resolve(__dirname, "..", "..", "PARTNERS.md"), "utf8");

describe("PARTNERS.md's event catalogue", () => {
  const catalogue = readCatalogue();

  it("is the one generated from the catalogue's types", () => {
    const start = doc.indexOf(CATALOGUE_START);
    const end = doc.indexOf(CATALOGUE_END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(doc.slice(start, end + CATALOGUE_END.length)).toBe(renderCatalogue(catalogue));
  });

  it("has a row for every event type, each with a timeline kind and its payload fields", () => {
    const types = [...new Set(Object.values(EVENT_TYPES_BY_KIND).map((entry) => entry.type))].sort();
    expect(catalogue.events.map((event) => event.type).sort()).toEqual(types);
    for (const type of types) expect(doc).toContain(`| \`${type}\` |`);
    // The compiler resolved the payload intersections: the identity event's own fields are listed.
    const identity = catalogue.events.find((event) => event.type === "identity.registered")!;
    expect(identity.fields).toEqual(expect.arrayContaining(["system: string", "identityId: string", "mobile: string | null", "sharedPhone: boolean | null"]));
    expect(identity.recordedBy).toEqual(["aftersales", "billing", "orders", "security"]);
  });
});
