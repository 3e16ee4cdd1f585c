import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import type { DB } from "../../../subgraphs/billing/db/tables";
import { billingSubgraph } from "../../../subgraphs/billing/subgraph";
import type { SyntheticPerson } from "../../../subgraphs/kit";
import { dataOf } from "./support";

// Seeding is what these tests measure: thousands of seeded history events relayed to the
// event log (or JetStream) in the background would only compete with it. Delivery of seeded
// history is tested in tests/events.
const NO_DELIVERY = { events: false } as const;

const BIG = "BA-9300";
const ACCOUNT_SELECTION = `
  number lineCount
  lines(first: 100) { number plan { code } addOns { code } outages { id } account { number } }
  invoices(first: 100) { number issuedAt items { amountFen rule } }
  payments(first: 100) { id }
  suspensions { id triggeringInvoice { number } }
  disputes { id handledBy { name } promises { id } }
  outages { id }
  bundleRules { code }
`;

const entities = (numbers: string[]) => ({
  query: `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BillingAccount { ${ACCOUNT_SELECTION} } } }`,
  variables: { reps: numbers.map((number) => ({ __typename: "BillingAccount", number })) },
});

/** An account with 300 lines and 300 invoices of 2 items each, written straight into the database. */
async function insertBigAccount(subgraph: TestSubgraph<DB>): Promise<void> {
  const db = subgraph.running.database.db;
  const day = 86_400_000;
  const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();
  await db.insertInto("billing_accounts").values({ number: BIG, provider: "unicom", type: "CORPORATE_SETTLEMENT", holder_name: "大客户", holder_name_latin: "Big Customer", contact_phone: null, address: null, address_latin: null, status: "ACTIVE", balance_fen: 0, opened_at: iso(9000) }).execute();
  const n = Array.from({ length: 300 }, (_, i) => i);
  await db.insertInto("billing_lines").values(n.map((i) => ({
    number: `1770000${String(i).padStart(4, "0")}`, account_number: BIG, position: i + 1, kind: "MOBILE", member_name: `员工${i}`, member_name_latin: null, member_role: "EMPLOYEE",
    plan_code: i % 2 ? "UNI-CORP-A" : "UNI-CORP-B", status: "ACTIVE", activated_at: iso(400), equipment_serial: null, usage_period: "2026-01", usage_minutes: i, usage_data_mb: i, usage_sms: 0,
  }))).execute();
  await db.insertInto("line_add_ons").values(n.map((i) => ({ line_number: `1770000${String(i).padStart(4, "0")}`, add_on_code: "ADD-X" }))).execute();
  await db.insertInto("invoices").values(n.map((i) => ({ number: `INV-9300-${String(i).padStart(4, "0")}`, account_number: BIG, period: "2026-01", issued_at: iso(i * 30 + 1), due_at: iso(i * 30 - 14), total_fen: 100, status: "PAID", paid_at: iso(i * 30) }))).execute();
  await db.insertInto("invoice_items").values(n.flatMap((i) => [1, 2].map((position) => ({ id: `INV-9300-${i}-${position}`, invoice_number: `INV-9300-${String(i).padStart(4, "0")}`, position, description: "fee", line_number: null, amount_fen: 50, rule: "test rule", quantity: null, unit: null })))).execute();
  await db.insertInto("payments").values(n.map((i) => ({ id: `PAY-9300-${i}`, account_number: BIG, invoice_number: null, at: iso(i * 30), amount_fen: 100, method: "CASH" }))).execute();
}

describeEachDatabase("billing batching", (target) => {
  let subgraph: TestSubgraph<DB>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(billingSubgraph, target, NO_DELIVERY);
    await insertBigAccount(subgraph);
  });
  afterAll(() => subgraph.stop());

  it("_entities on BillingAccount costs the same statements for 3 things or 300, one account or five", async () => {
    // BA-4001 touches every nested list (suspension, dispute, outage), so both answers have the same shape.
    const small = entities(["BA-4001"]);
    const smallResult = await subgraph.query(small.query, small.variables);
    const smallData = dataOf(smallResult);
    expect(smallData._entities[0].invoices).toHaveLength(3);

    const large = entities([BIG, "BA-1001", "BA-2001", "BA-3001", "BA-4001"]);
    const largeResult = await subgraph.query(large.query, large.variables);
    const [big, , family, corporate, zhao] = dataOf(largeResult)._entities;
    expect(big.lineCount).toBe(300);
    expect(big.lines).toHaveLength(100);
    expect(big.invoices).toHaveLength(100);
    expect(big.invoices[0].items).toHaveLength(2);
    expect(big.payments).toHaveLength(100);
    const issued = big.invoices.map((invoice: { issuedAt: string }) => invoice.issuedAt);
    expect(issued).toEqual([...issued].sort().reverse());
    expect(big.lines.map((line: { number: string }) => line.number)[0]).toBe("17700000000");
    expect(family.bundleRules.length).toBeGreaterThan(0);
    expect(corporate.lines).toHaveLength(50);
    expect(zhao.disputes[0].handledBy.name).toBeTruthy();

    expect(Number.isFinite(smallResult.sqlStatements)).toBe(true);
    expect(largeResult.sqlStatements).toBe(smallResult.sqlStatements);
  });

  it("resolves many lines and invoices by reference in one statement per type", async () => {
    const reps = (count: number) => [
      ...Array.from({ length: count }, (_, i) => ({ __typename: "BillingLine", number: `1770000${String(i).padStart(4, "0")}` })),
      ...Array.from({ length: count }, (_, i) => ({ __typename: "Invoice", number: `INV-9300-${String(i).padStart(4, "0")}` })),
      { __typename: "Outage", id: "OUT-4001" },
      { __typename: "BillingDispute", id: "DSP-4001" },
      { __typename: "BillingLine", number: "19999999999" },
    ];
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on BillingLine { number plan { code } account { number } }
      ... on Invoice { number items { rule } account { number } }
      ... on Outage { id affectedLines { number } }
      ... on BillingDispute { id invoice { number } }
    } }`;
    const one = await subgraph.query(query, { reps: reps(1) });
    const many = await subgraph.query(query, { reps: reps(150) });
    const entitiesMany = dataOf(many)._entities;
    expect(dataOf(one)._entities).toHaveLength(5);
    expect(entitiesMany).toHaveLength(303);
    expect(entitiesMany[0]).toMatchObject({ number: "17700000000", account: { number: BIG } });
    expect(entitiesMany[302]).toBeNull();
    expect(many.sqlStatements).toBe(one.sqlStatements);
  });

  it("seeds synthetic people fast and queryably", async () => {
    const people: SyntheticPerson[] = Array.from({ length: 2000 }, (_, index) => ({
      index,
      customerId: `C-SYN-${index}`,
      name: `测试${index}`,
      nameLatin: `Test ${index}`,
      phone: `1660${String(index).padStart(7, "0")}`,
      email: `t${index}@example.com`,
      city: "武汉",
      ids: { orders: `O-${index}`, aftersales: `A-${index}`, billing: `BA-S${index}`, security: `u-${index}` },
      eventsPerSource: 10,
    }));
    const started = Date.now();
    await billingSubgraph.seedSynthetic(subgraph.running.database.db, people);
    expect(Date.now() - started).toBeLessThan(20_000);
    const data = dataOf(await subgraph.query(`{ billingLine(number: "166 0000 0042") { account { number holderName invoices(first: 100) { number items { rule } } } } }`));
    expect(data.billingLine.account).toMatchObject({ number: "BA-S42", holderName: "测试42" });
    expect(data.billingLine.account.invoices).toHaveLength(5);
    const events = await subgraph.running.database.db.selectFrom("timeline_events").select("id").where("owner_id", "=", "BA-S42").execute();
    expect(events.length).toBeGreaterThanOrEqual(9);
    expect(events.length).toBeLessThanOrEqual(10);
  });
});
