import type { DB } from "../../subgraphs/customers/db/tables";
import { customersSubgraph } from "../../subgraphs/customers/subgraph";
import { describeEachDatabase } from "../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../helpers/subgraphHarness";
import { REP_RETAILER } from "../helpers/testCaller";
import { ANALYST, codes, freshKey, GATEWAY_SYSTEM, HENGTONG_PARTNER } from "./callers";

const CUSTOMER = `query ($id: ID!) { customer(id: $id) {
  id name city address email phones { number label } identities { system externalId }
  billingAccounts { number } contacts(first: 50) { party note } beforeYouCall { party } complaints { againstOrganization }
} }`;
const LOG = `mutation ($input: ContactLogInput!, $key: String!) { logContact(input: $input, idempotencyKey: $key) { id party } }`;

describeEachDatabase("authorization: customers subgraph", (target) => {
  let subgraph: TestSubgraph<DB>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(customersSubgraph, target);
  });
  afterAll(async () => subgraph.stop());

  it("an analyst reads S2's customer with phone, email and street address masked; the name stays", async () => {
    const rep = (await subgraph.query(CUSTOMER, { id: "C-S2" }, REP_RETAILER)).body.data.customer;
    const { body } = await subgraph.query(CUSTOMER, { id: "C-S2" }, ANALYST);
    expect(body.errors).toBeUndefined();
    const seen = body.data.customer;
    expect(rep.phones[0].number).toBe("13912345678");
    expect(seen.phones).toEqual([{ number: "139****5678", label: "mobile" }]);
    expect(rep.email).toBe("lina@example.cn");
    expect(seen.email).toBe("l***@example.cn");
    expect(rep.address).toContain("中山路");
    expect(seen.address).toBe("南京市***");
    expect(seen.name).toBe(rep.name);
    expect(seen.identities).toEqual(rep.identities);
  });

  it("a maker partner sees S5's name and city, its own contacts and complaints only, no billing or security identities", async () => {
    const rep = (await subgraph.query(CUSTOMER, { id: "C-S5" }, REP_RETAILER)).body.data.customer;
    const { body } = await subgraph.query(CUSTOMER, { id: "C-S5" }, HENGTONG_PARTNER);
    expect(body.errors).toBeUndefined();
    const seen = body.data.customer;
    expect(seen.name).toBe(rep.name);
    expect(seen.city).toBe(rep.city);
    expect(seen.phones.every((p: { number: string }) => p.number.includes("****"))).toBe(true);
    expect(new Set(rep.contacts.map((c: { party: string }) => c.party))).toEqual(new Set(["jiangcheng", "hengtong", "hengtong-repair"]));
    expect(seen.contacts.length).toBe(rep.contacts.filter((c: { party: string }) => c.party === "hengtong").length);
    expect(seen.contacts.every((c: { party: string }) => c.party === "hengtong")).toBe(true);
    expect(seen.beforeYouCall).toEqual([{ party: "hengtong" }]);
    expect(seen.complaints.every((c: { againstOrganization: string }) => c.againstOrganization === "hengtong")).toBe(true);
    expect(rep.billingAccounts.length).toBeGreaterThan(0);
    expect(seen.billingAccounts).toEqual([]);
    expect(seen.identities.map((i: { system: string }) => i.system)).not.toContain("billing");
  });

  it("an analyst may not log a contact; a partner only as its own party", async () => {
    const input = { customerId: "C-S5", party: "jiangcheng", channel: "PHONE", direction: "OUTBOUND", outcome: "REACHED", note: "x" };
    const before = await subgraph.running.database.db.selectFrom("contacts").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const analyst = await subgraph.query(LOG, { input, key: freshKey("analyst-log") }, ANALYST);
    expect(codes(analyst.body)).toEqual(["FORBIDDEN"]);
    expect(analyst.body.errors[0].message).toMatch(/read-only|the analyst role may not use the mutation/);
    const otherParty = await subgraph.query(LOG, { input, key: freshKey("partner-log") }, HENGTONG_PARTNER);
    expect(codes(otherParty.body)).toEqual(["FORBIDDEN"]);
    const after = await subgraph.running.database.db.selectFrom("contacts").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const own = await subgraph.query(LOG, { input: { ...input, party: "hengtong" }, key: freshKey("partner-own") }, HENGTONG_PARTNER);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.logContact.party).toBe("hengtong");
  });

  it("the gateway's system identity reads no customer data", async () => {
    const { body } = await subgraph.query(CUSTOMER, { id: "C-S1" }, GATEWAY_SYSTEM);
    expect(codes(body)).toContain("FORBIDDEN");
    expect(body.data?.customer ?? null).toBeNull();
    const entities = await subgraph.query(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { name } } }`, { reps: [{ __typename: "Customer", id: "C-S1" }] }, GATEWAY_SYSTEM);
    expect(entities.body.data._entities).toEqual([null]);
    expect(codes(entities.body)).toEqual(["FORBIDDEN"]);
  });
});
