import { aftersalesSubgraph } from "../../../subgraphs/aftersales/subgraph";
import type { DB } from "../../../subgraphs/aftersales/db/tables";
import { encodeKey } from "../../../subgraphs/kit";
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";

const MATTERS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OpenMattersView { aftersalesMatters {
  id kind title status subjectType subjectId dueAt overdue priority
  handler { name organization tier phone hours } handoffs { from { tier } to { tier } } promises { id status overdue overdueText }
} } } }`;
const TIMELINE = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Timeline { aftersalesEvents { id at kind summary source cursor actor { name organization } subjectType subjectId } } } }`;
const LOOKUP = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on CustomerLookup { aftersalesMatches { system externalId matchedBy } } } }`;

const ALL_OWNERS = ["MR-AOLAN-5001", "MR-XH-4001", "MR-HT-5005", "MR-LNV-6006", "MR-HW-7007", "MR-HW-7008"];
const mattersKey = (ids: string[]) => encodeKey({ customerId: "C-TEST", ids: { aftersales: ids } });
const timelineKey = (ids: string[], first: number, after: string | null = null) =>
  encodeKey({ customerId: "C-TEST", first, after, sources: null, kinds: null, since: null, until: null, ids: { aftersales: ids } });
const lookupKey = (kind: string, value: string) => encodeKey({ kind, value });

interface Matter {
  kind: string;
  subjectId: string;
  dueAt: string;
  handler: { name: string; organization: string; tier: string | null; phone: string | null } | null;
  handoffs: Array<{ from: { tier: string } | null; to: { tier: string } }>;
  promises: Array<{ id: string; status: string; overdue: boolean }>;
  [key: string]: unknown;
}

describeEachDatabase("aftersales: customer 360 source", (target) => {
  let subgraph: TestSubgraph<DB>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(aftersalesSubgraph, target);
  });
  afterAll(async () => subgraph.stop());

  const matters = async (ids: string[]) => {
    const result = await subgraph.query(MATTERS, { reps: [{ __typename: "OpenMattersView", key: mattersKey(ids) }] });
    expect(result.body.errors).toBeUndefined();
    return { list: result.body.data._entities[0].aftersalesMatters as Matter[], sqlStatements: result.sqlStatements };
  };

  it("open matters: S1's case and visit, with the technician as the visit's handler and the window end as due time", async () => {
    const { list } = await matters(["MR-AOLAN-5001"]);
    expect(list.map((m) => m.kind).sort()).toEqual(["SERVICE_CASE", "VISIT"]);
    const visit = list.find((m) => m.kind === "VISIT")!;
    expect(visit).toMatchObject({ subjectType: "Visit", subjectId: "VIS-0001", handler: { name: "赵刚 Zhao Gang", organization: "aolan", phone: "+86 139-7100-2233" } });
    const row = await subgraph.running.database.db.selectFrom("visits").select("window_end").where("id", "=", "VIS-0001").executeTakeFirstOrThrow();
    expect(visit.dueAt).toBe(row.window_end);
    expect(visit.title).toContain("14:00-18:00 (Beijing time)");
  });

  it("open matters: S7's L2 owner with the L1 handoff, S7F's replacement in transit, S4's callback, S5's overdue promise", async () => {
    const { list } = await matters(ALL_OWNERS);
    const byId = (kind: string, subjectId: string) => list.find((m) => m.kind === kind && m.subjectId === subjectId);
    const s7 = byId("SERVICE_CASE", "CS-HW-0707")!;
    expect(s7.handler).toMatchObject({ tier: "L2", organization: "huawei" });
    expect(s7.handoffs.map((h) => [h.from?.tier ?? null, h.to.tier])).toEqual([[null, "L1"], ["L1", "L2"]]);
    expect(s7.promises).toEqual([expect.objectContaining({ id: "CB-0707", status: "KEPT", overdue: false })]);
    const replacement = list.find((m) => m.kind === "REPLACEMENT")!;
    expect(replacement.subjectId).toBe("CS-HW-0708");
    expect(replacement.title).toContain("SF1234567890");
    expect(list.find((m) => m.kind === "CALLBACK" && m.subjectId === "CS-XH-4001")?.handler?.organization).toBe("xinghai");
    // The closed S4 case itself is not open work.
    expect(byId("SERVICE_CASE", "CS-XH-4001")).toBeUndefined();
    const s5 = byId("SERVICE_CASE", "CS-HT-0505")!;
    expect(s5.overdue).toBe(true);
    expect(s5.promises.filter((p) => p.overdue).map((p) => p.id)).toEqual(["CB-0505-2"]);
    expect(new Set(list.map((m) => m.kind))).toEqual(new Set(["SERVICE_CASE", "VISIT", "CALLBACK", "REPLACEMENT"]));
  });

  it("open matters report open engineering tasks too, and cost the same statements for one owner or six", async () => {
    const db = subgraph.running.database.db;
    await db
      .insertInto("engineering_tasks")
      .values({ id: "ENG-TEST-1", case_number: "CS-HW-0708", owner_id: "MR-HW-7008", title: "Check the mainboard", priority: "HIGH", status: "IN_PROGRESS", assignee_name: "工程师 Engineer", assignee_team: null, assignee_org: "huawei", opened_at: new Date().toISOString(), done_at: null, outcome: null })
      .execute();
    const one = await matters(["MR-HW-7008"]);
    expect(one.list.find((m) => m.kind === "ENGINEERING_TASK")).toMatchObject({ subjectId: "CS-HW-0708", priority: "HIGH" });
    const all = await matters(ALL_OWNERS);
    expect(all.list.length).toBeGreaterThan(one.list.length);
    expect(all.sqlStatements).toBe(one.sqlStatements);
    expect(all.sqlStatements).toBeLessThanOrEqual(3);
  });

  it("timeline slice: first + 1 events, newest first, attributed, and the cursor continues strictly older", async () => {
    const page = await subgraph.query(TIMELINE, { reps: [{ __typename: "Timeline", key: timelineKey(["MR-HW-7007"], 3) }] });
    expect(page.body.errors).toBeUndefined();
    const events = page.body.data._entities[0].aftersalesEvents;
    expect(events).toHaveLength(4);
    const times = events.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(events.every((e: { source: string; actor: { organization: string } }) => e.source === "aftersales" && e.actor.organization === "huawei")).toBe(true);
    expect(events[0]).toMatchObject({ kind: "ARRANGEMENT_MADE", subjectType: "ServiceCase", subjectId: "CS-HW-0707" });
    const next = await subgraph.query(TIMELINE, { reps: [{ __typename: "Timeline", key: timelineKey(["MR-HW-7007"], 3, events[2].cursor) }] });
    const older = next.body.data._entities[0].aftersalesEvents;
    expect(older[0].id).toBe(events[3].id);
    expect(older.every((e: { at: string }) => e.at < events[2].at)).toBe(true);
    const none = await subgraph.query(TIMELINE, { reps: [{ __typename: "Timeline", key: timelineKey([], 3) }] });
    expect(none.body.data._entities[0].aftersalesEvents).toEqual([]);
  });

  it("lookup: case number, serial, registration id, visit, tracking number and phone point to the registration", async () => {
    const probes: Array<[string, string, string, string]> = [
      ["reference", "CS-HT-0505", "MR-HT-5005", "case"],
      ["reference", "STB-HT-20250505", "MR-HT-5005", "serial"],
      ["reference", "MR-HW-7007", "MR-HW-7007", "registration"],
      ["reference", "VIS-0001", "MR-AOLAN-5001", "visit"],
      ["reference", "SF1234567890", "MR-HW-7008", "tracking"],
      ["phone", "15800007777", "MR-HW-7007", "phone"],
    ];
    const result = await subgraph.query(LOOKUP, { reps: probes.map(([kind, value]) => ({ __typename: "CustomerLookup", key: lookupKey(kind, value) })) });
    expect(result.body.errors).toBeUndefined();
    result.body.data._entities.forEach((entity: { aftersalesMatches: unknown[] }, index: number) => {
      const [, , externalId, matchedBy] = probes[index];
      expect(entity.aftersalesMatches).toEqual([{ system: "aftersales", externalId, matchedBy }]);
    });
    const misses = await subgraph.query(LOOKUP, {
      reps: [lookupKey("reference", "CS-NOPE"), lookupKey("email", "liuyang@example.com"), lookupKey("phone", "13000000000")].map((key) => ({ __typename: "CustomerLookup", key })),
    });
    expect(misses.body.data._entities.map((e: { aftersalesMatches: unknown[] }) => e.aftersalesMatches)).toEqual([[], [], []]);
  });

  it("a malformed merge key is BAD_USER_INPUT, not an internal error", async () => {
    const result = await subgraph.query(MATTERS, { reps: [{ __typename: "OpenMattersView", key: "{not json" }] });
    expect(result.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
