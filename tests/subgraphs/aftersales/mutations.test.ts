import { aftersalesSubgraph } from "../../../subgraphs/aftersales/subgraph";
import type { DB } from "../../../subgraphs/aftersales/db/tables";
import { encodeKey } from "../../../subgraphs/kit";
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { REP_MAKER, REP_RETAILER } from "../../helpers/testCaller";
import { addScheduledVisit, inHours, REP_PROVIDER } from "./fixtures";

const CANCEL = `mutation ($visitId: String!, $reason: String!, $key: String!) {
  cancelVisit(visitId: $visitId, reason: $reason, idempotencyKey: $key) { id status cancelReason cancelledAt cancelledBy { name role organization } }
}`;
const RESCHEDULE = `mutation ($visitId: String!, $start: String!, $end: String!, $key: String!) {
  rescheduleVisit(visitId: $visitId, windowStart: $start, windowEnd: $end, idempotencyKey: $key) { id status windowStart windowEnd rescheduledFrom technician { name } }
}`;
const RESOLVE = `mutation ($caseNumber: String!, $note: String!, $key: String!) {
  resolveCaseByCustomer(caseNumber: $caseNumber, note: $note, idempotencyKey: $key) { number status closedAt resolution resolvedBy }
}`;

const matters = (ownerId: string) =>
  encodeKey({ customerId: "C-TEST", ids: { aftersales: [ownerId] } });

describeEachDatabase("aftersales: mutations", (target) => {
  let subgraph: TestSubgraph<DB>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(aftersalesSubgraph, target);
  });
  afterAll(async () => subgraph.stop());

  const db = () => subgraph.running.database.db;
  const eventCount = async (kind: string, subjectId: string) =>
    Number((await db().selectFrom("timeline_events").select((eb) => eb.fn.countAll().as("n")).where("kind", "=", kind).where("subject_id", "=", subjectId).executeTakeFirstOrThrow()).n);

  it("S1: the retailer's rep cancels the visit; the maker records it, attributed to the rep; a repeat changes nothing", async () => {
    const variables = { visitId: "VIS-0001", reason: "Resolved by the customer: he fixed the inlet seal himself", key: "s1-cancel-1" };
    const first = await subgraph.query(CANCEL, variables, REP_RETAILER);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.cancelVisit).toMatchObject({ id: "VIS-0001", status: "CANCELLED", cancelReason: variables.reason, cancelledBy: { name: REP_RETAILER.name, role: "rep", organization: "yougou" } });

    const rowAfterFirst = await db().selectFrom("visits").selectAll().where("id", "=", "VIS-0001").executeTakeFirstOrThrow();
    const repeat = await subgraph.query(CANCEL, variables, REP_RETAILER);
    expect(repeat.body).toEqual(first.body);
    expect(await db().selectFrom("visits").selectAll().where("id", "=", "VIS-0001").executeTakeFirstOrThrow()).toEqual(rowAfterFirst);
    expect(await eventCount("VISIT_CANCELLED", "VIS-0001")).toBe(1);

    const again = await subgraph.query(CANCEL, { ...variables, key: "s1-cancel-2" }, REP_MAKER);
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", status: "CANCELLED" });
    expect(await eventCount("VISIT_CANCELLED", "VIS-0001")).toBe(1);

    // Nobody is due at the door any more: the case waits again, the visit matter is gone.
    const after = await subgraph.query(`{ serviceCase(number: "CS-AL-0001") { status } }`);
    expect(after.body.data.serviceCase.status).toBe("OPEN");
    const open = await subgraph.query(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OpenMattersView { aftersalesMatters { kind subjectId } } } }`, {
      reps: [{ __typename: "OpenMattersView", key: matters("MR-AOLAN-5001") }],
    });
    expect(open.body.data._entities[0].aftersalesMatters.map((m: { kind: string }) => m.kind)).toEqual(["SERVICE_CASE"]);

    const timeline = await subgraph.query(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Timeline { aftersalesEvents { kind summary actor { name organization } subjectId } } } }`, {
      reps: [{ __typename: "Timeline", key: encodeKey({ customerId: "C-S1", first: 5, after: null, sources: null, kinds: null, since: null, until: null, ids: { aftersales: ["MR-AOLAN-5001"] } }) }],
    });
    const [latest] = timeline.body.data._entities[0].aftersalesEvents;
    expect(latest).toMatchObject({ kind: "VISIT_CANCELLED", subjectId: "VIS-0001", actor: { name: REP_RETAILER.name, organization: "yougou" } });
    expect(latest.summary).toContain("Resolved by the customer");
  });

  it("an idempotency key cannot be reused for another operation, and bad input is coded", async () => {
    await addScheduledVisit(db(), "VIS-KEYS-1");
    const reused = await subgraph.query(RESCHEDULE, { visitId: "VIS-KEYS-1", start: inHours(30), end: inHours(32), key: "s1-cancel-1" });
    expect(reused.body.errors?.[0].extensions?.code).toBe("CONFLICT");
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [CANCEL, { visitId: "VIS-KEYS-1", reason: "   ", key: "bad-1" }, "reason"],
      [CANCEL, { visitId: "not a visit", reason: "x", key: "bad-2" }, "visitId"],
      [RESCHEDULE, { visitId: "VIS-KEYS-1", start: inHours(32), end: inHours(30), key: "bad-3" }, "windowEnd"],
      [RESCHEDULE, { visitId: "VIS-KEYS-1", start: inHours(-30), end: inHours(-28), key: "bad-4" }, "windowStart"],
      [RESCHEDULE, { visitId: "VIS-KEYS-1", start: "tomorrow at two", end: inHours(28), key: "bad-5" }, "windowStart"],
      [RESOLVE, { caseNumber: "CS-HT-0505", note: "x".repeat(501), key: "bad-6" }, "note"],
    ];
    for (const [document, variables, argument] of cases) {
      const result = await subgraph.query(document, variables);
      expect(result.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    }
    const missing = await subgraph.query(CANCEL, { visitId: "VIS-NOPE", reason: "x", key: "missing-1" });
    expect(missing.body.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const emptyKey = await subgraph.query(CANCEL, { visitId: "VIS-KEYS-1", reason: "x", key: " " });
    expect(emptyKey.body.errors?.[0].extensions?.code).toBeDefined();
    expect((await db().selectFrom("visits").select("status").where("id", "=", "VIS-KEYS-1").executeTakeFirstOrThrow()).status).toBe("SCHEDULED");
  });

  it("rescheduleVisit moves the visit and its technician to a new window; the old one points to it", async () => {
    const variables = { visitId: "VIS-0505", start: inHours(100), end: inHours(104), key: "s5-resched-1" };
    const result = await subgraph.query(RESCHEDULE, variables, REP_MAKER);
    expect(result.body.errors).toBeUndefined();
    const moved = result.body.data.rescheduleVisit;
    expect(moved).toMatchObject({ status: "SCHEDULED", rescheduledFrom: "VIS-0505", windowStart: variables.start, technician: { name: "马超" } });
    expect(moved.id).not.toBe("VIS-0505");
    const repeat = await subgraph.query(RESCHEDULE, variables, REP_MAKER);
    expect(repeat.body.data.rescheduleVisit.id).toBe(moved.id);
    const visits = await db().selectFrom("visits").selectAll().where("case_number", "=", "CS-HT-0505").execute();
    expect(visits).toHaveLength(2);
    expect(visits.find((v) => v.id === "VIS-0505")).toMatchObject({ status: "RESCHEDULED", rescheduled_to: moved.id });
    const open = await subgraph.query(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OpenMattersView { aftersalesMatters { kind subjectId dueAt handler { name } } } } }`, {
      reps: [{ __typename: "OpenMattersView", key: matters("MR-HT-5005") }],
    });
    const visitMatters = open.body.data._entities[0].aftersalesMatters.filter((m: { kind: string }) => m.kind === "VISIT");
    expect(visitMatters).toEqual([{ kind: "VISIT", subjectId: moved.id, dueAt: variables.end, handler: { name: "马超 Ma Chao" } }]);
  });

  it("concurrent cancel and reschedule of one visit: exactly one wins, the other gets CONFLICT, the state is consistent", async () => {
    for (let round = 0; round < 4; round++) {
      const id = `VIS-RACE-${round}`;
      await addScheduledVisit(db(), id);
      const [cancel, reschedule] = await Promise.all([
        subgraph.query(CANCEL, { visitId: id, reason: "race", key: `race-cancel-${round}` }),
        subgraph.query(RESCHEDULE, { visitId: id, start: inHours(50), end: inHours(52), key: `race-resched-${round}` }),
      ]);
      const codes = [cancel, reschedule].map((r) => r.body.errors?.[0]?.extensions?.code ?? "OK").sort();
      expect(codes).toEqual(["CONFLICT", "OK"]);
      const row = await db().selectFrom("visits").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      const successors = await db().selectFrom("visits").selectAll().where("rescheduled_from", "=", id).execute();
      if (cancel.body.errors) {
        expect(row.status).toBe("RESCHEDULED");
        expect(successors.map((v) => v.id)).toEqual([row.rescheduled_to]);
        expect(await eventCount("VISIT_CANCELLED", id)).toBe(0);
      } else {
        expect(row.status).toBe("CANCELLED");
        expect(successors).toEqual([]);
        expect(row.rescheduled_to).toBeNull();
      }
    }
  });

  it("two cancels at once: with different keys one gets CONFLICT; with the same key both get the same answer", async () => {
    await addScheduledVisit(db(), "VIS-TWICE-1");
    const different = await Promise.all([
      subgraph.query(CANCEL, { visitId: "VIS-TWICE-1", reason: "a", key: "twice-a" }),
      subgraph.query(CANCEL, { visitId: "VIS-TWICE-1", reason: "b", key: "twice-b" }),
    ]);
    expect(different.map((r) => r.body.errors?.[0]?.extensions?.code ?? "OK").sort()).toEqual(["CONFLICT", "OK"]);

    await addScheduledVisit(db(), "VIS-TWICE-2");
    const same = await Promise.all([1, 2, 3].map(() => subgraph.query(CANCEL, { visitId: "VIS-TWICE-2", reason: "same", key: "twice-same" })));
    for (const result of same) {
      expect(result.body.errors).toBeUndefined();
      expect(result.body).toEqual(same[0].body);
    }
    expect(await eventCount("VISIT_CANCELLED", "VIS-TWICE-2")).toBe(1);
  });

  it("S5: the provider records 'resolved by the customer' once and every party's open work on the case closes", async () => {
    const openBefore = await subgraph.query(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OpenMattersView { aftersalesMatters { kind } } } }`, {
      reps: [{ __typename: "OpenMattersView", key: matters("MR-HT-5005") }],
    });
    expect(openBefore.body.data._entities[0].aftersalesMatters.map((m: { kind: string }) => m.kind).sort()).toEqual(["CALLBACK", "CALLBACK", "SERVICE_CASE", "VISIT"]);

    const variables = { caseNumber: "CS-HT-0505", note: "Customer re-paired the remote himself (OK + Back); told Jiangcheng at 09:12", key: "s5-resolve-1" };
    const first = await subgraph.query(RESOLVE, variables, REP_PROVIDER);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.resolveCaseByCustomer).toMatchObject({ number: "CS-HT-0505", status: "CLOSED", resolvedBy: "CUSTOMER", resolution: variables.note });

    const events = await db().selectFrom("timeline_events").select("kind").where("owner_id", "=", "MR-HT-5005").execute();
    const repeat = await subgraph.query(RESOLVE, variables, REP_PROVIDER);
    expect(repeat.body).toEqual(first.body);
    expect(await db().selectFrom("timeline_events").select("kind").where("owner_id", "=", "MR-HT-5005").execute()).toHaveLength(events.length);

    const view = await subgraph.query(`{ serviceCase(number: "CS-HT-0505") { status handler { name } visits { status cancelReason } callbacks { status } promises { status } } }`);
    const serviceCase = view.body.data.serviceCase;
    expect(serviceCase.handler).toBeNull();
    expect(serviceCase.visits.map((v: { status: string }) => v.status)).toEqual(expect.not.arrayContaining(["SCHEDULED"]));
    expect(serviceCase.visits.some((v: { status: string }) => v.status === "CANCELLED")).toBe(true);
    expect(serviceCase.callbacks.map((c: { status: string }) => c.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(serviceCase.promises.map((p: { status: string }) => p.status)).toEqual(["CANCELLED", "CANCELLED"]);

    const openAfter = await subgraph.query(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OpenMattersView { aftersalesMatters { kind } } } }`, {
      reps: [{ __typename: "OpenMattersView", key: matters("MR-HT-5005") }],
    });
    expect(openAfter.body.data._entities[0].aftersalesMatters).toEqual([]);
    const handlersOpen = await db().selectFrom("matter_handlers").select("matter_id").where("until", "is", null).where("matter_id", "in", ["CS-HT-0505", "CB-0505-1", "CB-0505-2"]).execute();
    expect(handlersOpen).toEqual([]);
    const closed = await db().selectFrom("timeline_events").selectAll().where("kind", "=", "CASE_RESOLVED_BY_CUSTOMER").where("subject_id", "=", "CS-HT-0505").execute();
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ actor_org: "jiangcheng", actor_name: REP_PROVIDER.name });

    const again = await subgraph.query(RESOLVE, { ...variables, key: "s5-resolve-2" }, REP_MAKER);
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", status: "CLOSED" });
    const unknown = await subgraph.query(RESOLVE, { ...variables, caseNumber: "CS-NOPE-1", key: "s5-resolve-3" });
    expect(unknown.body.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });
});
