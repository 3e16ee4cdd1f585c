import fs from "node:fs";
import path from "node:path";
import { parse, specifiedRules, validate } from "graphql";
import { loadTrustedDocuments } from "../../gateway/trustedDocuments";
import { DEFAULT_QUERY_LIMITS, queryLimits } from "../../gateway/plugins/queryLimits";
import { apiSchemaOf } from "../../schema/tooling/checkApiSchema";

const ROOT = path.resolve(__dirname, "..", "..");

/*
 * `npm run check` proves the stored operations valid against the schema; this proves the
 * gateway will also run them: its query limits (depth, aliases, repeated fields, cost...) are
 * validation rules too, and a client operation over them is refused at run time. (The
 * console's timeline subject once selected `status` nine times through inline fragments.)
 */
describe("stored operations (schema/operations) are within the gateway's query limits", () => {
  const schema = apiSchemaOf(fs.readFileSync(path.join(ROOT, "schema", "supergraph.graphql"), "utf8"));
  const limits = queryLimits(DEFAULT_QUERY_LIMITS, true);
  const trusted = [...loadTrustedDocuments(path.join(ROOT, "schema", "operations")).byId.values()];

  it("has the console's operations among them", () => {
    expect(trusted.map((d) => d.name)).toEqual(expect.arrayContaining(["ConsoleFind", "ConsoleCustomer", "ConsoleTimeline", "ConsoleSecurityDetail", "ConsoleStartVerification", "ConsoleConfirmVerification"]));
  });

  it.each(trusted.map((d) => [d.name, d] as const))("%s passes every validation rule the gateway applies", (_name, document) => {
    const errors = validate(schema, parse(document.body, limits.parseOptions), [...specifiedRules, ...limits.validationRules]);
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it("the limits are live in this check: a field selected 6 times through inline fragments is refused", () => {
    const body = `query { customer(id: "C-S1") { timeline { result { entries { subject { ${["Order", "Invoice", "ServiceCase", "Visit", "Invoice", "Order"].map((t) => `... on ${t} { status }`).join(" ")} } } } } } }`;
    const errors = validate(schema, parse(body), [...specifiedRules, ...limits.validationRules]);
    expect(errors.map((e) => e.message).join("\n")).toMatch(/"status" is selected 6 times/);
  });
});
