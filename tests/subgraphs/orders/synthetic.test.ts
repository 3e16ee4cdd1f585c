import type { SyntheticPerson } from "../../../subgraphs/kit";
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { ordersSubgraph } from "../../../subgraphs/orders/subgraph";
import type { DB } from "../../../subgraphs/orders/db/tables";

// Seeding is what these tests measure: thousands of seeded history events relayed to the
// event log (or JetStream) in the background would only compete with it. Delivery of seeded
// history is tested in tests/events.
const NO_DELIVERY = { events: false } as const;

function person(index: number, eventsPerSource: number): SyntheticPerson {
  return {
    index,
    customerId: `C-SYN-${index}`,
    name: "张三",
    nameLatin: "Zhang San",
    phone: `138${String(index).padStart(8, "0")}`,
    email: `syn${index}@example.cn`,
    city: "Wuhan",
    ids: { orders: `RC-S${index}`, aftersales: `MR-S${index}`, billing: `BA-S${index}`, security: `u-s${index}` },
    eventsPerSource,
  };
}

describeEachDatabase("orders subgraph: synthetic customers", (target) => {
  let t: TestSubgraph<DB>;
  beforeAll(async () => {
    t = await startTestSubgraph(ordersSubgraph, target, NO_DELIVERY);
  });
  afterAll(async () => t.stop());

  it("writes about eventsPerSource timeline events per person, in bulk, queryable through the graph", async () => {
    const people = Array.from({ length: 1000 }, (_, i) => person(i, 12));
    const started = Date.now();
    await ordersSubgraph.seedSynthetic(t.running.database.db, people);
    // 100k people must take minutes, not hours: 1000 people in well under a few seconds.
    expect(Date.now() - started).toBeLessThan(15_000);

    const db = t.running.database.db;
    const perOwner = await db
      .selectFrom("timeline_events")
      .select(["owner_id", (eb) => eb.fn.countAll().as("n")])
      .where("owner_id", "like", "RC-S%")
      .groupBy("owner_id")
      .execute();
    expect(perOwner).toHaveLength(1000);
    for (const row of perOwner) {
      expect(Number(row.n)).toBeGreaterThanOrEqual(12);
      expect(Number(row.n)).toBeLessThanOrEqual(12 + 2 * 4);
    }

    const { body } = await t.query(`{ retailerCustomer(id: "RC-S42") { name orders(first: 100) { number totalFen lines { unitPriceFen quantity product { brand } } } } }`);
    expect(body.errors).toBeUndefined();
    const orders = body.data.retailerCustomer.orders as Array<{ number: string; totalFen: number; lines: Array<{ unitPriceFen: number; quantity: number }> }>;
    expect(orders).toHaveLength(4);
    for (const order of orders) {
      expect(order.totalFen).toBe(order.lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0));
    }
  });

  it("is deterministic: a person's records depend only on their index", async () => {
    const other = await startTestSubgraph(ordersSubgraph, target, NO_DELIVERY);
    try {
      await ordersSubgraph.seedSynthetic(other.running.database.db, [person(7, 12)]);
      const records = (db: typeof t.running.database.db) =>
        db.selectFrom("orders").select(["number", "placed_at", "total_fen", "channel", "store_id"]).where("customer_id", "=", "RC-S7").orderBy("number").execute();
      const here = await records(t.running.database.db);
      expect(here.length).toBeGreaterThan(0);
      // Times are relative to the moment of seeding; everything else is identical.
      const stable = (rows: Awaited<ReturnType<typeof records>>) => rows.map(({ placed_at: _at, ...rest }) => rest);
      expect(stable(await records(other.running.database.db))).toEqual(stable(here));
    } finally {
      await other.stop();
    }
  });
});
