import type { DB } from "../../subgraphs/orders/db/tables";
import { ordersSubgraph } from "../../subgraphs/orders/subgraph";
import { encodeKey } from "../../subgraphs/kit";
import { describeEachDatabase } from "../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../helpers/subgraphHarness";
import { REP_RETAILER } from "../helpers/testCaller";
import { ANALYST, AOLAN_PARTNER, codes, freshKey, HUAWEI_PARTNER } from "./callers";

const ORDER = `query ($n: String!) { order(number: $n) { number status customer { name city } lines { product { brand } } returns { number } } }`;
const RETURN = `query ($n: String!) { returnRequest(number: $n) { number handlingParty } }`;
const CUSTOMER = `query ($id: ID!) { retailerCustomer(id: $id) { id name orders { number } returns { number } } }`;
const TIMELINE = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Timeline { ordersEvents { id subjectType subjectId summary } } } }`;
const MATTERS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OpenMattersView { ordersMatters { subjectId } } } }`;
const LOOKUP = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on CustomerLookup { ordersMatches { externalId matchedBy } } } }`;
const SELL = `mutation ($key: String!) { orderValueAddedService(caseNumber: "CS-LNV-0606", customerId: "RC-1006", serviceCode: "UPGRADE_PACK", idempotencyKey: $key) { number } }`;

const timelineKey = (ids: string[]) => encodeKey({ customerId: "C-TEST", first: 50, after: null, sources: null, kinds: null, since: null, until: null, ids: { orders: ids } });

describeEachDatabase("authorization: orders subgraph", (target) => {
  let subgraph: TestSubgraph<DB>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(ordersSubgraph, target);
  });
  afterAll(async () => subgraph.stop());

  it("an analyst reads S1's order and its customer: names and history stay (the retailer holds no customer address or phone)", async () => {
    const rep = await subgraph.query(ORDER, { n: "YG-20261102-0001" }, REP_RETAILER);
    const { body } = await subgraph.query(ORDER, { n: "YG-20261102-0001" }, ANALYST);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual(rep.body.data);
    expect(body.data.order.customer.name).toBe("王磊");
  });

  it("a maker partner reads orders and returns of its own products only", async () => {
    const own = await subgraph.query(ORDER, { n: "YG-20261102-0001" }, AOLAN_PARTNER);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.order.lines.map((l: { product: { brand: string } }) => l.product.brand)).toContain("aolan");
    expect(own.body.data.order.returns).toEqual([{ number: "RT-0001" }]);

    const other = await subgraph.query(ORDER, { n: "YG-20261010-0707" }, AOLAN_PARTNER);
    expect(other.body.data.order).toBeNull();
    expect(codes(other.body)).toEqual(["FORBIDDEN"]);
    const otherReturn = await subgraph.query(RETURN, { n: "RT-0707" }, AOLAN_PARTNER);
    expect(otherReturn.body.data.returnRequest).toBeNull();
    expect(codes(otherReturn.body)).toEqual(["FORBIDDEN"]);
    const huawei = await subgraph.query(RETURN, { n: "RT-0707" }, HUAWEI_PARTNER);
    expect(huawei.body.data.returnRequest).toMatchObject({ number: "RT-0707" });

    const rep = (await subgraph.query(CUSTOMER, { id: "RC-1007" }, REP_RETAILER)).body.data.retailerCustomer;
    const seen = (await subgraph.query(CUSTOMER, { id: "RC-1007" }, AOLAN_PARTNER)).body.data.retailerCustomer;
    expect(rep.orders.length).toBeGreaterThan(0);
    expect(seen).toEqual({ id: "RC-1007", name: rep.name, orders: [], returns: [] });
  });

  it("a partner's timeline, open matters and lookups hold only its own records", async () => {
    const reps = [{ __typename: "Timeline", key: timelineKey(["RC-1001", "RC-1007"]) }];
    const all = (await subgraph.query(TIMELINE, { reps }, REP_RETAILER)).body.data._entities[0].ordersEvents;
    const aolan = (await subgraph.query(TIMELINE, { reps }, AOLAN_PARTNER)).body.data._entities[0].ordersEvents;
    const aolanSubjects = new Set(["YG-20261102-0001", "RT-0001"]);
    expect(aolan.length).toBeGreaterThan(0);
    expect(aolan.every((e: { subjectId: string }) => aolanSubjects.has(e.subjectId))).toBe(true);
    expect(aolan.length).toBe(all.filter((e: { subjectId: string }) => aolanSubjects.has(e.subjectId)).length);

    const matters = (await subgraph.query(MATTERS, { reps: [{ __typename: "OpenMattersView", key: encodeKey({ customerId: "C-TEST", ids: { orders: ["RC-1001", "RC-1007"] } }) }] }, AOLAN_PARTNER)).body.data._entities[0].ordersMatters;
    expect(matters.map((m: { subjectId: string }) => m.subjectId)).toEqual(["RT-0001"]);

    const lookup = async (value: string) =>
      (await subgraph.query(LOOKUP, { reps: [{ __typename: "CustomerLookup", key: encodeKey({ kind: "reference", value }) }] }, AOLAN_PARTNER)).body.data._entities[0].ordersMatches;
    expect(await lookup("YG-20261102-0001")).toEqual([{ externalId: "RC-1001", matchedBy: "order" }]);
    expect(await lookup("YG-20261010-0707")).toEqual([]);
  });

  it("analysts and partners may not sell services", async () => {
    for (const caller of [ANALYST, AOLAN_PARTNER]) {
      const { body } = await subgraph.query(SELL, { key: freshKey(caller.role) }, caller);
      expect(codes(body)).toEqual(["FORBIDDEN"]);
    }
    const sold = await subgraph.running.database.db.selectFrom("vas_orders").select("number").where("ordered_by_role", "in", ["analyst", "partner"]).execute();
    expect(sold).toEqual([]);
  });
});
