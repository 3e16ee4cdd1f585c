import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import type { DB } from "../../../subgraphs/billing/db/tables";
import { billingSubgraph } from "../../../subgraphs/billing/subgraph";
import { encodeKey, normalizeIdentifier, type MattersQuery, type TimelineQuery } from "../../../subgraphs/kit";
import { dataOf } from "./support";

const timelineKey = (ids: string[], first: number, after: string | null = null): string =>
  encodeKey({ customerId: "C-TEST", first, after, sources: null, kinds: null, since: null, until: null, ids: { billing: ids } } satisfies TimelineQuery);

const TIMELINE = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Timeline {
  billingEvents { id at kind summary source cursor subjectType subjectId actor { name organization } }
} } }`;
const MATTERS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on OpenMattersView {
  billingMatters { id kind title status subjectType subjectId priority overdue handler { name tier } handoffs { reason } promises { overdue overdueText } }
} } }`;
const LOOKUP = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on CustomerLookup { billingMatches { system externalId matchedBy } } } }`;

describeEachDatabase("billing in the customer 360", (target) => {
  let subgraph: TestSubgraph<DB>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(billingSubgraph, target);
  });
  afterAll(() => subgraph.stop());

  const matters = async (ids: string[]) => {
    const result = await subgraph.query(MATTERS, { reps: [{ __typename: "OpenMattersView", key: encodeKey({ customerId: "C-TEST", ids: { billing: ids } } satisfies MattersQuery) }] });
    return { list: dataOf(result)._entities[0].billingMatters, sqlStatements: result.sqlStatements };
  };

  it("S4: Zhao Min's open matters are the dispute (overdue promise, L2 owner), the suspension and the outage", async () => {
    const { list, sqlStatements } = await matters(["BA-4001"]);
    const byKind = Object.fromEntries(list.map((m: { kind: string }) => [m.kind, m]));
    expect(Object.keys(byKind).sort()).toEqual(["BILLING_DISPUTE", "OUTAGE", "SUSPENSION"]);
    expect(byKind.BILLING_DISPUTE).toMatchObject({ id: "billing:BILLING_DISPUTE:DSP-4001", subjectType: "BillingDispute", subjectId: "DSP-4001", overdue: true, handler: { name: "黄蕾 Huang Lei", tier: "L2" } });
    expect(byKind.BILLING_DISPUTE.handoffs).toHaveLength(2);
    expect(byKind.BILLING_DISPUTE.promises[0]).toMatchObject({ overdue: true, overdueText: expect.stringMatching(/days late/) });
    expect(byKind.SUSPENSION).toMatchObject({ subjectType: "BillingAccount", subjectId: "BA-4001", status: "ACTIVE" });
    expect(byKind.OUTAGE).toMatchObject({ subjectType: "Outage", subjectId: "OUT-4001", status: "ONGOING" });
    expect(byKind.OUTAGE.title).toContain("02787004444");
    expect(byKind.OUTAGE.title).toContain("no explanation");

    // More owners, same statements: one for billing's matters, two for the kit's completion.
    const wider = await matters(["BA-4001", "BA-2001", "BA-3001", "BA-1002"]);
    expect(wider.list).toHaveLength(3);
    expect(wider.sqlStatements).toBe(sqlStatements);
  });

  it("a customer with nothing open has no billing matters", async () => {
    expect((await matters(["BA-2001"])).list).toEqual([]);
  });

  it("gives a bounded, newest-first timeline slice that pages with cursors", async () => {
    const all = dataOf(await subgraph.query(TIMELINE, { reps: [{ __typename: "Timeline", key: timelineKey(["BA-4001"], 50) }] }))._entities[0].billingEvents;
    const kinds = all.map((e: { kind: string }) => e.kind);
    for (const kind of ["INVOICE_ISSUED", "PAYMENT_RECEIVED", "PAYMENT_MISSED", "SUSPENDED", "DISPUTE_OPENED", "DISPUTE_ESCALATED", "OUTAGE_STARTED"]) expect(kinds).toContain(kind);
    const times = all.map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.every((e: { source: string; actor: { organization: string } | null }) => e.source === "billing" && e.actor?.organization === "unicom")).toBe(true);
    expect(all[0]).toMatchObject({ kind: "OUTAGE_STARTED", subjectType: "Outage", subjectId: "OUT-4001" });

    const page = dataOf(await subgraph.query(TIMELINE, { reps: [{ __typename: "Timeline", key: timelineKey(["BA-4001"], 3) }] }))._entities[0].billingEvents;
    expect(page.map((e: { id: string }) => e.id)).toEqual(all.slice(0, 4).map((e: { id: string }) => e.id));
    const next = dataOf(await subgraph.query(TIMELINE, { reps: [{ __typename: "Timeline", key: timelineKey(["BA-4001"], 3, page[2].cursor) }] }))._entities[0].billingEvents;
    expect(next.map((e: { id: string }) => e.id)).toEqual(all.slice(3, 7).map((e: { id: string }) => e.id));
  });

  it.each([
    ["+86 131-2222-3333", [{ system: "billing", externalId: "BA-2001", matchedBy: "line" }]],
    ["027-8765-4321", [{ system: "billing", externalId: "BA-2001", matchedBy: "line" }]],
    ["132 3333 4444", [{ system: "billing", externalId: "BA-3001", matchedBy: "line" }]],
    ["13555550505", [{ system: "billing", externalId: "BA-5001", matchedBy: "contact" }]],
    ["ba-4001", [{ system: "billing", externalId: "BA-4001", matchedBy: "account" }]],
    ["INV-2001-0018", [{ system: "billing", externalId: "BA-2001", matchedBy: "invoice" }]],
    ["jc-tv-5001", [{ system: "billing", externalId: "BA-5001", matchedBy: "line" }]],
    ["zhao.min@example.com", []],
    ["13700000001", []],
  ])("lookup %s", async (typed, expected) => {
    const identifier = normalizeIdentifier(typed);
    expect(identifier).not.toBeNull();
    const result = await subgraph.query(LOOKUP, { reps: [{ __typename: "CustomerLookup", key: encodeKey(identifier!) }] });
    expect(dataOf(result)._entities[0].billingMatches).toEqual(expected);
    expect(result.sqlStatements).toBeLessThanOrEqual(1);
  });
});
