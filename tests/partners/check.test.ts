import fs from "node:fs";
import path from "node:path";
import { check, composedSchemaCopy, copyOf, editField, register } from "./schemaCopy";

/*
 * `npm run check` (scripts/check.ts) on copies of schema/, mutated the ways changes go wrong.
 * Runs the built script (npm test builds first) as a child process.
 */
describe("npm run check", () => {
  let pristine: string;
  const copies: string[] = [];
  const fresh = () => {
    const dir = copyOf(pristine);
    copies.push(dir);
    return dir;
  };
  beforeAll(() => {
    pristine = composedSchemaCopy();
  });
  afterAll(() => {
    for (const dir of [pristine, ...copies]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("passes (exit 0) when nothing changed, having validated the stored operations", () => {
    const dir = fresh();
    const result = check(dir);
    expect(result.output).toContain("check passed");
    expect(result.output).toMatch(/ok {3}operations: all [1-9]\d* in \d+ files validate/);
    expect(result.status).toBe(0);
    // It writes nothing: the copy is byte-identical afterwards.
    expect(fs.readFileSync(path.join(dir, "supergraph.graphql"), "utf8")).toBe(fs.readFileSync(path.join(pristine, "supergraph.graphql"), "utf8"));
  });

  it("fails (exit 1) naming the operation and the field when a field an operation uses is removed", () => {
    const dir = fresh();
    fs.writeFileSync(
      path.join(dir, "operations", "probe.graphql"),
      `# A partner's dispatch app reads the maker's visit window.\nquery DispatchWindow($id: String!) {\n  visit(id: $id) {\n    id\n    windowStart\n  }\n}\n`,
    );
    expect(check(dir).status).toBe(0);
    editField(path.join(dir, "subgraphs", "aftersales.graphql"), "Visit", "windowStart", null);
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/operations\/probe\.graphql \(line 5:5\): operation DispatchWindow: field Visit\.windowStart: Cannot query field "windowStart"/);
    // The removal itself is reported as a breaking change too.
    expect(result.output).toMatch(/- Visit\.windowStart: Field 'windowStart' was removed from object type 'Visit'/);
    expect(result.output).toContain("check FAILED");
  });

  it("fails (exit 1) naming the field whose type changed (a breaking change)", () => {
    const dir = fresh();
    editField(path.join(dir, "subgraphs", "fieldservice.graphql"), "FieldJob", "technicianPhone", "Int");
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAIL breaking changes: 1 /);
    expect(result.output).toMatch(/- FieldJob\.technicianPhone: Field 'FieldJob\.technicianPhone' changed type from 'String!' to 'Int'/);
  });

  it("fails (exit 1) with the composition error when a partner SDL redefines a shared value type", () => {
    const dir = fresh();
    register(dir, "insurer", 4090, false);
    fs.writeFileSync(
      path.join(dir, "subgraphs", "insurer.graphql"),
      `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])\n\n` +
        `type Actor @shareable {\n  name: Int!\n  role: String\n  organization: String!\n  team: String\n}\n\ntype Query {\n  insurerAgent: Actor\n}\n`,
    );
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAIL composition: \d+ error/);
    expect(result.output).toMatch(/\[FIELD_TYPE_MISMATCH\] Type of field "Actor\.name" is incompatible across subgraphs/);
    expect(result.output).toContain('"insurer"');
  });

  const partnerActor = (fields: string) =>
    `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])\n\ntype Actor @shareable {\n${fields}\n}\n\ntype Query {\n  insurerAgent: Actor\n}\n`;

  it("names the subgraph and the field, in one line, for a copy of a shared type that differs only in nullability", () => {
    const dir = fresh();
    register(dir, "insurer", 4090, false);
    fs.writeFileSync(path.join(dir, "subgraphs", "insurer.graphql"), partnerActor("  name: String!\n  role: String!\n  organization: String!\n  team: String"));
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAIL shared value types: 1 field/);
    expect(result.output).toContain('  - subgraph "insurer": Actor.role is String!, the shared type has String (nullability differs)');
    expect(result.output).toContain("check FAILED");
    expect(result.output.split("\n").length).toBeLessThan(20);
  });

  it("names the subgraph and the field for a copy of a shared type missing a field, in a few lines instead of pages", () => {
    const dir = fresh();
    register(dir, "insurer", 4090, false);
    fs.writeFileSync(path.join(dir, "subgraphs", "insurer.graphql"), partnerActor("  name: String!\n  role: String\n  organization: String!"));
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.output).toContain('  - subgraph "insurer": Actor.team missing (the shared type has team: String)');
    expect(result.output.split("\n").length).toBeLessThan(20);
  });

  it("answers usage and configuration problems with exit 2, and --help with 0", () => {
    const help = check(pristine, ["--help"]);
    expect(help.status).toBe(0);
    expect(help.output).toMatch(/Exit codes: 0 check passed, 1 check failed/);
    const unknown = check(pristine, ["--bogus"]);
    expect(unknown.status).toBe(2);
    expect(unknown.output).toContain('unknown argument "--bogus"');
    const noBase = check(pristine, ["--config", path.join(pristine, "supergraph.yaml"), "--base", path.join(pristine, "nope.graphql")]);
    expect(noBase.status).toBe(2);
    expect(noBase.output).toMatch(/no base supergraph at .*nope\.graphql/);
    const noConfig = check(pristine, ["--config", path.join(pristine, "missing.yaml")]);
    expect(noConfig.status).toBe(2);
  });
});
