import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { check, compose, composedSchemaCopy, ROOT } from "./schemaCopy";
import { startPartnerGraph, type PartnerGraph } from "./partnerGraph";

/*
 * PARTNERS.md, followed literally for a throwaway "insurer" subgraph in a temp folder: the
 * code is the page's `file=` blocks, the registration its yaml blocks. If the page stops
 * working, this fails. (`npm install` is replaced by a link to our node_modules: same versions.)
 */

const GUIDE = fs.readFileSync(path.join(ROOT, "PARTNERS.md"), "utf8");

/** Fenced blocks of one language, with their `file=` path when they have one. */
function blocks(language: string): { file?: string; text: string }[] {
  const fence = new RegExp("^```" + language + "( file=(\\S+))?\\n([\\s\\S]*?)^```", "gm");
  return [...GUIDE.matchAll(fence)].map((m) => ({ file: m[2], text: m[3] }));
}

const TIMELINE = `query T($sources: [String!]) {
  customer(id: "C-S1") {
    timeline(first: 50, sources: $sources) { result { sources missingSources entries { source kind summary subjectType subjectId actor { organization } } } }
  }
}`;

describe("PARTNERS.md walkthrough: a partner subgraph from an empty folder to the rep's timeline", () => {
  let partnerDir: string;
  let schemaDir: string;
  let baseSupergraph: string;
  let graph: PartnerGraph | undefined;

  beforeAll(() => {
    // Our side: schema/ as committed (plus fieldservice's pending registration), composed.
    schemaDir = composedSchemaCopy();
    baseSupergraph = path.join(schemaDir, "base.graphql");
    fs.copyFileSync(path.join(schemaDir, "supergraph.graphql"), baseSupergraph);
  });
  afterAll(async () => {
    await graph?.stop();
    for (const dir of [partnerDir, schemaDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("1-3: the empty folder, the copied kit and the page's code build into a subgraph that prints its SDL", () => {
    partnerDir = fs.mkdtempSync(path.join(os.tmpdir(), "insurer-subgraph-"));
    fs.mkdirSync(path.join(partnerDir, "subgraphs"));
    fs.cpSync(path.join(ROOT, "subgraphs", "kit"), path.join(partnerDir, "subgraphs", "kit"), { recursive: true });
    fs.cpSync(path.join(ROOT, "common"), path.join(partnerDir, "common"), { recursive: true });
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(partnerDir, "node_modules"), "dir");
    const files = [...blocks("json"), ...blocks("ts")].filter((b) => b.file);
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(["tsconfig.json", "subgraphs/insurer/subgraph.ts", "subgraphs/insurer/main.ts"]));
    for (const { file, text } of files) {
      fs.mkdirSync(path.dirname(path.join(partnerDir, file!)), { recursive: true });
      fs.writeFileSync(path.join(partnerDir, file!), text);
    }

    const build = spawnSync(process.execPath, [path.join(partnerDir, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(partnerDir, "tsconfig.json")], { cwd: partnerDir, encoding: "utf8" });
    expect(`${build.stdout}${build.stderr}`).toBe("");
    expect(build.status).toBe(0);

    const sdl = spawnSync(process.execPath, [path.join(partnerDir, "dist", "subgraphs", "insurer", "main.js"), "--print-sdl"], { cwd: partnerDir, encoding: "utf8" });
    expect(sdl.status).toBe(0);
    expect(sdl.stdout).toMatch(/^extend schema @link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.7"/);
    expect(sdl.stdout).toMatch(/type Timeline @key\(fields: "key"\) \{\s+key: String!\s+"""[^"]*"""\s+insurerEvents: \[TimelineEvent!\]/);
    expect(sdl.stdout).toMatch(/type Device @key\(fields: "serial"\) \{\s+serial: ID!\s+"""[^"]*"""\s+extendedWarranties: \[ExtendedWarranty!\]!/);
    // 5: the SDL file is what we register.
    fs.writeFileSync(path.join(schemaDir, "subgraphs", "insurer.graphql"), sdl.stdout);
  });

  it("5-6: one entry, one line, then check / compose / check all pass", () => {
    const yaml = blocks("yaml").map((b) => b.text);
    const entry = yaml.find((text) => text.includes("routing_url"));
    const sourceLine = yaml.find((text) => /^ {2}- \{ name: insurer, identitySystem: aftersales \}\n$/.test(text));
    expect(entry).toBeDefined();
    expect(sourceLine).toBeDefined();
    fs.appendFileSync(path.join(schemaDir, "supergraph.yaml"), entry!);
    fs.appendFileSync(path.join(schemaDir, "customer360-sources.yaml"), sourceLine!);

    const args = (base: string) => ["--config", path.join(schemaDir, "supergraph.yaml"), "--base", base, "--operations", path.join(schemaDir, "operations")];
    const before = check(schemaDir, args(baseSupergraph));
    expect(before.output).toMatch(/\(\d+ subgraphs: [^)]*fieldservice, insurer\)/);
    expect(before.output).toContain("check passed");
    expect(before.status).toBe(0);

    const composed = compose(schemaDir);
    expect(`${composed.stdout}${composed.stderr}`).toMatch(/wrote .*supergraph\.graphql/);
    expect(composed.status).toBe(0);
    const supergraph = fs.readFileSync(path.join(schemaDir, "supergraph.graphql"), "utf8");
    expect(supergraph).toContain("INSURER @join__graph(name: \"insurer\"");
    // The customers subgraph now asks for the insurer's slice in its merge.
    expect(fs.readFileSync(path.join(schemaDir, "subgraphs", "customers.graphql"), "utf8")).toMatch(/insurerEvents: \[TimelineEvent!\] @external/);

    // Against the supergraph before the partner: additions only, nothing breaks.
    const after = check(schemaDir, args(baseSupergraph));
    expect(after.output).toContain("check passed");
    expect(after.status).toBe(0);
    expect(check(schemaDir, args(path.join(schemaDir, "supergraph.graphql"))).status).toBe(0);
  });

  it("7-8: the gateway on the composed supergraph shows the insurer's event in S1's timeline", async () => {
    graph = await startPartnerGraph(path.join(schemaDir, "supergraph.yaml"), path.join(schemaDir, "customer360-sources.yaml"), [{ name: "insurer", main: path.join(partnerDir, "dist", "subgraphs", "insurer", "main.js") }]);
    const gateway = await graph.gateway(path.join(schemaDir, "supergraph.graphql"));
    const only = await graph.query(gateway, TIMELINE, { sources: ["insurer"] });
    expect(only.errors).toBeUndefined();
    expect(only.data.customer.timeline.result).toMatchObject({ sources: expect.arrayContaining(["insurer"]), missingSources: [] });
    expect(only.data.customer.timeline.result.entries).toEqual([
      { source: "insurer", kind: "EXTENDED_WARRANTY_SOLD", summary: expect.stringContaining("EW-0001"), subjectType: "ExtendedWarranty", subjectId: "EW-0001", actor: { organization: "insurer" } },
    ]);
    // Merged with everyone else's, in time order, fieldservice's too.
    const all = await graph.query(gateway, TIMELINE, { sources: null });
    expect(all.errors).toBeUndefined();
    expect(all.data.customer.timeline.result.sources).toEqual(expect.arrayContaining(["insurer", "fieldservice", "aftersales", "orders"]));
    expect(all.data.customer.timeline.result.missingSources).toEqual([]);
    // The partners' entries interleave with the maker's by time (S1's history is longer than one page, so narrow it).
    const makerSide = await graph.query(gateway, TIMELINE, { sources: ["insurer", "fieldservice", "aftersales"] });
    const entries = makerSide.data.customer.timeline.result.entries as { source: string; at?: string }[];
    expect(entries.map((e) => e.source)).toEqual(expect.arrayContaining(["insurer", "fieldservice", "aftersales"]));
  });

  // TODO(lead): flip to true once gateway/supergraphSource.ts (SUPERGRAPH_PATH watch) is wired into startGateway.
  const HOT_RELOAD_READY = true;
  (HOT_RELOAD_READY ? it : it.skip)("8: a running gateway picks the partner up without a restart", async () => {
    graph ??= await startPartnerGraph(path.join(schemaDir, "supergraph.yaml"), path.join(schemaDir, "customer360-sources.yaml"), [{ name: "insurer", main: path.join(partnerDir, "dist", "subgraphs", "insurer", "main.js") }]);
    const live = path.join(schemaDir, "live-supergraph.graphql");
    fs.copyFileSync(baseSupergraph, live);
    const gateway = await graph.gateway(live);
    const before = await graph.query(gateway, TIMELINE, { sources: null });
    expect(before.errors).toBeUndefined();
    expect((before.data.customer.timeline.result.entries as { source: string }[]).some((e) => e.source === "insurer")).toBe(false);

    fs.copyFileSync(path.join(schemaDir, "supergraph.graphql"), live);
    let seen = false;
    for (let attempt = 0; attempt < 50 && !seen; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await graph.query(gateway, TIMELINE, { sources: null });
      seen = !after.errors && (after.data.customer.timeline.result.entries as { source: string }[]).some((e) => e.source === "insurer");
    }
    expect(seen).toBe(true);
  });
});
