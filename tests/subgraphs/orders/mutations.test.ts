import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { REP_RETAILER } from "../../helpers/testCaller";
import { ordersSubgraph } from "../../../subgraphs/orders/subgraph";
import type { DB } from "../../../subgraphs/orders/db/tables";
import { ANALYST, freshKey, REP_LENOVO } from "./helpers";

const ORDER_VAS = `mutation Order($caseNumber: String!, $customerId: ID!, $serviceCode: String!, $key: String!) {
  orderValueAddedService(caseNumber: $caseNumber, customerId: $customerId, serviceCode: $serviceCode, idempotencyKey: $key) {
    number caseNumber serviceCode service priceFen priceYuan status orderedAt dueAt orderedBy { name role organization } customer { id }
  }
}`;

describeEachDatabase("orders subgraph: orderValueAddedService", (target) => {
  let t: TestSubgraph<DB>;
  beforeAll(async () => {
    t = await startTestSubgraph(ordersSubgraph, target);
    // Two more open Lenovo cases of RC-1006, as the retailer knows them (service_case_refs), to sell in.
    await t.running.database.db
      .insertInto("service_case_refs")
      .values(["CS-LNV-0707", "CS-LNV-0808"].map((case_number) => ({ case_number, customer_id: "RC-1006", maker: "lenovo", parties: "lenovo", status: "OPEN" })))
      .execute();
  });
  afterAll(async () => t.stop());

  const db = () => t.running.database.db;
  const count = async (table: "vas_orders" | "timeline_events" | "matter_handlers" | "idempotency_keys") =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

  it("sells a service inside a case, attributed to the caller, and a repeat with the same key changes nothing", async () => {
    const key = freshKey("vas");
    const variables = { caseNumber: "CS-LNV-0606", customerId: "RC-1006", serviceCode: "ONSITE_2H", key };
    const first = await t.query(ORDER_VAS, variables, REP_LENOVO);
    expect(first.body.errors).toBeUndefined();
    const sold = first.body.data.orderValueAddedService;
    expect(sold).toMatchObject({ caseNumber: "CS-LNV-0606", serviceCode: "ONSITE_2H", service: "2-hour on-site visit", priceFen: 19900, priceYuan: "199.00", status: "ORDERED", customer: { id: "RC-1006" } });
    expect(sold.orderedBy).toEqual({ name: REP_LENOVO.name, role: "rep", organization: "lenovo" });
    expect(Date.parse(sold.dueAt) - Date.parse(sold.orderedAt)).toBe(2 * 3_600_000);

    const before = await Promise.all([count("vas_orders"), count("timeline_events"), count("matter_handlers")]);
    const repeat = await t.query(ORDER_VAS, variables, REP_LENOVO);
    expect(repeat.body.data.orderValueAddedService).toEqual(sold);
    expect(await Promise.all([count("vas_orders"), count("timeline_events"), count("matter_handlers")])).toEqual(before);

    const event = await db().selectFrom("timeline_events").selectAll().where("subject_id", "=", sold.number).execute();
    expect(event).toHaveLength(1);
    expect(event[0]).toMatchObject({ owner_id: "RC-1006", kind: "VAS_ORDERED", actor_name: REP_LENOVO.name, actor_org: "lenovo", subject_type: "ValueAddedServiceOrder" });
    expect(event[0].summary).toContain("CS-LNV-0606");

    const inCase = await t.query(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on ServiceCase { valueAddedServices { number } } } }`, {
      reps: [{ __typename: "ServiceCase", number: "CS-LNV-0606" }],
    });
    expect(inCase.body.data._entities[0].valueAddedServices.map((v: { number: string }) => v.number)).toContain(sold.number);
  });

  it("refuses the same service twice in one open case with CONFLICT", async () => {
    const variables = { caseNumber: "CS-LNV-0707", customerId: "RC-1006", serviceCode: "UPGRADE_PACK" };
    const first = await t.query(ORDER_VAS, { ...variables, key: freshKey("a") });
    expect(first.body.errors).toBeUndefined();
    const second = await t.query(ORDER_VAS, { ...variables, key: freshKey("b") });
    expect(second.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", existing: first.body.data.orderValueAddedService.number });
  });

  it("ends a concurrent pair for the same service in one consistent state: one sale, one CONFLICT", async () => {
    const variables = { caseNumber: "CS-HW-0707", customerId: "RC-1007", serviceCode: "ONSITE_EVENING" };
    const results = await Promise.all([t.query(ORDER_VAS, { ...variables, key: freshKey("p") }), t.query(ORDER_VAS, { ...variables, key: freshKey("q") })]);
    const wins = results.filter((r) => r.body.data?.orderValueAddedService);
    const losses = results.filter((r) => r.body.errors?.[0].extensions?.code === "CONFLICT");
    expect(wins).toHaveLength(1);
    expect(losses).toHaveLength(1);
    const rows = await db().selectFrom("vas_orders").selectAll().where("case_number", "=", "CS-HW-0707").execute();
    expect(rows.map((r) => r.number)).toEqual([wins[0].body.data.orderValueAddedService.number]);
    const events = await db().selectFrom("timeline_events").select("id").where("subject_id", "=", rows[0].number).execute();
    expect(events).toHaveLength(1);
  });

  it("answers a concurrent repeat of the same key with the same sale", async () => {
    const variables = { caseNumber: "CS-AL-0001", customerId: "RC-1001", serviceCode: "ONSITE_2H", key: freshKey("same") };
    const [a, b] = await Promise.all([t.query(ORDER_VAS, variables), t.query(ORDER_VAS, variables)]);
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();
    expect(b.body.data.orderValueAddedService.number).toBe(a.body.data.orderValueAddedService.number);
    const rows = await db().selectFrom("vas_orders").select("number").where("case_number", "=", "CS-AL-0001").execute();
    expect(rows).toHaveLength(1);
  });

  it.each([
    [{ serviceCode: "FREE_PASSWORD_RESET" }, "BAD_USER_INPUT", "serviceCode"],
    [{ serviceCode: "onsite 2h!" }, "BAD_USER_INPUT", "serviceCode"],
    [{ caseNumber: "not a case" }, "BAD_USER_INPUT", "caseNumber"],
    [{ customerId: "RC 1006" }, "BAD_USER_INPUT", "customerId"],
    [{ customerId: "RC-4040" }, "NOT_FOUND", "customerId"],
    [{ key: "   " }, "BAD_USER_INPUT", "idempotencyKey"],
  ])("refuses %j with %s", async (override, code, argument) => {
    const before = await count("vas_orders");
    const { body } = await t.query(ORDER_VAS, { caseNumber: "CS-LNV-0606", customerId: "RC-1006", serviceCode: "UPGRADE_PACK", key: freshKey("bad"), ...override });
    expect(body.errors?.[0].extensions).toMatchObject({ code, argument });
    expect(await count("vas_orders")).toBe(before);
  });

  it("does not let an analyst sell services", async () => {
    const { body } = await t.query(ORDER_VAS, { caseNumber: "CS-LNV-0606", customerId: "RC-1006", serviceCode: "UPGRADE_PACK", key: freshKey("analyst") }, ANALYST);
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("lets a retailer rep sell too, and the sale is attributed to the retailer", async () => {
    const { body } = await t.query(ORDER_VAS, { caseNumber: "CS-LNV-0808", customerId: "RC-1006", serviceCode: "UPGRADE_PACK", key: freshKey("retail") }, REP_RETAILER);
    expect(body.data.orderValueAddedService.orderedBy).toMatchObject({ name: REP_RETAILER.name, organization: "yougou" });
  });
});
