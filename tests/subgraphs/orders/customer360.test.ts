import { encodeKey, type LookupQuery, type MattersQuery, type TimelineQuery } from "../../../subgraphs/kit";
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { ordersSubgraph } from "../../../subgraphs/orders/subgraph";
import type { DB } from "../../../subgraphs/orders/db/tables";

const MATTERS = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on OpenMattersView { ordersMatters { id source kind title status subjectType subjectId dueAt overdue
      handler { name organization phone hours tier } handoffs { from { organization } to { organization } reason } promises { description status overdue } } }
  }
}`;
const TIMELINE = `query($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on Timeline { ordersEvents { id at source kind summary subjectType subjectId cursor actor { name organization } } } }
}`;
const LOOKUP = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on CustomerLookup { ordersMatches { system externalId matchedBy } } } }`;

function mattersKey(customerId: string, ids: string[]): string {
  const query: MattersQuery = { customerId, ids: { orders: ids } };
  return encodeKey(query);
}

function timelineKey(ids: string[], first: number, after: string | null = null): string {
  const query: TimelineQuery = { customerId: "C-S1", first, after, sources: null, kinds: null, since: null, until: null, ids: { orders: ids } };
  return encodeKey(query);
}

describeEachDatabase("orders subgraph: customer 360 contributions", (target) => {
  let t: TestSubgraph<DB>;
  beforeAll(async () => {
    t = await startTestSubgraph(ordersSubgraph, target);
  });
  afterAll(async () => t.stop());

  const matters = async (customerId: string, ids: string[]) => {
    const result = await t.query(MATTERS, { reps: [{ __typename: "OpenMattersView", key: mattersKey(customerId, ids) }] });
    expect(result.body.errors).toBeUndefined();
    return { list: result.body.data._entities[0].ordersMatters as any[], sqlStatements: result.sqlStatements };
  };

  it("S1: the open repair request, who handles it at the retailer and how to reach them", async () => {
    const { list } = await matters("C-S1", ["RC-1001"]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: "orders:REPAIR_REQUEST:RT-0001", source: "orders", kind: "REPAIR_REQUEST", status: "WAITING_AFTERSALES_TECHNICIAN", subjectType: "ReturnRequest", subjectId: "RT-0001" });
    expect(list[0].title).toContain("YG-20261102-0001");
    expect(list[0].handler).toMatchObject({ organization: "yougou", phone: "400-606-5500" });
    expect(list[0].promises).toEqual([expect.objectContaining({ status: "KEPT", overdue: false })]);
  });

  it("S7: the refund handed from Huawei's expert to the store counter, with the open refund promise", async () => {
    const { list } = await matters("C-S7", ["RC-1007"]);
    const refund = list.find((m) => m.subjectId === "RT-0707");
    expect(refund).toMatchObject({ kind: "RETURN", status: "CERTIFICATE_REQUIRED", handler: { organization: "yougou" } });
    expect(refund.handoffs).toHaveLength(2);
    expect(refund.handoffs[1]).toMatchObject({ from: { organization: "huawei" }, to: { organization: "yougou" } });
    expect(refund.promises).toEqual([expect.objectContaining({ status: "OPEN", overdue: false })]);
  });

  it("S6: the undelivered paid visit is an open matter, due when promised, handled by Lenovo's on-site service", async () => {
    const { list } = await matters("C-S6", ["RC-1006"]);
    const visit = list.find((m) => m.subjectId === "VAS-20261101-0606");
    expect(visit).toMatchObject({ kind: "VALUE_ADDED_SERVICE", subjectType: "ValueAddedServiceOrder", status: "SCHEDULED", overdue: false, handler: { organization: "lenovo" } });
    expect(Date.parse(visit.dueAt)).toBeGreaterThan(Date.now());
  });

  it("costs the same statements for one customer id as for several", async () => {
    const one = await matters("C-S1", ["RC-1001"]);
    const three = await matters("C-X", ["RC-1001", "RC-1006", "RC-1007"]);
    expect(three.list.length).toBeGreaterThan(one.list.length);
    expect(three.sqlStatements).toBe(one.sqlStatements);
  });

  it("gives its timeline slice newest first, first + 1 entries, attributed, and continues after a cursor", async () => {
    const page = await t.query(TIMELINE, { reps: [{ __typename: "Timeline", key: timelineKey(["RC-1001"], 3) }] });
    expect(page.body.errors).toBeUndefined();
    const events = page.body.data._entities[0].ordersEvents as any[];
    expect(events).toHaveLength(4);
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort().reverse());
    expect(events[0]).toMatchObject({ source: "orders", kind: "CUSTOMER_NOTE", subjectId: "RT-0001", actor: { organization: "yougou" } });
    expect(events.map((e) => e.kind)).toContain("RETURN_REQUESTED");

    const next = await t.query(TIMELINE, { reps: [{ __typename: "Timeline", key: timelineKey(["RC-1001"], 3, events[2].cursor) }] });
    const older = next.body.data._entities[0].ordersEvents as any[];
    expect(older[0].id).toBe(events[3].id);
    expect(older.every((e) => e.at <= events[2].at)).toBe(true);
    expect(older.map((e) => e.kind)).toContain("ORDER_INSTALLED");
  });

  it.each([
    ["YG-20261102-0001", [{ system: "orders", externalId: "RC-1001", matchedBy: "order" }]],
    ["RT-0707", [{ system: "orders", externalId: "RC-1007", matchedBy: "return" }]],
    ["VAS-20261101-0606", [{ system: "orders", externalId: "RC-1006", matchedBy: "valueAddedService" }]],
    ["RC-1006", [{ system: "orders", externalId: "RC-1006", matchedBy: "customer" }]],
    ["YG-20990101-0000", []],
  ])("looks up the reference %s", async (value, expected) => {
    const key: LookupQuery = { kind: "reference", value };
    const { body } = await t.query(LOOKUP, { reps: [{ __typename: "CustomerLookup", key: encodeKey(key) }] });
    expect(body.errors).toBeUndefined();
    expect(body.data._entities[0].ordersMatches).toEqual(expected);
  });

  it("leaves phones and emails to the customers subgraph", async () => {
    const reps = [
      { __typename: "CustomerLookup", key: encodeKey({ kind: "phone", value: "13807191234" }) },
      { __typename: "CustomerLookup", key: encodeKey({ kind: "email", value: "wanglei@example.cn" }) },
    ];
    const { body, sqlStatements } = await t.query(LOOKUP, { reps });
    expect(body.data._entities).toEqual([{ ordersMatches: [] }, { ordersMatches: [] }]);
    expect(sqlStatements).toBe(0);
  });
});
