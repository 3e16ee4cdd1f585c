/**
 * fieldservice.job-follows-visit against real databases: the maker's real mutations write
 * their events to aftersales' outbox; the contractor's reaction runs on those events inside
 * consumeOnce, and the contractor's own view (partner token) shows the job cancelled or moved,
 * with a timeline entry that says why and on whose word. Delivered twice, applied once.
 */
import type { Kysely } from "kysely";
import type { Caller } from "../../../common/caller";
import type { EventTables } from "../../../subgraphs/kit/events/outboxTables";
import { aftersalesSubgraph } from "../../../subgraphs/aftersales/subgraph";
import type { DB as FieldDB } from "../../../subgraphs/fieldservice/db/tables";
import { fieldserviceSubgraph } from "../../../subgraphs/fieldservice/subgraph";
import { describeEachDatabase } from "../../helpers/databases";
import { deliverEvents, outboxMark, readOutbox } from "../../helpers/deliverOutbox";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { REP_RETAILER } from "../../helpers/testCaller";

const KUAIXIU: Caller = { subject: "kx-dispatch-li", name: "李调度 Dispatcher Li", role: "partner", organization: "kuaixiu" };
const JIANGCHENG: Caller = { subject: "rep-jiangcheng-wu", name: "吴倩 Wu Qian", role: "rep", organization: "jiangcheng" };
const HENGTONG: Caller = { subject: "rep-hengtong-wang", name: "王珊 Wang Shan", role: "rep", organization: "hengtong" };

const JOB = `query J($id: ID!) { fieldJob(id: $id) { id visitId status eta cancelReason notes(first: 5) { author text } } }`;
const CANCEL = `mutation C($visitId: String!, $reason: String!, $key: String!) { cancelVisit(visitId: $visitId, reason: $reason, idempotencyKey: $key) { id status } }`;
const RESCHEDULE = `mutation R($visitId: String!, $start: String!, $end: String!, $key: String!) { rescheduleVisit(visitId: $visitId, windowStart: $start, windowEnd: $end, idempotencyKey: $key) { id status windowStart } }`;
const RESOLVE = `mutation S($number: String!, $note: String!, $key: String!) { resolveCaseByCustomer(caseNumber: $number, note: $note, idempotencyKey: $key) { number status } }`;

describeEachDatabase("reaction fieldservice.job-follows-visit", (target) => {
  let aftersales: TestSubgraph<any>;
  let fieldservice: TestSubgraph<FieldDB>;
  beforeAll(async () => {
    [aftersales, fieldservice] = await Promise.all([startTestSubgraph(aftersalesSubgraph, target, { events: false }), startTestSubgraph(fieldserviceSubgraph, target, { events: false })]);
  });
  afterAll(async () => {
    await Promise.all([aftersales?.stop(), fieldservice?.stop()]);
  });

  const source = () => ({ name: "aftersales", db: aftersales.running.database.db });
  const contractor = () => ({ db: fieldservice.running.database.db, reactions: fieldserviceSubgraph.reactions ?? [] });
  const fdb = () => fieldservice.running.database.db;
  async function act(document: string, variables: Record<string, unknown>, caller: Caller) {
    const mark = await outboxMark(source());
    const answer = await aftersales.query(document, variables, caller);
    expect(answer.body.errors).toBeUndefined();
    return { data: answer.body.data, events: await readOutbox(source(), mark) };
  }
  const job = async (id: string) => {
    const answer = await fieldservice.query(JOB, { id }, KUAIXIU);
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data.fieldJob;
  };

  it("moves FJ-KX-0001 to the new visit and window when aolan's visit is rescheduled", async () => {
    const start = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 11) + "02:00:00.000Z";
    const end = start.replace("02:00", "06:00");
    const before = await job("FJ-KX-0001");
    expect(before).toMatchObject({ visitId: "VIS-0001", status: "ASSIGNED" });
    const promiseBefore = await fdb().selectFrom("commitments").selectAll().where("matter_id", "=", "FJ-KX-0001").where("status", "=", "OPEN").executeTakeFirstOrThrow();

    const { data, events } = await act(RESCHEDULE, { visitId: "VIS-0001", start, end, key: "fs-r-1" }, REP_RETAILER);
    const newVisit = data.rescheduleVisit.id;
    expect(events.map((e) => e.type)).toEqual(["visit.rescheduled"]);
    expect(events[0].payload).toMatchObject({ previousVisitId: "VIS-0001", newVisitId: newVisit, windowStart: start, windowEnd: end, caseNumber: "CS-AL-0001", maker: "aolan", saidBy: { organization: "yougou" } });
    expect(await deliverEvents(events, contractor())).toBe(1);

    const moved = await job("FJ-KX-0001");
    expect(moved).toMatchObject({ visitId: newVisit, status: "ASSIGNED", eta: start, cancelReason: null });
    expect(moved.notes[0].text).toMatch(new RegExp(`^Moved: aolan visit VIS-0001 moved to ${newVisit}, .* by 陈晓 Chen Xiao \\(yougou\\)$`));
    // The promise to call before arrival moved with the window.
    const promiseAfter = await fdb().selectFrom("commitments").selectAll().where("id", "=", promiseBefore.id).executeTakeFirstOrThrow();
    expect(new Date(promiseAfter.due_at).getTime() - new Date(promiseBefore.due_at).getTime()).toBe(new Date(start).getTime() - new Date(events[0].payload.previousWindowStart as string).getTime());
    // The new visit finds its job.
    const viaVisit = await fieldservice.query(`{ _entities(representations: [{ __typename: "Visit", id: "${newVisit}" }]) { ... on Visit { fieldJob { id } } } }`, {}, KUAIXIU);
    expect(viaVisit.body.data._entities[0].fieldJob).toEqual({ id: "FJ-KX-0001" });

    const entries = await fdb().selectFrom("timeline_events").selectAll().where("subject_id", "=", "FJ-KX-0001").where("kind", "=", "JOB_MOVED").execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ owner_id: "MR-AOLAN-5001", actor_role: "system", actor_org: "kuaixiu" });
    expect(entries[0].actor_name).toContain("on aolan's word (陈晓 Chen Xiao (yougou))");
    // Its own event is published too.
    const published = await (fdb() as unknown as Kysely<EventTables>).selectFrom("outbox").selectAll().where("id", "=", entries[0].id).executeTakeFirstOrThrow();
    expect(published.type).toBe("job.moved");
    expect(JSON.parse(published.payload)).toMatchObject({ jobId: "FJ-KX-0001", visitId: newVisit, previousVisitId: "VIS-0001", maker: "aolan", contractor: "kuaixiu", causeEventId: events[0].id });

    // Delivered again: nothing changes.
    expect(await deliverEvents(events, contractor())).toBe(0);
    expect(await job("FJ-KX-0001")).toEqual(moved);
  });

  it("cancels the job when the retailer's rep cancels aolan's (new) visit: resolved by the customer, and says on whose word", async () => {
    const visit = (await job("FJ-KX-0001")).visitId;
    const { events } = await act(CANCEL, { visitId: visit, reason: "resolved by the customer", key: "fs-c-1" }, REP_RETAILER);
    expect(events.map((e) => e.type)).toEqual(["visit.cancelled"]);
    expect(events[0].payload).toMatchObject({ visitId: visit, caseNumber: "CS-AL-0001", reason: "resolved by the customer", resolvedByCustomer: true, orderNumber: "YG-20261102-0001", caseStatus: "OPEN" });
    expect(await deliverEvents([...events, ...events], contractor())).toBe(1);

    const cancelled = await job("FJ-KX-0001");
    expect(cancelled).toMatchObject({ status: "CANCELLED", eta: null, cancelReason: `aolan visit ${visit} cancelled by 陈晓 Chen Xiao (yougou) — resolved by the customer` });
    expect(cancelled.notes[0].text).toBe(`Cancelled: ${cancelled.cancelReason}`);
    // No open matter left: no handler, no open promise; the timeline says why, once.
    expect(await fdb().selectFrom("matter_handlers").selectAll().where("matter_id", "=", "FJ-KX-0001").where("until", "is", null).execute()).toEqual([]);
    expect(await fdb().selectFrom("commitments").selectAll().where("matter_id", "=", "FJ-KX-0001").where("status", "=", "OPEN").execute()).toEqual([]);
    const entries = await fdb().selectFrom("timeline_events").selectAll().where("subject_id", "=", "FJ-KX-0001").where("kind", "=", "JOB_CANCELLED").execute();
    expect(entries).toHaveLength(1);
    expect(entries[0].summary).toContain("resolved by the customer");
    expect(entries[0].summary).toContain("Technician 赵刚 Zhao Gang will not come");
    expect(entries[0]).toMatchObject({ actor_org: "kuaixiu", actor_role: "system" });

    // The retailer still may not cancel the job itself.
    const refused = await fieldservice.query(`mutation { cancelFieldJob(jobId: "FJ-KX-0505", reason: "x", idempotencyKey: "fs-forbid") { id } }`, {}, REP_RETAILER);
    expect(refused.body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(refused.body.errors[0].message).toContain("ask hengtong");
  });

  it("cancels FJ-KX-0505 when the case is resolved by the customer (S5), leaving the earlier cancelled job alone", async () => {
    const earlier = await fdb().selectFrom("field_jobs").selectAll().where("id", "=", "FJ-KX-0504").executeTakeFirstOrThrow();
    const { events } = await act(RESOLVE, { number: "CS-HT-0505", note: "customer re-paired the remote himself", key: "fs-s-1" }, JIANGCHENG);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["visit.cancelled", "callback.cancelled", "case.resolved_by_customer"]));
    const resolved = events.find((e) => e.type === "case.resolved_by_customer")!;
    expect(resolved.payload).toMatchObject({ caseNumber: "CS-HT-0505", maker: "hengtong", caseStatus: "CLOSED", cancelledVisitIds: ["VIS-0505"], reason: "customer re-paired the remote himself", saidBy: { name: JIANGCHENG.name, organization: "jiangcheng" } });
    expect(resolved.payload.parties).toEqual(["hengtong", "jiangcheng"]);
    // The case event alone is enough (a consumer that saw only it), and the visit's event then finds nothing to do.
    expect(await deliverEvents([resolved], contractor())).toBe(1);
    const job0505 = await job("FJ-KX-0505");
    expect(job0505).toMatchObject({ status: "CANCELLED", eta: null });
    expect(job0505.cancelReason).toBe(`hengtong case CS-HT-0505 closed by ${JIANGCHENG.name} (jiangcheng) — resolved by the customer ("customer re-paired the remote himself")`);
    await deliverEvents(events, contractor());
    expect(await fdb().selectFrom("timeline_events").selectAll().where("subject_id", "=", "FJ-KX-0505").where("kind", "=", "JOB_CANCELLED").execute()).toHaveLength(1);
    expect(await fdb().selectFrom("field_jobs").selectAll().where("id", "=", "FJ-KX-0504").executeTakeFirstOrThrow()).toEqual(earlier);
  });

  it("ignores another maker's event about a visit its jobs are not for", async () => {
    const before = await fdb().selectFrom("field_jobs").selectAll().orderBy("id").execute();
    const forged = { id: "forged-1", source: "aftersales", type: "visit.cancelled", version: 1, occurredAt: new Date().toISOString(), actor: { name: "x", organization: "huawei" }, ownerId: "MR-X", history: false, payload: { subjectType: "Visit", subjectId: "VIS-0505", summary: "", visitId: "VIS-0505", maker: "huawei", reason: "r" } };
    await deliverEvents([forged], contractor());
    expect(await fdb().selectFrom("field_jobs").selectAll().orderBy("id").execute()).toEqual(before);
    expect(HENGTONG.organization).toBe("hengtong");
  });
});
