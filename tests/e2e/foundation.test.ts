import { describeEachDatabase } from "../helpers/databases";
import type { Graph } from "../helpers/graphHarness";
import { sharedGraph } from "../helpers/sharedGraph";

/** The README's first query: the S1 customer by phone, with data from all five subgraphs. */
export const S1_BY_PHONE = `
query CustomerByPhone($phone: String!) {
  customersByPhone(phone: $phone) {
    id
    name
    nameLatin
    retailerAccounts {
      orders(first: 5) {
        number
        status
        serviceCases { number status visits { id windowStart windowEnd status technician { name phone } serviceCenter { name phone hours } } }
      }
    }
    billingAccounts { number type status balanceYuan }
    securityLogins { id status isLocked }
    timeline(first: 5, sources: ["security"]) { result { entries { at kind summary } missingSources } }
  }
}`;

describeEachDatabase("the customer graph end to end", (target) => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await sharedGraph(target);
  });
  afterAll(() => graph?.stop());

  it("answers the S1 customer by phone with data from all five subgraphs in one request", async () => {
    const { status, body } = await graph.query(S1_BY_PHONE, { phone: "+86 138-0719-1234" }, { headers: { "x-cost-report": "1" } });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const [customer] = body.data.customersByPhone;
    expect(customer).toMatchObject({ id: "C-S1", name: "王磊" });
    const order = customer.retailerAccounts[0].orders.find((o: { number: string }) => o.number === "YG-20261102-0001");
    expect(order.serviceCases[0].number).toBe("CS-AL-0001");
    expect(order.serviceCases[0].visits[0]).toMatchObject({ id: "VIS-0001", status: "SCHEDULED" });
    expect(order.serviceCases[0].visits[0].technician.phone).toBeTruthy();
    expect(customer.billingAccounts[0].number).toBe("BA-1001");
    expect(customer.securityLogins[0].id).toBe("u-wanglei");
    expect(customer.timeline.result.missingSources).toEqual([]);
    const served = new Set(body.extensions.cost.fetches.map((f: { subgraph: string }) => f.subgraph));
    expect([...served]).toEqual(expect.arrayContaining(["aftersales", "billing", "customers", "orders", "security"]));
  });

  it("answers an unknown phone with an empty list, and a malformed one with a coded error", async () => {
    const unknown = await graph.query(S1_BY_PHONE, { phone: "13900000000" });
    expect(unknown.body).toEqual({ data: { customersByPhone: [] } });
    const malformed = await graph.query(S1_BY_PHONE, { phone: "<script>" });
    expect(malformed.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(malformed.body)).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  it("refuses a malformed order number with BAD_USER_INPUT and an unknown one with null", async () => {
    const bad = await graph.query(`{ order(number: "'; drop table orders; --") { number } }`);
    expect(bad.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const unknown = await graph.query(`{ order(number: "YG-20000101-9999") { number } }`);
    expect(unknown.body).toEqual({ data: { order: null } });
  });

  it("reports ready only while every subgraph answers", async () => {
    const ready = await fetch(graph.gateway.url.replace("/graphql", "/ready"));
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as any).subgraphs).toMatchObject({ customers: "up", orders: "up", aftersales: "up", billing: "up", security: "up" });
    const health = await fetch(graph.gateway.url.replace("/graphql", "/health"));
    expect(health.status).toBe(200);
  });

  it("keeps the SQL statements per subgraph fetch flat whether a customer has 3 orders or 300", async () => {
    const orders = (await graph.database("orders")).db;
    const sku = (await orders.selectFrom("products").select("sku").executeTakeFirstOrThrow()).sku;
    for (const count of [3, 300]) {
      const customerId = `RC-BULK${count}`;
      await orders.insertInto("retailer_customers").values({ id: customerId, name: "批量 Bulk", name_latin: null, city: "武汉", member_since: new Date().toISOString() }).execute();
      const numbers = Array.from({ length: count }, (_, i) => `YG-BULK${count}-${String(i).padStart(4, "0")}`);
      await orders.insertInto("orders").values(numbers.map((number, i) => ({ number, customer_id: customerId, placed_at: new Date(Date.now() - i * 60_000).toISOString(), status: "DELIVERED", channel: "ONLINE", store_id: null, total_fen: 9900 }))).execute();
      await orders.insertInto("order_lines").values(numbers.map((number) => ({ order_number: number, line_no: 1, sku, quantity: 1, unit_price_fen: 9900, serial: null }))).execute();
    }
    // Each answer lists 3 or 100 orders with their lines, products and the maker's cases.
    const query = `query($id: ID!) { retailerCustomer(id: $id) { orders(first: 100) { number lines { product { name } } serviceCases { number visits { id } } } } }`;
    const costs: string[][] = [];
    for (const [id, expected] of [["RC-BULK3", 3], ["RC-BULK300", 100]] as const) {
      const { body } = await graph.query(query, { id }, { headers: { "x-cost-report": "1" } });
      expect(body.errors).toBeUndefined();
      expect(body.data.retailerCustomer.orders).toHaveLength(expected);
      costs.push(body.extensions.cost.fetches.map((f: { subgraph: string; sqlStatements: number }) => `${f.subgraph}:${f.sqlStatements}`));
    }
    expect(costs[0].length).toBe(costs[1].length);
    expect(costs[0]).toEqual(costs[1]);
  });
});
