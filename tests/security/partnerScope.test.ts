import type { Graph } from "../helpers/graphHarness";
import { startProductionGraphAsGraph } from "./productionGraph";

/*
 * Issue 10 item 4: a partner sees records of its own organization and of matters it is a party
 * to, and nothing else, on every path: root fields, lookups and the 360's merged views.
 */
const HUAWEI = { role: "partner" as const, org: "huawei", sub: "partner-huawei" };
const AOLAN = { role: "partner" as const, org: "aolan", sub: "partner-aolan" };
const KUAIXIU = { role: "partner" as const, org: "kuaixiu", sub: "partner-kuaixiu" };
const ANALYST = { role: "analyst" as const, org: "platform", sub: "analyst-scope" };

const OVERVIEW = `query($id: ID!) { customer(id: $id) { overview(first: 50) { result {
  openMatters { matters { source kind subjectId title handler { name phone } } }
  timeline { entries { source kind summary subjectId } }
} } } }`;

describe("partner scope by relation", () => {
  let graph: Graph;
  beforeAll(async () => {
    // Production mode: the identity provider's own key and issuer, no development shortcuts.
    graph = await startProductionGraphAsGraph();
  });
  afterAll(() => graph?.stop());

  it("refuses another partner's field job by id, with a reason", async () => {
    const { body } = await graph.query(`{ fieldJob(id: "FJ-KX-0001") { id technicianPhone position { lat } } }`, {}, { caller: HUAWEI });
    expect(body.data.fieldJob).toBeNull();
    expect(body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(JSON.stringify(body)).not.toContain("139-7100");
  });

  it("gives the job to the contractor and to the maker it works for", async () => {
    for (const caller of [KUAIXIU, AOLAN]) {
      const { body } = await graph.query(`{ fieldJob(id: "FJ-KX-0001") { id technicianPhone } }`, {}, { caller });
      expect(body.errors).toBeUndefined();
      expect(body.data.fieldJob.id).toBe("FJ-KX-0001");
    }
  });

  it("leaves another maker's field job out of a visit it reaches through the graph", async () => {
    const { body } = await graph.query(`{ serviceCase(number: "CS-HW-0707") { number } visit(id: "VIS-0001") { id fieldJob { id } } }`, {}, { caller: HUAWEI });
    expect(body.data.visit).toBeNull();
    expect(JSON.stringify(body.data)).not.toContain("FJ-KX-0001");
  });

  it("shows no field-service or security entries of other organizations in a 360", async () => {
    for (const customerId of ["C-S1", "C-S2", "C-S5"]) {
      const { body } = await graph.query(OVERVIEW, { id: customerId }, { caller: HUAWEI });
      const result = body.data.customer.overview.result;
      const sources = [...result.openMatters.matters, ...result.timeline.entries].map((entry: { source: string }) => entry.source);
      expect(sources.filter((source: string) => source === "fieldservice" || source === "security")).toEqual([]);
    }
  });

  it("still shows the maker its own contractor's job in its customer's 360", async () => {
    const { body } = await graph.query(OVERVIEW, { id: "C-S1" }, { caller: AOLAN });
    const matters = body.data.customer.overview.result.openMatters.matters;
    expect(matters.map((matter: { subjectId: string }) => matter.subjectId)).toContain("FJ-KX-0001");
  });

  it("does not let a partner find a customer by a login id or another maker's job id", async () => {
    for (const identifier of ["u-lina", "u-wanglei", "FJ-KX-0001"]) {
      const { body } = await graph.query(`query($i: String!) { findCustomers(identifier: $i) { result { candidates { customer { id } } } } }`, { i: identifier }, { caller: HUAWEI });
      expect(`${identifier}: ${JSON.stringify(body.data?.findCustomers?.result?.candidates ?? [])}`).toBe(`${identifier}: []`);
    }
  });

  it("masks technicians' and handlers' mobiles for analysts", async () => {
    const job = await graph.query(`{ fieldJob(id: "FJ-KX-0001") { technicianPhone } }`, {}, { caller: ANALYST });
    expect(job.body.data.fieldJob.technicianPhone).toMatch(/\*\*\*\*/);
    const { body } = await graph.query(OVERVIEW, { id: "C-S1" }, { caller: ANALYST });
    const phones = body.data.customer.overview.result.openMatters.matters.map((matter: { handler?: { phone?: string } }) => matter.handler?.phone).filter(Boolean);
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).not.toMatch(/1\d{2}[\s-]?\d{4}[\s-]?\d{4}/);
  });
});
