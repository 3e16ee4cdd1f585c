import type { Graph } from "../helpers/graphHarness";
import { sharedGraph } from "../helpers/sharedGraph";

const MATTERS = `count overdueCount missingSources surveyEligibility { eligible reasons } matters { id source kind overdue handler { name tier } promises { description overdue } }`;
const TIMELINE = `missingSources entries { id at source summary } pageInfo { hasNextPage endCursor }`;

describe("overview: open matters and a timeline page in one merge", () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await sharedGraph();
  });
  afterAll(() => graph?.stop());

  it("answers exactly what openMatters and timeline answer, with fewer subgraph fetches", async () => {
    const headers = { "x-cost-report": "1" };
    const separate = await graph.query(`{ customer(id: "C-S5") { openMatters { result { ${MATTERS} } } timeline(first: 10) { result { ${TIMELINE} } } } }`, {}, { headers });
    const together = await graph.query(`{ customer(id: "C-S5") { overview(first: 10) { result { openMatters { ${MATTERS} } timeline { ${TIMELINE} } } } } }`, {}, { headers });
    expect(separate.body.errors).toBeUndefined();
    expect(together.body.errors).toBeUndefined();
    expect(together.body.data.customer.overview.result.openMatters).toEqual(separate.body.data.customer.openMatters.result);
    expect(together.body.data.customer.overview.result.timeline).toEqual(separate.body.data.customer.timeline.result);
    expect(together.body.data.customer.overview.result.openMatters.count).toBeGreaterThan(0);
    expect(together.body.extensions.cost.subgraphFetches).toBeLessThan(separate.body.extensions.cost.subgraphFetches);
  });
});
