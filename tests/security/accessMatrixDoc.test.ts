import fs from "node:fs";
import path from "node:path";
import { renderAccessMatrix, TABLE_END, TABLE_START } from "../../scripts/lib/accessMatrixTable";
import { MATRICES } from "./rootFields";

describe("docs/SECURITY.md's role matrix", () => {
  it("is the one generated from the subgraphs' declarations (npm run docs:matrix)", () => {
    const doc = fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "SECURITY.md"), "utf8");
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(doc.slice(start, end + TABLE_END.length)).toBe(renderAccessMatrix(MATRICES));
  });
});
