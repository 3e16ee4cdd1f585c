import type { DB } from "../../subgraphs/aftersales/db/tables";
import { aftersalesSubgraph } from "../../subgraphs/aftersales/subgraph";
import { encodeKey } from "../../subgraphs/kit";
import { describeEachDatabase } from "../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../helpers/subgraphHarness";
import { REP_RETAILER } from "../helpers/testCaller";
import { ANALYST, AOLAN_PARTNER, codes, freshKey, GATEWAY_SYSTEM } from "./callers";

const CASE = `query ($number: String!) { serviceCase(number: $number) { number maker customer { name city address phoneMasked } visits { id } } }`;
const REGISTRATION = `query ($id: String!) { makerCustomer(id: $id) { id name address } }`;
const CASES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ServiceCase { number maker } } }`;
const CANCEL = `mutation ($id: String!, $key: String!) { cancelVisit(visitId: $id, reason: "resolved by the customer", idempotencyKey: $key) { id status } }`;
const RESOLVE = `mutation ($n: String!, $key: String!) { resolveCaseByCustomer(caseNumber: $n, note: "fixed it", idempotencyKey: $key) { number status } }`;
const TIMELINE = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Timeline { aftersalesEvents { id subjectId } } } }`;
const MATTERS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OpenMattersView { aftersalesMatters { kind subjectId } } } }`;
const LOOKUP = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on CustomerLookup { aftersalesMatches { externalId } } } }`;

const OWNERS = ["MR-AOLAN-5001", "MR-XH-4001", "MR-HT-5005", "MR-LNV-6006", "MR-HW-7007", "MR-HW-7008"];
const timelineKey = (first: number) => encodeKey({ customerId: "C-TEST", first, after: null, sources: null, kinds: null, since: null, until: null, ids: { aftersales: OWNERS } });

describeEachDatabase("authorization: aftersales subgraph", (target) => {
  let subgraph: TestSubgraph<DB>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(aftersalesSubgraph, target);
  });
  afterAll(async () => subgraph.stop());

  const visitStatus = async (id: string) =>
    (await subgraph.running.database.db.selectFrom("visits").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

  it("an analyst sees S1's registration with the street address reduced to the city; reps see it whole", async () => {
    const rep = (await subgraph.query(CASE, { number: "CS-AL-0001" }, REP_RETAILER)).body.data.serviceCase;
    const { body } = await subgraph.query(CASE, { number: "CS-AL-0001" }, ANALYST);
    expect(body.errors).toBeUndefined();
    expect(rep.customer.address).toContain("珞狮路");
    expect(body.data.serviceCase.customer).toEqual({ name: "王磊", city: "武汉", address: "武汉市***", phoneMasked: "138****1234" });
  });

  it("a maker partner (aolan) reads its own case CS-AL-0001 but not Huawei's CS-HW-0707 (null + FORBIDDEN)", async () => {
    const own = await subgraph.query(CASE, { number: "CS-AL-0001" }, AOLAN_PARTNER);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.serviceCase).toMatchObject({ number: "CS-AL-0001", maker: "aolan", customer: { address: "武汉市***" } });
    expect(own.body.data.serviceCase.visits.map((v: { id: string }) => v.id)).toContain("VIS-0001");

    const other = await subgraph.query(CASE, { number: "CS-HW-0707" }, AOLAN_PARTNER);
    expect(other.body.data.serviceCase).toBeNull();
    expect(codes(other.body)).toEqual(["FORBIDDEN"]);
    expect(other.body.errors[0].message).toContain("huawei");

    const registration = await subgraph.query(REGISTRATION, { id: "MR-HW-7007" }, AOLAN_PARTNER);
    expect(registration.body.data.makerCustomer).toBeNull();
    expect(codes(registration.body)).toEqual(["FORBIDDEN"]);
  });

  it("_entities: the partner's own case resolves, another maker's is null with its own FORBIDDEN error, in the same statements", async () => {
    const reps = [{ __typename: "ServiceCase", number: "CS-AL-0001" }, { __typename: "ServiceCase", number: "CS-HW-0707" }, { __typename: "ServiceCase", number: "CS-HT-0505" }];
    const { body, sqlStatements } = await subgraph.query(CASES, { reps }, AOLAN_PARTNER);
    expect(body.data._entities).toEqual([{ number: "CS-AL-0001", maker: "aolan" }, null, null]);
    expect(codes(body)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    // One statement for the cases, one for the parties of the foreign ones: not one per case.
    expect(sqlStatements).toBeLessThanOrEqual(2);
  });

  it("a partner's timeline, open matters and lookups hold only its own maker's registrations", async () => {
    const all = (await subgraph.query(TIMELINE, { reps: [{ __typename: "Timeline", key: timelineKey(100) }] }, REP_RETAILER)).body.data._entities[0].aftersalesEvents;
    const { body } = await subgraph.query(TIMELINE, { reps: [{ __typename: "Timeline", key: timelineKey(100) }] }, AOLAN_PARTNER);
    expect(body.errors).toBeUndefined();
    const mine = await subgraph.running.database.db.selectFrom("timeline_events").select("id").where("owner_id", "=", "MR-AOLAN-5001").execute();
    const seen = body.data._entities[0].aftersalesEvents.map((e: { id: string }) => e.id).sort();
    expect(seen).toEqual(mine.map((row) => `aftersales:${row.id}`).sort());
    expect(all.length).toBeGreaterThan(seen.length);

    const matters = (await subgraph.query(MATTERS, { reps: [{ __typename: "OpenMattersView", key: encodeKey({ customerId: "C-TEST", ids: { aftersales: OWNERS } }) }] }, AOLAN_PARTNER)).body.data._entities[0].aftersalesMatters;
    expect(matters.length).toBeGreaterThan(0);
    expect(matters.every((m: { subjectId: string }) => ["CS-AL-0001", "VIS-0001"].includes(m.subjectId))).toBe(true);

    const lookup = async (value: string) =>
      (await subgraph.query(LOOKUP, { reps: [{ __typename: "CustomerLookup", key: encodeKey({ kind: "reference", value }) }] }, AOLAN_PARTNER)).body.data._entities[0].aftersalesMatches;
    expect(await lookup("CS-AL-0001")).toEqual([{ externalId: "MR-AOLAN-5001" }]);
    expect(await lookup("CS-HW-0707")).toEqual([]);
  });

  it("analysts may not act; a partner cannot cancel another maker's visit but can cancel its own", async () => {
    const analyst = await subgraph.query(CANCEL, { id: "VIS-0001", key: freshKey("analyst-cancel") }, ANALYST);
    expect(codes(analyst.body)).toEqual(["FORBIDDEN"]);
    const analystResolve = await subgraph.query(RESOLVE, { n: "CS-HT-0505", key: freshKey("analyst-resolve") }, ANALYST);
    expect(codes(analystResolve.body)).toEqual(["FORBIDDEN"]);
    expect(await visitStatus("VIS-0001")).toBe("SCHEDULED");

    const foreign = await subgraph.query(CANCEL, { id: "VIS-0505", key: freshKey("aolan-cancels-hengtong") }, AOLAN_PARTNER);
    expect(codes(foreign.body)).toEqual(["FORBIDDEN"]);
    expect(foreign.body.data?.cancelVisit ?? null).toBeNull();
    expect(await visitStatus("VIS-0505")).toBe("SCHEDULED");
    const foreignCase = await subgraph.query(RESOLVE, { n: "CS-HT-0505", key: freshKey("aolan-resolves-hengtong") }, AOLAN_PARTNER);
    expect(codes(foreignCase.body)).toEqual(["FORBIDDEN"]);

    const own = await subgraph.query(CANCEL, { id: "VIS-0001", key: freshKey("aolan-cancels-own") }, AOLAN_PARTNER);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.cancelVisit).toEqual({ id: "VIS-0001", status: "CANCELLED" });
    expect(await visitStatus("VIS-0001")).toBe("CANCELLED");
  });

  it("the gateway's system identity gets nothing", async () => {
    const { body } = await subgraph.query(CASE, { number: "CS-AL-0001" }, GATEWAY_SYSTEM);
    expect(body.data?.serviceCase ?? null).toBeNull();
    expect(codes(body)).toContain("FORBIDDEN");
  });
});
