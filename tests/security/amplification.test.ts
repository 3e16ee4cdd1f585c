import fs from "node:fs";
import path from "node:path";
import { parse } from "graphql";
import { expandedSize } from "../../gateway/plugins/expandedSelections";
import { DEFAULT_QUERY_LIMITS } from "../../gateway/plugins/queryLimits";
import { expectCodedErrors, ROOT, type Subgraphs } from "../gateway/helpers/gatewayHarness";
import { auditOnlySubgraphs, startProductionGateway, type ProductionGateway } from "./productionGateway";

const SPREADS = 330;
/** Issue 10 item 8: ~330 named fragment spreads of one cheap field. */
const amplified = (tag = "") =>
  `query Amplified { customer(id: "C-S1") { ${Array.from({ length: SPREADS }, (_, i) => `...F${tag}${i}`).join(" ")} } } ` +
  Array.from({ length: SPREADS }, (_, i) => `fragment F${tag}${i} on Customer { name }`).join(" ");
const AMPLIFIED = amplified();
/** One fragment spread 330 times (2 tokens a spread). */
const SAME_FRAGMENT = `query Same { customer(id: "C-S1") { ${Array.from({ length: SPREADS }, () => "...F").join(" ")} } } fragment F on Customer { name }`;
/** Each fragment spreads the next twice under two fields: 2^12 selections from a few hundred characters. */
const EXPONENTIAL =
  `query Exponential { customer(id: "C-S1") { ...G0 } } ` +
  Array.from({ length: 12 }, (_, i) => `fragment G${i} on Customer { a: name ${i < 11 ? `retailerAccounts { customer { ...G${i + 1} } } b: retailerAccounts { customer { ...G${i + 1} } }` : ""} }`).join(" ");

let subgraphs: Subgraphs;
let gateway: ProductionGateway;
let token: string;

beforeAll(async () => {
  subgraphs = await auditOnlySubgraphs();
  gateway = await startProductionGateway(subgraphs, { RATE_LIMIT_PER_MINUTE: "100000", RATE_LIMIT_PER_IP_PER_MINUTE: "100000" });
  token = await gateway.token();
});
afterAll(async () => {
  await gateway?.stop();
  await subgraphs?.stop();
});

describe("validation cost is bounded by limits counted after fragment expansion", () => {
  it.each([
    ["330 named fragments of one field", AMPLIFIED, /field "name" is selected 330 times in one selection set \(fragments included\)/],
    ["one fragment spread 330 times", SAME_FRAGMENT, /field "name" is selected 330 times/],
    ["fragments that double at every level", EXPONENTIAL, /selects \d+ fields once its fragments are expanded; at most 1000 allowed/],
  ])("refuses %s with 400 GRAPHQL_VALIDATION_FAILED", async (_label, document, message) => {
    const result = await gateway.query(document, token);
    expect(result.status).toBe(400);
    expectCodedErrors(result, "GRAPHQL_VALIDATION_FAILED");
    expect(result.body.errors!.map((e) => e.message).join("\n")).toMatch(message);
    expect(result.body.data).toBeUndefined();
  });

  // CPU per request is measured outside the test suite (figures in docs/SECURITY.md and the
  // session note): a timed assertion here would fail on a busy machine and prove nothing more.
  it("refuses every new variant of the document by its expanded size, so no cache of validated documents is needed", async () => {
    for (let variant = 0; variant < 5; variant++) {
      const result = await gateway.query(amplified(`v${variant}_`), token);
      expect(result.status).toBe(400);
      expectCodedErrors(result, "GRAPHQL_VALIDATION_FAILED");
      expect(result.body.errors!.map((e) => e.message).join("\n")).toMatch(/selected 330 times|selects \d+ fields/);
    }
  });

  it("leaves room for every trusted operation, THE 360 query included", () => {
    const dir = path.join(ROOT, "schema", "operations");
    const sizes = fs.readdirSync(dir).filter((f) => f.endsWith(".graphql")).map((f) => expandedSize(parse(fs.readFileSync(path.join(dir, f), "utf8"))));
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxExpandedSelections / 2);
  });
});
