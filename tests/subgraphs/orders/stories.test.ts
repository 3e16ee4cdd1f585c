import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { ordersSubgraph } from "../../../subgraphs/orders/subgraph";
import type { DB } from "../../../subgraphs/orders/db/tables";

const ORDER = `query Order($number: String!) {
  order(number: $number) {
    number status channel totalFen totalYuan placedAt
    store { id name }
    lines { lineNo quantity unitPriceYuan serial product { sku name nameLatin model brand } }
    customer { id name nameLatin }
    returns { number type status nextStep handlingParty parties handler { name organization phone hours since } }
  }
}`;

describeEachDatabase("orders subgraph: the stories", (target) => {
  let t: TestSubgraph<DB>;
  beforeAll(async () => {
    t = await startTestSubgraph(ordersSubgraph, target);
  });
  afterAll(async () => t.stop());

  it("S1: from the order number the rep sees the water heater, its serial and the repair request waiting for the maker's technician", async () => {
    const { body } = await t.query(ORDER, { number: "YG-20261102-0001" });
    expect(body.errors).toBeUndefined();
    const order = body.data.order;
    expect(order).toMatchObject({ status: "AWAITING_TECHNICIAN", channel: "ONLINE", totalFen: 129900, totalYuan: "1299.00", store: null, customer: { id: "RC-1001", name: "王磊", nameLatin: "Wang Lei" } });
    expect(order.lines).toEqual([
      expect.objectContaining({ quantity: 1, unitPriceYuan: "1299.00", serial: "AL-EH60-88001", product: expect.objectContaining({ model: "AL-EH60", brand: "aolan" }) }),
    ]);
    expect(order.returns).toHaveLength(1);
    expect(order.returns[0]).toMatchObject({ number: "RT-0001", type: "REPAIR", status: "WAITING_AFTERSALES_TECHNICIAN", handlingParty: "aolan", parties: ["yougou", "aolan"] });
    expect(order.returns[0].handler).toMatchObject({ organization: "yougou", phone: "400-606-5500", hours: expect.stringContaining("09:00") });
  });

  it("finds an order however the rep types its number", async () => {
    const { body } = await t.query(`{ order(number: "  yg-20261102-0001 ") { number } }`);
    expect(body.data.order).toEqual({ number: "YG-20261102-0001" });
  });

  it("S7: the refund spans the store and the maker, says what the customer does next, and the new MateBook 13 is listed first", async () => {
    const { body } = await t.query(`{
      returnRequest(number: "RT-0707") {
        type status nextStep handlingParty parties refundFen
        store { id name nameLatin address phone hours }
        item { serial product { model brand } }
        order { number channel store { id } }
        customer { id name }
        handler { name organization tier }
      }
      retailerCustomer(id: "RC-1007") { name orders { number status lines { product { model } } } }
    }`);
    expect(body.errors).toBeUndefined();
    const request = body.data.returnRequest;
    expect(request).toMatchObject({ type: "REFUND", status: "CERTIFICATE_REQUIRED", parties: ["yougou", "huawei"], refundFen: 399900, order: { number: "YG-20261010-0707", channel: "STORE", store: { id: "ST-NJ-XJK" } } });
    expect(request.nextStep).toContain("SC-HW-NJ-XJK");
    expect(request.nextStep).toContain("refund");
    expect(request.store).toMatchObject({ id: "ST-NJ-XJK", name: "优购南京新街口店", phone: "025-8468-7700" });
    expect(request.store.address).toMatch(/南京/);
    expect(request.item.product.model).toMatch(/MateBook E/);
    // The store took the laptop back: the store counter owns the return now, not Huawei's expert.
    expect(request.handler).toMatchObject({ organization: "yougou" });
    const orders = body.data.retailerCustomer.orders;
    expect(orders.map((o: { number: string }) => o.number)).toEqual(["YG-20261105-0708", "YG-20261010-0707"]);
    expect(orders[0].lines[0].product.model).toBe("MateBook 13");
  });

  it("S6: the Lenovo PC's order and the evening visit sold inside case CS-LNV-0606", async () => {
    const { body } = await t.query(`query($reps: [_Any!]!) {
      retailerCustomer(id: "RC-1006") { orders { lines { serial product { brand } } } valueAddedServices { number caseNumber } }
      _entities(representations: $reps) { ... on ServiceCase { number valueAddedServices { number service status priceYuan orderedBy { name organization } customer { id } } } }
    }`, { reps: [{ __typename: "ServiceCase", number: "CS-LNV-0606" }] });
    expect(body.errors).toBeUndefined();
    expect(body.data.retailerCustomer.orders[0].lines).toContainEqual({ serial: "LNV-PF3X6006", product: { brand: "lenovo" } });
    expect(body.data.retailerCustomer.valueAddedServices).toEqual([{ number: "VAS-20261101-0606", caseNumber: "CS-LNV-0606" }]);
    expect(body.data._entities[0].valueAddedServices).toEqual([
      { number: "VAS-20261101-0606", service: "evening on-site visit", status: "SCHEDULED", priceYuan: "149.00", orderedBy: { name: "郑婷 Zheng Ting", organization: "lenovo" }, customer: { id: "RC-1006" } },
    ]);
  });

  it("answers store(id) with address, phone and hours", async () => {
    const { body } = await t.query(`{ store(id: "ST-NJ-XJK") { name nameLatin address addressLatin city phone hours } }`);
    expect(body.data.store).toMatchObject({ name: "优购南京新街口店", nameLatin: "Yougou Nanjing Xinjiekou Store", city: "Nanjing", phone: "025-8468-7700", hours: "10:00-22:00 daily" });
    expect(body.data.store.addressLatin).toContain("Zhongshan South Road");
  });

  it("returns null for well-formed unknown ids", async () => {
    const { body } = await t.query(`{
      order(number: "YG-20990101-9999") { number }
      returnRequest(number: "RT-9999") { number }
      retailerCustomer(id: "RC-9999") { id }
      store(id: "ST-XX-NONE") { id }
      valueAddedServiceOrder(number: "VAS-NONE") { number }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ order: null, returnRequest: null, retailerCustomer: null, store: null, valueAddedServiceOrder: null });
  });

  it.each([
    ["order(number: \"hello\") { number }", "number"],
    [`order(number: "YG-20261102-${"1".repeat(200)}") { number }`, "number"],
    ["returnRequest(number: \"RT-1; drop table\") { number }", "number"],
    ["store(id: \"../etc\") { id }", "id"],
    ["retailerCustomer(id: \"RC 1001\") { id }", "id"],
    ["retailerCustomer(id: \"RC-1001\") { orders(first: 0) { number } }", "first"],
    ["retailerCustomer(id: \"RC-1001\") { returns(first: 101) { number } }", "first"],
  ])("refuses malformed input with BAD_USER_INPUT: %s", async (selection, argument) => {
    const { body } = await t.query(`{ ${selection} }`);
    expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
  });

  it("answers a request without the gateway's token with 401 UNAUTHENTICATED", async () => {
    const result = await t.query(`{ order(number: "YG-20261102-0001") { number } }`, {}, null);
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(result.body.data).toBeUndefined();
  });
});
