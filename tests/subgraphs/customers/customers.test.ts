import { encodeKey, type LookupQuery, type TimelineQuery } from "../../../subgraphs/kit";
import { customersSubgraph } from "../../../subgraphs/customers/subgraph";
import { SOURCES } from "../../../subgraphs/customers/sources";

/** What the planner would send: every source answered (empty) unless a test says otherwise. */
function answeredBy(suffix: "Events" | "Matters" | "Matches", overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...Object.fromEntries(SOURCES.map((source) => [`${source}${suffix}`, []])), ...overrides };
}
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";

describeEachDatabase("customers subgraph", (target) => {
  let subgraph: TestSubgraph<any>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(customersSubgraph, target);
  });
  afterAll(() => subgraph?.stop());

  it("finds a customer by phone in any format, and both people behind a shared home phone", async () => {
    for (const phone of ["+86 138 0719 1234", "138-0719-1234", "8613807191234"]) {
      const { body } = await subgraph.query(`query($p: String!) { customersByPhone(phone: $p) { id name } }`, { p: phone });
      expect(body.data.customersByPhone).toEqual([{ id: "C-S1", name: "王磊" }]);
    }
    const shared = await subgraph.query(`{ customersByPhone(phone: "027-8765-4321") { id } }`);
    expect(shared.body.data.customersByPhone.map((c: { id: string }) => c.id)).toEqual(["C-S3", "C-S3P"]);
  });

  it("rejects a malformed phone with BAD_USER_INPUT and no stack trace", async () => {
    const { body } = await subgraph.query(`{ customersByPhone(phone: "call me maybe") { id } }`);
    expect(body.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:/);
  });

  it("refuses requests that do not carry the gateway's token", async () => {
    const result = await subgraph.query(`{ customer(id: "C-S1") { id } }`, {}, null);
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("links the person to an identity in every system", async () => {
    const { body } = await subgraph.query(`{ customer(id: "C-S1") { identities { system externalId } retailerAccounts { id } billingAccounts { number } securityLogins { id } makerRegistrations { id } } }`);
    const c = body.data.customer;
    expect(c.identities.map((i: { system: string }) => i.system).sort()).toEqual(["aftersales", "billing", "orders", "security"]);
    expect(c.retailerAccounts).toEqual([{ id: "RC-1001" }]);
    expect(c.billingAccounts).toEqual([{ number: "BA-1001" }]);
  });

  it("says before you call that the S5 customer told the provider it was resolved at 09:12", async () => {
    const { body } = await subgraph.query(`{ customer(id: "C-S5") { beforeYouCall { party headline latest { outcome } } } }`);
    const provider = body.data.customer.beforeYouCall.find((p: { party: string }) => p.party === "jiangcheng");
    expect(provider.latest.outcome).toBe("TOLD_RESOLVED");
    expect(provider.headline).toMatch(/resolved at 09:12/);
  });

  it("runs the same number of SQL statements for 3 and for 300 customers' contacts", async () => {
    const db = subgraph.running.database.db;
    const counts: number[] = [];
    for (const n of [3, 300]) {
      const ids = Array.from({ length: n }, (_, i) => `C-B${n}-${i}`);
      await db.insertInto("customers").values(ids.map((id) => ({ id, name: "批量 Batch", created_at: new Date().toISOString() }))).execute();
      const reps = ids.map((id) => ({ __typename: "Customer", id }));
      const result = await subgraph.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id contacts(first: 5) { id } identities { system } phones { number } } } }`, { r: reps });
      expect(result.body.data._entities).toHaveLength(n);
      counts.push(result.sqlStatements);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });

  it("merges sources' timeline slices with its own, newest first, and names a source that returned nothing", async () => {
    const query: TimelineQuery = { customerId: "C-S5", first: 3, after: null, sources: null, kinds: null, since: null, until: null, ids: { customers: ["C-S5"], aftersales: ["MR-HT-5005"], billing: ["BA-5001"] } };
    const event = (id: string, at: string) => ({ id, at, source: "aftersales", kind: "X", summary: "s", actor: null, subjectType: "ServiceCase", subjectId: "CS-HT-0505", cursor: "c" });
    const representation = { __typename: "Timeline", key: encodeKey(query), ...answeredBy("Events", { aftersalesEvents: [event("aftersales:a", "2999-01-02T00:00:00.000Z"), event("aftersales:b", "2999-01-01T00:00:00.000Z")], billingEvents: null }) };
    const { body } = await subgraph.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Timeline { result { entries { id source } pageInfo { hasNextPage endCursor } missingSources } } } }`, { r: [representation] });
    const result = body.data._entities[0].result;
    expect(result.entries.map((e: { id: string }) => e.id).slice(0, 2)).toEqual(["aftersales:a", "aftersales:b"]);
    expect(result.entries[2].source).toBe("customers");
    expect(result.pageInfo.hasNextPage).toBe(true);
    expect(result.missingSources).toEqual(["billing"]);
  });

  it("maps source matches back to people through identity links", async () => {
    const key = encodeKey({ kind: "reference", value: "YG-20261102-0001" } satisfies LookupQuery);
    const representation = { __typename: "CustomerLookup", key, ...answeredBy("Matches", { ordersMatches: [{ system: "orders", externalId: "RC-1001", matchedBy: "order" }] }) };
    const { body } = await subgraph.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on CustomerLookup { result { candidates { customer { id } matchedBy } missingSources } } } }`, { r: [representation] });
    expect(body.data._entities[0].result).toEqual({ candidates: [{ customer: { id: "C-S1" }, matchedBy: ["order"] }], missingSources: [] });
  });

  it("logs a contact once per idempotency key and records it in the timeline with its actor", async () => {
    const mutation = `mutation($k: String!) { logContact(idempotencyKey: $k, input: { customerId: "C-S5", party: "hengtong", channel: "PHONE", direction: "OUTBOUND", outcome: "REACHED", note: "confirmed resolved" }) { id at byName } }`;
    const first = await subgraph.query(mutation, { k: "contact-1" });
    const again = await subgraph.query(mutation, { k: "contact-1" });
    expect(again.body.data.logContact).toEqual(first.body.data.logContact);
    const db = subgraph.running.database.db;
    const rows = await db.selectFrom("contacts").selectAll().where("note", "=", "confirmed resolved").execute();
    expect(rows).toHaveLength(1);
    const events = await db.selectFrom("timeline_events").selectAll().where("summary", "like", "%confirmed resolved%").execute();
    expect(events).toHaveLength(1);
    expect(events[0].actor_org).toBe("yougou");
  });

  it("refuses an unknown contact outcome with BAD_USER_INPUT and writes nothing", async () => {
    const db = subgraph.running.database.db;
    const count = async () => Number(((await db.selectFrom("contacts").select((eb: any) => eb.fn.countAll().as("n")).executeTakeFirst()) as any).n);
    const before = await count();
    const { body } = await subgraph.query(`mutation { logContact(idempotencyKey: "bad-1", input: { customerId: "C-S5", party: "hengtong", channel: "PIGEON", direction: "OUTBOUND", outcome: "REACHED" }) { id } }`);
    expect(body.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(await count()).toBe(before);
  });
});
