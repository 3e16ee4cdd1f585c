/**
 * Issue 10 item 7: orderValueAddedService refuses a case that does not exist, is closed,
 * is another customer's, or that the caller's organization may not sell in, each with its
 * code and with nothing saved; and a non-null violation anywhere is a coded error, never
 * `data: null` without errors. Through the real gateway in production mode.
 */
import { newKey, startProductionGraph, type ProductionGraph } from "./productionGraph";

const ORDER_VAS = `mutation Order($case: String!, $customer: ID!, $code: String!, $key: String!) {
  orderValueAddedService(caseNumber: $case, customerId: $customer, serviceCode: $code, idempotencyKey: $key) { number caseNumber serviceCase { number } }
}`;
const YOUGOU_REP = { role: "rep" as const, org: "yougou", sub: "rep-vas-chen" };
const AOLAN_REP = { role: "rep" as const, org: "aolan", sub: "rep-vas-aolan" };

describe("orderValueAddedService validates the case (production mode)", () => {
  let prod: ProductionGraph;
  beforeAll(async () => {
    prod = await startProductionGraph();
  });
  afterAll(() => prod?.stop());

  const saved = async () => {
    const orders = await prod.graph.database("orders");
    const vas = await orders.db.selectFrom("vas_orders").select("number").execute();
    const events = await orders.db.selectFrom("timeline_events").select("id").where("kind", "=", "VAS_ORDERED").execute();
    return { vas: vas.length, events: events.length };
  };

  it.each([
    ["a case that does not exist", YOUGOU_REP, { case: "CS-NOPE-0001", customer: "RC-1006" }, "NOT_FOUND", /no service case CS-NOPE-0001/],
    ["a closed case (of another maker)", YOUGOU_REP, { case: "CS-XH-4001", customer: "RC-1006" }, "CONFLICT", /CLOSED/],
    ["another customer's case", YOUGOU_REP, { case: "CS-AL-0001", customer: "RC-1006" }, "BAD_USER_INPUT", /not a case of customer RC-1006/],
    ["a case of another maker the caller is no party to", AOLAN_REP, { case: "CS-HW-0707", customer: "RC-1007" }, "FORBIDDEN", /aolan is not a party/],
  ])("refuses %s with its code and saves nothing", async (_label, caller, target, code, message) => {
    const before = await saved();
    const { status, body } = await prod.query(caller, ORDER_VAS, { ...target, code: "ONSITE_2H", key: newKey("vas") });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe(code);
    expect(body.errors[0].message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|\bat .*\.js:\d+/);
    expect(await saved()).toEqual(before);
  });

  it("still sells in an open case of the customer, for the retailer and for the case's maker", async () => {
    const before = await saved();
    const sold = await prod.query(YOUGOU_REP, ORDER_VAS, { case: "CS-AL-0001", customer: "RC-1001", code: "ONSITE_2H", key: newKey("ok") });
    expect(sold.body.errors).toBeUndefined();
    expect(sold.body.data.orderValueAddedService).toMatchObject({ caseNumber: "CS-AL-0001", serviceCase: { number: "CS-AL-0001" } });
    const byMaker = await prod.query(AOLAN_REP, ORDER_VAS, { case: "CS-AL-0001", customer: "RC-1001", code: "UPGRADE_PACK", key: newKey("maker") });
    expect(byMaker.body.errors).toBeUndefined();
    expect((await saved()).vas).toBe(before.vas + 2);
  });

  it("answers a non-null violation (a case aftersales does not know) with a coded error, not data: null alone", async () => {
    // A sale recorded before the check existed, in a case that does not exist anywhere.
    const orders = await prod.graph.database("orders");
    const at = new Date().toISOString();
    await orders.db
      .insertInto("vas_orders")
      .values({ number: "VAS-LEGACY-0001", case_number: "CS-GHOST-0001", customer_id: "RC-1006", service_code: "ONSITE_2H", service_name: "2-hour on-site visit", price_fen: 19900, status: "ORDERED", ordered_at: at, due_at: at, ordered_by_name: "legacy", ordered_by_role: "rep", ordered_by_org: "yougou", closed_at: null, open_slot: null })
      .execute();
    const { status, body } = await prod.query(YOUGOU_REP, `{ valueAddedServiceOrder(number: "VAS-LEGACY-0001") { number serviceCase { number status } } }`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ valueAddedServiceOrder: null });
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors) {
      expect(error.extensions.code).toBe("INTERNAL_SERVER_ERROR");
      expect(error.extensions.stacktrace).toBeUndefined();
    }
    expect(body.errors[0].path).toEqual(["valueAddedServiceOrder", "serviceCase", "status"]);
    expect(body.extensions?.valueCompletion).toBeUndefined();
  });
});
