import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { ordersSubgraph } from "../../../subgraphs/orders/subgraph";
import type { DB } from "../../../subgraphs/orders/db/tables";
import { insertCustomerWithOrders } from "./helpers";

const ORDER_ENTITIES = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Order { number totalYuan store { name } lines { serial product { name brand } } customer { id name } returns { number parties handler { name } } }
  }
}`;

const CUSTOMER_ENTITIES = `query($reps: [_Any!]!, $first: Int) {
  _entities(representations: $reps) {
    ... on RetailerCustomer { id orders(first: $first) { number placedAt lines { product { sku } } store { id } } returns(first: $first) { number } }
  }
}`;

/*
 * The SQL statement count of a request must not grow with the answer: every reference and
 * list field goes through a per-request loader (ARCHITECTURE: batching).
 */
describeEachDatabase("orders subgraph: batching", (target) => {
  let t: TestSubgraph<DB>;
  let few: string[];
  let many: string[];
  beforeAll(async () => {
    t = await startTestSubgraph(ordersSubgraph, target);
    few = await insertCustomerWithOrders(t.running.database.db, "RC-9003", 3);
    many = await insertCustomerWithOrders(t.running.database.db, "RC-9300", 300);
  });
  afterAll(async () => t.stop());

  it("resolves 3 and 300 Order references with the same number of statements", async () => {
    const small = await t.query(ORDER_ENTITIES, { reps: few.map((number) => ({ __typename: "Order", number })) });
    const large = await t.query(ORDER_ENTITIES, { reps: many.map((number) => ({ __typename: "Order", number })) });
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(small.body.data._entities).toHaveLength(3);
    expect(large.body.data._entities).toHaveLength(300);
    expect(large.body.data._entities[299]).toMatchObject({ number: many[299], customer: { id: "RC-9300" }, returns: [expect.objectContaining({ parties: expect.any(Array) })] });
    expect(small.sqlStatements).toBeGreaterThan(0);
    expect(large.sqlStatements).toBe(small.sqlStatements);
  });

  it("lists a customer's orders newest first, bounded by first, with the same statements for 3 and 300 orders", async () => {
    const small = await t.query(CUSTOMER_ENTITIES, { reps: [{ __typename: "RetailerCustomer", id: "RC-9003" }], first: 100 });
    const large = await t.query(CUSTOMER_ENTITIES, { reps: [{ __typename: "RetailerCustomer", id: "RC-9300" }], first: 100 });
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(small.body.data._entities[0].orders).toHaveLength(3);
    const orders = large.body.data._entities[0].orders as Array<{ number: string; placedAt: string }>;
    expect(orders).toHaveLength(100);
    expect(orders[0].number).toBe(many[299]);
    expect(orders.map((o) => o.placedAt)).toEqual([...orders.map((o) => o.placedAt)].sort().reverse());
    expect(large.sqlStatements).toBe(small.sqlStatements);
  });

  it("serves several customers in one _entities call with the statements of one", async () => {
    const one = await t.query(CUSTOMER_ENTITIES, { reps: [{ __typename: "RetailerCustomer", id: "RC-9003" }], first: 20 });
    const three = await t.query(CUSTOMER_ENTITIES, {
      reps: ["RC-9003", "RC-9300", "RC-1007"].map((id) => ({ __typename: "RetailerCustomer", id })),
      first: 20,
    });
    expect(three.body.errors).toBeUndefined();
    expect(three.body.data._entities.map((c: { orders: unknown[] }) => c.orders.length)).toEqual([3, 20, 2]);
    expect(three.sqlStatements).toBe(one.sqlStatements);
  });

  it("batches ServiceCase.valueAddedServices over many cases", async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on ServiceCase { number valueAddedServices { number customer { id } } } } }`;
    const one = await t.query(query, { reps: [{ __typename: "ServiceCase", number: "CS-LNV-0606" }] });
    const many = await t.query(query, { reps: ["CS-LNV-0606", ...Array.from({ length: 50 }, (_, i) => `CS-X-${i}`)].map((number) => ({ __typename: "ServiceCase", number })) });
    expect(many.body.errors).toBeUndefined();
    expect(many.body.data._entities).toHaveLength(51);
    expect(many.body.data._entities[0].valueAddedServices[0]).toEqual({ number: "VAS-20261101-0606", customer: { id: "RC-1006" } });
    expect(many.body.data._entities[1].valueAddedServices).toEqual([]);
    expect(many.sqlStatements).toBe(one.sqlStatements);
  });

  it("returns null for an unknown entity reference instead of failing the batch", async () => {
    const { body } = await t.query(ORDER_ENTITIES, { reps: [{ __typename: "Order", number: "YG-20990101-0000" }, { __typename: "Order", number: few[0] }] });
    expect(body.data._entities[0]).toBeNull();
    expect(body.data._entities[1].number).toBe(few[0]);
  });
});
