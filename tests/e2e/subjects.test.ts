import type { Graph } from "../helpers/graphHarness";
import { sharedGraph } from "../helpers/sharedGraph";

describe("timeline entries expand their subject through the graph", () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await sharedGraph();
  });
  afterAll(() => graph?.stop());

  it("resolves each entry's subject from the subgraph that owns it", async () => {
    const { body } = await graph.query(`{ customer(id: "C-S1") { timeline(first: 30) { result { entries { source subjectType subjectId subject { __typename ... on ServiceCase { number status } ... on Order { number status } ... on Visit { id status } ... on SecurityLogin { id isLocked } ... on BillingAccount { number status } ... on Invoice { number } } } } } } }`);
    expect(body.errors).toBeUndefined();
    const entries = body.data.customer.timeline.result.entries;
    const expandable = entries.filter((e: any) => ["ServiceCase", "Order", "Visit", "SecurityLogin", "BillingAccount", "Invoice"].includes(e.subjectType));
    expect(expandable.length).toBeGreaterThan(3);
    for (const entry of expandable) {
      expect(entry.subject.__typename).toBe(entry.subjectType);
      expect(entry.subject.number ?? entry.subject.id).toBe(entry.subjectId);
      // A field only the owning subgraph has proves the planner went there.
      expect(entry.subject.status ?? entry.subject.isLocked ?? entry.subject.number).not.toBeUndefined();
    }
    expect(new Set(expandable.map((e: any) => e.source)).size).toBeGreaterThan(1);
  });
});
