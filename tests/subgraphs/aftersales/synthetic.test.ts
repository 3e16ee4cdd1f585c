import { aftersalesSubgraph } from "../../../subgraphs/aftersales/subgraph";
import type { DB } from "../../../subgraphs/aftersales/db/tables";
import { encodeKey, type SyntheticPerson } from "../../../subgraphs/kit";
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";

// Seeding is what these tests measure: thousands of seeded history events relayed to the
// event log (or JetStream) in the background would only compete with it. Delivery of seeded
// history is tested in tests/events.
const NO_DELIVERY = { events: false } as const;

function person(index: number, eventsPerSource: number): SyntheticPerson {
  const n = String(index).padStart(7, "0");
  return {
    index,
    customerId: `C-${n}`,
    name: "王伟",
    nameLatin: "Wei Wang",
    phone: `170${String(index).padStart(8, "0")}`,
    email: `customer${n}@example.cn`,
    city: "武汉",
    ids: { orders: `RC-S${n}`, aftersales: `MR-S${n}`, billing: `BA-S${n}`, security: `u-s${n}` },
    eventsPerSource,
  };
}

describeEachDatabase("aftersales: synthetic seeding", (target) => {
  let subgraph: TestSubgraph<DB>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(aftersalesSubgraph, target, NO_DELIVERY);
  });
  afterAll(async () => subgraph.stop());

  it("writes about eventsPerSource events per person, deterministically, and the records answer through the graph", async () => {
    const db = subgraph.running.database.db;
    const people = Array.from({ length: 200 }, (_, i) => person(i, 6));
    await aftersalesSubgraph.seedSynthetic(db, people);
    const counts = await db.selectFrom("timeline_events").select(["owner_id", (eb) => eb.fn.countAll().as("n")]).where("owner_id", "like", "MR-S%").groupBy("owner_id").execute();
    expect(counts).toHaveLength(200);
    for (const { n } of counts) {
      expect(Number(n)).toBeGreaterThanOrEqual(5);
      expect(Number(n)).toBeLessThanOrEqual(6);
    }
    const firstRun = await db.selectFrom("service_cases").select(["number", "status", "summary", "opened_at"]).where("owner_id", "=", "MR-S0000042").orderBy("number").execute();

    // Same people again into a second, empty database: the same records (times aside).
    const other = await startTestSubgraph(aftersalesSubgraph, target, NO_DELIVERY);
    try {
      await aftersalesSubgraph.seedSynthetic(other.running.database.db, people.slice(40, 45));
      const secondRun = await other.running.database.db.selectFrom("service_cases").select(["number", "status", "summary"]).where("owner_id", "=", "MR-S0000042").orderBy("number").execute();
      expect(secondRun).toEqual(firstRun.map(({ opened_at: _, ...rest }) => rest));
    } finally {
      await other.stop();
    }

    const lookup = await subgraph.query(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on CustomerLookup { aftersalesMatches { externalId matchedBy } } } }`, {
      reps: [{ __typename: "CustomerLookup", key: encodeKey({ kind: "phone", value: people[7].phone }) }],
    });
    expect(lookup.body.data._entities[0].aftersalesMatches).toEqual([{ externalId: "MR-S0000007", matchedBy: "phone" }]);
    const withOpenWork = await db.selectFrom("service_cases").select("owner_id").where("owner_id", "like", "MR-S%").where("status", "=", "SCHEDULED").execute();
    expect(withOpenWork.length).toBeGreaterThan(20);
    const matters = await subgraph.query(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OpenMattersView { aftersalesMatters { kind handler { name } } } } }`, {
      reps: [{ __typename: "OpenMattersView", key: encodeKey({ customerId: "C-X", ids: { aftersales: [withOpenWork[0].owner_id] } }) }],
    });
    const kinds = matters.body.data._entities[0].aftersalesMatters;
    expect(kinds.map((m: { kind: string }) => m.kind).sort()).toEqual(["SERVICE_CASE", "VISIT"]);
    expect(kinds.every((m: { handler: unknown }) => m.handler !== null)).toBe(true);
  });
});
