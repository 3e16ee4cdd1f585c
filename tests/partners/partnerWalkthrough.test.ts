import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServiceProcess, type ServiceProcess } from "../../scripts/lib/serviceProcess";
import { check, compose, composedSchemaCopy, ROOT } from "./schemaCopy";
import { startPartnerGraph, type PartnerGraph } from "./partnerGraph";

/*
 * PARTNERS.md, followed literally for a throwaway "insurer" subgraph in a temp folder: the
 * code is the page's `file=` blocks, the registration its yaml blocks. If the page stops
 * working, this fails. (`npm install` is replaced by a link to our node_modules: same versions.)
 * Our graph runs BEFORE the partner registers and is never restarted: the partner's own
 * service is the only process started after it (PARTNERS.md 8, "Deploy").
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
  let insurer: ServiceProcess | undefined;
  /** Our running gateway, on the supergraph file compose rewrites (hot reload). */
  let gateway: Awaited<ReturnType<PartnerGraph["gateway"]>>;
  /** Our processes' ids when the partner was not there yet: none may change. */
  let pidsBefore: Record<string, number>;

  beforeAll(() => {
    // Our side: schema/ as committed (plus fieldservice's pending registration), composed.
    schemaDir = composedSchemaCopy();
    baseSupergraph = path.join(schemaDir, "base.graphql");
    fs.copyFileSync(path.join(schemaDir, "supergraph.graphql"), baseSupergraph);
  });
  afterAll(async () => {
    await insurer?.stop();
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

  it("7 (before): our graph runs, without the partner", async () => {
    graph = await startPartnerGraph(path.join(schemaDir, "supergraph.yaml"), path.join(schemaDir, "customer360-sources.yaml"), []);
    gateway = await graph.gateway(path.join(schemaDir, "supergraph.graphql"));
    pidsBefore = Object.fromEntries(graph.subgraphs.map((s) => [s.name, s.child.pid!]));
    expect(Object.keys(pidsBefore)).toEqual(expect.arrayContaining(["customers", "aftersales", "fieldservice"]));
    const before = await graph.query(gateway, TIMELINE, { sources: null });
    expect(before.errors).toBeUndefined();
    expect(before.data.customer.timeline.result.sources).not.toContain("insurer");
    // The gateway does not know the insurer source yet: asking for it is a client error.
    const unknown = await graph.query(gateway, TIMELINE, { sources: ["insurer"] });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("7: the partner starts its own service (the only process started from here on)", async () => {
    // PARTNERS.md 7 runs it on PORT=4090; a test takes a free port and registers that one.
    insurer = await startServiceProcess("insurer", path.join(partnerDir, "dist", "subgraphs", "insurer", "main.js"), { ...graph!.env, PORT: "0" });
    expect(insurer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  });

  it("5-6: one entry, one line, then check / compose / check all pass", () => {
    const yaml = blocks("yaml").map((b) => b.text);
    const entry = yaml.find((text) => text.includes("routing_url"));
    const sourceLine = yaml.find((text) => /^ {2}- \{ name: insurer, identitySystem: aftersales \}\n$/.test(text));
    expect(entry).toBeDefined();
    expect(sourceLine).toBeDefined();
    expect(entry).toContain("http://127.0.0.1:4090/graphql");
    fs.appendFileSync(path.join(schemaDir, "supergraph.yaml"), entry!.replace("http://127.0.0.1:4090/graphql", insurer!.url));
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

  it("8: with no restart of ours, the running gateway shows the insurer's event in S1's timeline", async () => {
    // The gateway reloads the composed supergraph, the customers subgraph its source list.
    const started = performance.now();
    let only: any;
    for (let attempt = 0; attempt < 100; attempt++) {
      only = await graph!.query(gateway, TIMELINE, { sources: ["insurer"] });
      if (!only.errors && only.data.customer.timeline.result.entries.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(`partner walk: insurer's events live ${(performance.now() - started).toFixed(0)} ms after compose`);
    expect(only.errors).toBeUndefined();
    expect(only.data.customer.timeline.result).toMatchObject({ sources: expect.arrayContaining(["insurer"]), missingSources: [] });
    expect(only.data.customer.timeline.result.entries).toEqual([
      { source: "insurer", kind: "EXTENDED_WARRANTY_SOLD", summary: expect.stringContaining("EW-0001"), subjectType: "ExtendedWarranty", subjectId: "EW-0001", actor: { organization: "insurer" } },
    ]);
    // Merged with everyone else's, in time order, fieldservice's too.
    const all = await graph!.query(gateway, TIMELINE, { sources: null });
    expect(all.errors).toBeUndefined();
    expect(all.data.customer.timeline.result.sources).toEqual(expect.arrayContaining(["insurer", "fieldservice", "aftersales", "orders"]));
    expect(all.data.customer.timeline.result.missingSources).toEqual([]);
    // The partners' entries interleave with the maker's by time (S1's history is longer than one page, so narrow it).
    const makerSide = await graph!.query(gateway, TIMELINE, { sources: ["insurer", "fieldservice", "aftersales"] });
    const entries = makerSide.data.customer.timeline.result.entries as { source: string; at?: string }[];
    expect(entries.map((e) => e.source)).toEqual(expect.arrayContaining(["insurer", "fieldservice", "aftersales"]));
    // Nothing of ours was restarted: the same processes, still running.
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
      const still = await graph!.query(gateway, TIMELINE, { sources: ["insurer"] });
      expect(still.errors).toBeUndefined();
      expect(still.data.customer.timeline.result.entries.map((e: { source: string }) => e.source)).toEqual(["insurer"]);
      expect(Object.fromEntries(graph!.subgraphs.map((s) => [s.name, s.child.pid!]))).toEqual(pidsBefore);
    } finally {
      fs.writeFileSync(sources, good);
    }
  }, 30_000);
});
