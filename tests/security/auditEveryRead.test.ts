import { randomUUID } from "node:crypto";
import type { Graph } from "../helpers/graphHarness";
import { startProductionGraphAsGraph } from "./productionGraph";
import { CUSTOMER_DATA, supergraphRootFields } from "./rootFields";
import { DISPUTE_ID, MUTATION_FIXTURES, QUERY_FIXTURES } from "./rootFieldFixtures";

/*
 * Issue 10 item 1: every read of a customer's data, whatever root field it starts from, is on
 * that person's audit trail; every change is recorded with its (masked) arguments; and with the
 * trail down nothing holding customer data leaves. The root fields are enumerated from the
 * composed supergraph, so a new one without a fixture fails here.
 */
const SUPERVISOR = { role: "supervisor" as const, org: "platform", sub: "sup-audit" };
const REP = { role: "rep" as const, org: "yougou", sub: "rep-audit" };

const queries = supergraphRootFields().filter((field) => field.rootType === "Query" && !field.inaccessible);
const mutations = supergraphRootFields().filter((field) => field.rootType === "Mutation" && !field.inaccessible);

type TrailEntry = { requestId: string; operationType: string; outcome: string; arguments: string | null; identities: string[]; customerIds: string[] };

async function trailOf(graph: Graph, filter: { customerId?: string; actorSubject?: string }): Promise<TrailEntry[]> {
  const { body } = await graph.query(
    `query($c: String, $a: String) { auditTrail(customerId: $c, actorSubject: $a, first: 100) { entries { requestId operationType outcome arguments identities customerIds } } }`,
    { c: filter.customerId ?? null, a: filter.actorSubject ?? null },
    { caller: SUPERVISOR },
  );
  return body.data.auditTrail.entries;
}

/** Root queries returning a customer's records that answer none for this fixture's rep, and why. */
const ANSWERS_NO_RECORD: Record<string, string> = {
  verificationStatus: "null unless the caller itself verified the login; then the record is the caller's own verification",
};

describe("the audit trail records every read and every change, under the person", () => {
  let graph: Graph;
  beforeAll(async () => {
    // Production mode: the identity provider's own key and issuer, no development shortcuts.
    graph = await startProductionGraphAsGraph();
    const { body } = await graph.query(MUTATION_FIXTURES.openBillingDispute().document, MUTATION_FIXTURES.openBillingDispute().variables);
    DISPUTE_ID.value = body.data.openBillingDispute.id;
  });
  afterAll(() => graph?.stop());

  it("has a fixture for every root field of the supergraph", () => {
    const fixtures = { ...QUERY_FIXTURES, ...MUTATION_FIXTURES };
    expect([...queries, ...mutations].map((field) => field.field).filter((name) => !fixtures[name])).toEqual([]);
  });

  it("gives a person to every root query that returns a type its subgraph declares as a customer's records", () => {
    const owned = queries.filter((field) => typeof CUSTOMER_DATA[field.subgraph][field.returns] === "function");
    expect(owned.length).toBeGreaterThan(10);
    expect(owned.filter((field) => QUERY_FIXTURES[field.field]().person === null && !ANSWERS_NO_RECORD[field.field]).map((field) => field.field)).toEqual([]);
  });

  for (const field of queries) {
    const fixture = QUERY_FIXTURES[field.field];
    if (!fixture || fixture().person === null) continue;
    it(`records ${field.field} (${field.subgraph}) under ${fixture().person}`, async () => {
      const { document, variables, person } = fixture();
      const requestId = `audit-${field.field}-${randomUUID()}`;
      const { body } = await graph.query(document, variables, { caller: REP, headers: { "x-request-id": requestId } });
      expect(body.data?.[field.field]).toBeTruthy();
      const trail = await trailOf(graph, { customerId: person! });
      expect(trail.map((entry) => entry.requestId)).toContain(requestId);
    });
  }

  it("records a mutation with its arguments masked and the person affected", async () => {
    const { document, variables } = MUTATION_FIXTURES.logContact();
    const requestId = `audit-logContact-${randomUUID()}`;
    const { body } = await graph.query(document, variables, { caller: REP, headers: { "x-request-id": requestId } });
    expect(body.errors).toBeUndefined();
    const entry = (await trailOf(graph, { customerId: "C-S1" })).find((candidate) => candidate.requestId === requestId);
    expect(entry).toMatchObject({ operationType: "MUTATION" });
    expect(entry!.arguments).toContain("C-S1");
    expect(entry!.arguments).toContain("138****1234");
    expect(entry!.arguments).not.toContain("13807191234");
  });

  it("records a refused mutation too, and never keeps a verification code", async () => {
    const requestId = `audit-confirm-${randomUUID()}`;
    const start = await graph.query(MUTATION_FIXTURES.startIdentityVerification().document, MUTATION_FIXTURES.startIdentityVerification().variables, { caller: REP });
    const challengeId = start.body.data.startIdentityVerification.id;
    await graph.query(`mutation($id: ID!) { confirmIdentityVerification(challengeId: $id, code: "123987") { loginId } }`, { id: challengeId }, { caller: REP, headers: { "x-request-id": requestId } });
    // A wrong code changes nobody's data: the entry is on the caller's trail, refused.
    const entry = (await trailOf(graph, { actorSubject: REP.sub })).find((candidate) => candidate.requestId === requestId);
    expect(entry).toMatchObject({ operationType: "MUTATION", outcome: "ERROR" });
    expect(entry!.arguments).toContain(challengeId);
    expect(entry!.arguments).not.toContain("123987");
  });

  describe("with the audit subgraph down", () => {
    beforeAll(() => graph.stopSubgraph("audit"));

    for (const field of [...queries, ...mutations]) {
      const fixture = { ...QUERY_FIXTURES, ...MUTATION_FIXTURES }[field.field];
      if (!fixture || (field.rootType === "Query" && fixture().person === null)) continue;
      it(`withholds ${field.rootType === "Mutation" ? "the change's answer" : "the answer"} of ${field.field} (AUDIT_UNAVAILABLE, no data)`, async () => {
        const { document, variables } = fixture();
        const { status, body } = await graph.query(document, variables, { caller: REP });
        expect(status).toBe(503);
        expect(body.data).toBeUndefined();
        expect(body.errors.map((error: any) => error.extensions.code)).toEqual(["AUDIT_UNAVAILABLE"]);
      });
    }
  });
});
