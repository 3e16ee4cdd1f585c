import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServiceProcess, type ServiceProcess } from "../../scripts/lib/serviceProcess";
import { linkKit } from "../../scripts/lib/partnerTemplate/linkKit";
import { composedSchemaCopy, ROOT } from "./schemaCopy";
import { startPartnerGraph, type PartnerGraph } from "./partnerGraph";

/*
 * PARTNERS.md's five steps, followed with its own commands, for a partner in its own repository: a temp folder outside ours
 * that imports only the packed kit (@customer360/kit), registered by partner:register into a
 * copy of schema/ while our graph runs. Its open matter (handler, promise, due date) and its
 * event then reach a rep's 360 with no restart of ours. `npm install <tarball>` is replaced
 * by linkKit (our node_modules linked, the tarball unpacked): the same pinned versions,
 * without building better-sqlite3 from a registry in every test run.
 */

const GUIDE = fs.readFileSync(path.join(ROOT, "PARTNERS.md"), "utf8");

/** The npm command a step of PARTNERS.md gives, as the arguments after `--`. */
function guideCommand(script: string): string[] {
  const line = GUIDE.split("\n").find((l) => l.startsWith(`npm run ${script} -- `));
  if (!line) throw new Error(`PARTNERS.md gives no \`npm run ${script} -- ...\` line`);
  return line.replace(`npm run ${script} -- `, "").split("#")[0].trim().split(/\s+/);
}

const script = (name: string) => path.join(ROOT, "dist", "scripts", `${name}.js`);
const run = (name: string, args: string[], cwd = ROOT) => {
  const result = spawnSync(process.execPath, [script(name), ...args], { cwd, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

const OVERVIEW = `query O {
  customer(id: "C-S1") {
    overview(sources: ["anxin"], first: 20) { result {
      openMatters { missingSources matters { source kind subjectId status openedAt dueAt handler { name organization tier } promises { description dueAt status } } }
      timeline { sources missingSources entries { source kind subjectId actor { organization } } }
    } }
  }
}`;

describe("PARTNERS.md's five steps: a partner from its own repository, on the kit package, joins a running graph", () => {
  let work: string;
  let schemaDir: string;
  let tarball: string;
  let partnerDir: string;
  let graph: PartnerGraph | undefined;
  let partner: ServiceProcess | undefined;
  let gateway: Awaited<ReturnType<PartnerGraph["gateway"]>>;
  let pidsBefore: Record<string, number>;
  const walkStarted = performance.now();

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "c360-partner-repo-"));
    schemaDir = composedSchemaCopy();
  });
  afterAll(async () => {
    await partner?.stop();
    await graph?.stop();
    for (const dir of [work, schemaDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("kit:pack builds the kit package: kit, common, shared value types, declarations, pinned deps and peers", () => {
    const packed = run("kitPack", ["--out", work]);
    expect(packed.status).toBe(0);
    tarball = packed.output.trim().split("\n").pop()!;
    expect(tarball).toMatch(/customer360-kit-\d+\.\d+\.\d+\.tgz$/);
    const listing = spawnSync("tar", ["tzf", tarball], { encoding: "utf8" }).stdout;
    expect(listing).toContain("package/kit-package/index.d.ts");
    expect(listing).toContain("package/subgraphs/kit/customer360/types.d.ts");
    expect(listing).toContain("package/common/caller.js");
    const manifest = JSON.parse(spawnSync("tar", ["xzOf", tarball, "package/package.json"], { encoding: "utf8" }).stdout);
    expect(manifest.name).toBe("@customer360/kit");
    expect(manifest.peerDependencies).toMatchObject({ graphql: expect.any(String), "type-graphql": expect.any(String) });
    expect(manifest.dependencies["@apollo/subgraph"]).toBeDefined();
  }, 60_000);

  it("partner:new validates its options with exit 2 and says why", () => {
    expect(run("partnerNew", ["--help"]).status).toBe(0);
    const badName = run("partnerNew", ["--name", "An Xin", "--org", "anxin"]);
    expect(badName.status).toBe(2);
    expect(badName.output).toContain('--name "An Xin" must be lowerCamel');
    const noOrg = run("partnerNew", ["--name", "anxin"]);
    expect(noOrg.status).toBe(2);
    expect(noOrg.output).toContain("--org is required");
    expect(run("partnerNew", ["--name", "anxin", "--org", "anxin", "--bogus"]).output).toContain('unknown argument "--bogus"');
    const missingSdl = run("partnerRegister", ["--name", "anxin", "--sdl", "/nonexistent.graphql", "--url", "http://x/graphql"]);
    expect(missingSdl.status).toBe(2);
    expect(run("partnerRegister", ["--name", "anxin", "--sdl", tarball, "--url", "ftp://x"]).output).toContain("must be http(s)");
  });

  it("1 scaffold, 2 model, 3 seed/test: the new folder outside the repository builds on the kit alone and its own test passes", () => {
    partnerDir = path.join(work, "anxin-subgraph");
    // PARTNERS.md step 1, with the test's folder and tarball; registration is step 5 here.
    const step1 = guideCommand("partner:new");
    expect(step1).toEqual(["--name", "anxin", "--org", "anxin", "--dir", "../anxin-subgraph"]);
    const created = run("partnerNew", [...step1.slice(0, 4), "--dir", partnerDir, "--kit", tarball, "--no-register"]);
    expect(created.output).toContain(`wrote ${partnerDir}`);
    expect(created.status).toBe(0);
    for (const file of ["src/subgraph.ts", "src/main.ts", "src/accessMatrix.ts", "src/customerData.ts", "src/db/migrations.ts", "src/types/AnxinClaim.ts", "src/resolvers/references.ts", "src/domain/access.ts", "src/loaders.ts", "src/customer360.ts", "src/seed/stories.ts", "src/test/anxin.test.ts"]) {
      expect(fs.existsSync(path.join(partnerDir, file))).toBe(true);
    }
    // The partner's code imports the kit package only: nothing of this repository by path.
    const sources = spawnSync("grep", ["-rhoE", "from \"[^\"]+\"", path.join(partnerDir, "src")], { encoding: "utf8" }).stdout;
    expect(sources).not.toMatch(/from "(\.\.\/)+(subgraphs|common)/);
    expect(sources).toContain('from "@customer360/kit"');
    expect(JSON.parse(fs.readFileSync(path.join(partnerDir, "package.json"), "utf8")).dependencies["@customer360/kit"]).toBe(`file:${tarball}`);

    linkKit(partnerDir, ROOT, tarball);
    const test = spawnSync("npm", ["test", "--silent"], { cwd: partnerDir, encoding: "utf8" });
    expect(`${test.stdout}${test.stderr}`).toMatch(/# pass 2\s+# fail 0/);
    expect(test.status).toBe(0);
    const sdl = spawnSync("npm", ["run", "--silent", "print-sdl"], { cwd: partnerDir, encoding: "utf8" });
    expect(sdl.status).toBe(0);
    fs.writeFileSync(path.join(partnerDir, "anxin.graphql"), sdl.stdout);
  }, 120_000);

  it("our graph runs without the partner", async () => {
    graph = await startPartnerGraph(path.join(schemaDir, "supergraph.yaml"), path.join(schemaDir, "customer360-sources.yaml"), []);
    gateway = await graph.gateway(path.join(schemaDir, "supergraph.graphql"));
    pidsBefore = Object.fromEntries(graph.subgraphs.map((s) => [s.name, s.child.pid!]));
    const before = await graph.query(gateway, OVERVIEW);
    expect(before.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  }, 60_000);

  it("4 check, 5 register: the partner's own service starts with the gateway's public JWKS only; partner:register checks and composes", async () => {
    partner = await startServiceProcess("anxin", path.join(partnerDir, "dist", "main.js"), { ...graph!.env, PORT: "0" });
    const jwks = JSON.parse(fs.readFileSync(graph!.env.INTERNAL_JWKS_FILE, "utf8"));
    expect(jwks.keys.every((key: Record<string, unknown>) => key.d === undefined)).toBe(true);

    // PARTNERS.md step 5, with the partner's file, its URL here, and our schema copy.
    const step5 = guideCommand("partner:register");
    expect(step5).toEqual(["--name", "anxin", "--sdl", "anxin.graphql", "--url", "https://anxin.example.cn/graphql"]);
    const registered = run("partnerRegister", [...step5.slice(0, 2), "--sdl", path.join(partnerDir, "anxin.graphql"), "--url", partner.url, "--schema-dir", schemaDir]);
    expect(registered.output).toContain("check passed");
    expect(registered.output).toContain(`registered "anxin" at ${partner.url}`);
    expect(registered.status).toBe(0);
    expect(fs.readFileSync(path.join(schemaDir, "customer360-sources.yaml"), "utf8")).toContain("- { name: anxin, identitySystem: aftersales }");

    // A copy of a shared type that drifted is refused, naming the field, and changes nothing.
    const drifted = path.join(work, "drifted.graphql");
    fs.writeFileSync(drifted, fs.readFileSync(path.join(partnerDir, "anxin.graphql"), "utf8").replace(/(type Actor @shareable \{[^}]*?role: String)/, "$1!"));
    const supergraphBefore = fs.readFileSync(path.join(schemaDir, "supergraph.graphql"), "utf8");
    const refused = run("partnerRegister", ["--name", "anxin", "--sdl", drifted, "--url", partner.url, "--schema-dir", schemaDir]);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('subgraph "anxin": Actor.role is String!, the shared type has String (nullability differs)');
    expect(fs.readFileSync(path.join(schemaDir, "supergraph.graphql"), "utf8")).toBe(supergraphBefore);
  }, 60_000);

  it("the open matter with handler, promise and due date, and the event, reach the rep's 360; nothing of ours restarted", async () => {
    const started = performance.now();
    let answer: any;
    for (let attempt = 0; attempt < 100; attempt++) {
      answer = await graph!.query(gateway, OVERVIEW);
      if (!answer.errors && answer.data.customer.overview.result.timeline.entries.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(`partner kit walk: live ${(performance.now() - started).toFixed(0)} ms after register; whole walk ${((performance.now() - walkStarted) / 1000).toFixed(1)} s`);
    expect(answer.errors).toBeUndefined();
    const { openMatters, timeline } = answer.data.customer.overview.result;
    const claim = openMatters.matters.find((m: { source: string }) => m.source === "anxin");
    expect(claim).toMatchObject({ kind: "ANXIN_CLAIM", subjectId: "ANX-0001", status: "OPEN", handler: { name: "王芳 Wang Fang", organization: "anxin", tier: "L1" } });
    // No dueAt given by the partner: opened + the default SLA (72 h).
    expect(Date.parse(claim.dueAt) - Date.parse(claim.openedAt)).toBe(72 * 3600_000);
    expect(claim.promises).toEqual([{ description: "Call back with the assessor's visit time", dueAt: new Date(Date.parse(claim.openedAt) + 24 * 3600_000).toISOString(), status: "OPEN" }]);
    expect(timeline.missingSources).toEqual([]);
    expect(timeline.entries).toEqual([{ source: "anxin", kind: "ANXIN_CLAIM_OPENED", subjectId: "ANX-0001", actor: { organization: "anxin" } }]);
    expect(Object.fromEntries(graph!.subgraphs.map((s) => [s.name, s.child.pid!]))).toEqual(pidsBefore);
    expect(graph!.subgraphs.every((s) => s.child.exitCode === null && s.child.signalCode === null)).toBe(true);
  }, 60_000);

  it("a source list that does not parse is rejected: the customers subgraph keeps merging the previous one", async () => {
    const sources = path.join(schemaDir, "customer360-sources.yaml");
    const good = fs.readFileSync(sources, "utf8");
    fs.writeFileSync(sources, "sources:\n  - Not A Name\n");
    try {
      // Longer than the customers subgraph's poll (CUSTOMER360_SOURCES_POLL_MS, default 1000 ms).
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const still = await graph!.query(gateway, OVERVIEW);
      expect(still.errors).toBeUndefined();
      expect(still.data.customer.overview.result.timeline.entries.map((e: { source: string }) => e.source)).toEqual(["anxin"]);
      expect(Object.fromEntries(graph!.subgraphs.map((s) => [s.name, s.child.pid!]))).toEqual(pidsBefore);
    } finally {
      fs.writeFileSync(sources, good);
    }
  }, 30_000);
});
