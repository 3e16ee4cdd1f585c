import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
// dist/ is fresh: `npm test` builds first (pretest).
const CODEGEN = path.join(ROOT, "dist", "client", "codegen.js");

function codegenCheck(root: string) {
  const result = spawnSync(process.execPath, [CODEGEN, "--check"], { cwd: root, encoding: "utf8", env: { ...process.env, CLIENT_ROOT: root } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the typed client (client/generated)", () => {
  it("matches what graphql-codegen generates from schema/operations (run `npm run codegen` if this fails)", () => {
    const result = codegenCheck(ROOT);
    expect(result.output).toContain("typed client is up to date");
    expect(result.status).toBe(0);
  });

  it("is reported stale when an operation changes and the client was not regenerated", () => {
    // A copy of what codegen reads, with one more operation: the check must fail and name the file.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "c360-client-"));
    try {
      for (const dir of ["schema/operations", "client/generated"]) fs.cpSync(path.join(ROOT, dir), path.join(copy, dir), { recursive: true });
      fs.copyFileSync(path.join(ROOT, "schema", "supergraph.graphql"), path.join(copy, "schema", "supergraph.graphql"));
      expect(codegenCheck(copy).status).toBe(0);
      fs.writeFileSync(path.join(copy, "schema", "operations", "probe.graphql"), "query DriftProbe($id: String!) {\n  visit(id: $id) {\n    id\n    status\n  }\n}\n");
      const result = codegenCheck(copy);
      expect(result.status).toBe(1);
      expect(result.output).toMatch(/stale: client\/generated\/(graphql|gql)\.ts/);
      expect(result.output).toContain("npm run codegen");
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it("type-checks the browser apps against it (web/tsconfig.json: console and GraphiQL page)", () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "web", "tsconfig.json")], { encoding: "utf8" });
    expect(`${result.stdout}${result.stderr}`).toBe("");
    expect(result.status).toBe(0);
  }, 120_000);
});
