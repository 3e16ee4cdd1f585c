import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startGraph, ROOT, type Graph } from "../helpers/graphHarness";

const FIELD_JOB = `{ visit(id: "VIS-0001") { id fieldJob { id status } } }`;
const POLL_MS = 200;
const settle = () => new Promise((resolve) => setTimeout(resolve, POLL_MS * 4));

/** The same supergraph with one root field taken out, edited as text: a new schema the client can tell apart. */
function supergraphWithoutCatalog(full: string): string {
  const edited = full.replace(/\n\s*"""What a rep may sell inside a case"""\n\s*valueAddedServiceCatalog:[^\n]*\n/, "\n");
  if (edited === full) throw new Error("valueAddedServiceCatalog not found in the supergraph");
  return edited;
}

describe("hot reload: the gateway serves a new supergraph without a restart, and refuses a broken one", () => {
  let graph: Graph;
  let dir: string;
  let live: string;
  const full = fs.readFileSync(path.join(ROOT, "schema", "supergraph.graphql"), "utf8");

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-reload-"));
    live = path.join(dir, "supergraph.graphql");
    fs.writeFileSync(live, full);
    graph = await startGraph({ label: "sqlite" }, { SUPERGRAPH_PATH: live, SUPERGRAPH_POLL_MS: String(POLL_MS) });
  });
  afterAll(async () => {
    await graph?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps answering with the previous supergraph when the new one is broken", async () => {
    expect((await graph.query(FIELD_JOB)).body.data.visit.fieldJob.id).toBeTruthy();
    fs.writeFileSync(live, "this is { not a supergraph");
    await settle();
    const after = await graph.query(FIELD_JOB);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data.visit.fieldJob.id).toBeTruthy();
  });

  it("serves a valid new supergraph on the next request, then the restored one, with no restart", async () => {
    const CATALOG = `{ valueAddedServiceCatalog { code } }`;
    expect((await graph.query(CATALOG)).body.data.valueAddedServiceCatalog.length).toBeGreaterThan(0);
    fs.writeFileSync(live, supergraphWithoutCatalog(full));
    await settle();
    const without = await graph.query(CATALOG);
    expect(without.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(without.body.errors[0].message).toMatch(/valueAddedServiceCatalog/);
    expect((await graph.query(FIELD_JOB)).body.data.visit.fieldJob.id).toBeTruthy();
    fs.writeFileSync(live, full);
    await settle();
    expect((await graph.query(CATALOG)).body.data.valueAddedServiceCatalog.length).toBeGreaterThan(0);
  });
});
