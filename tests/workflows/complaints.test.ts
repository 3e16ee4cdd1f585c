/**
 * Issue 14 (S4): complaints as tracked items. Filed with an owner and a due date, escalated,
 * answered, closed: each through the gateway, each seen by every party (the organization it
 * is about, its partner desk, an unrelated partner), each refused with a code when wrong.
 */
import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type Graph } from "../helpers/graphHarness";
import type { CallerClaims } from "../helpers/graphHarness";
import { PEOPLE } from "../helpers/people";
import { call, inDays, key, ok, race, viewOf } from "./partBKit";

const FILE = `mutation File($c: String!, $org: String!, $s: String!, $owner: String!, $team: String, $due: String!, $k: String!) {
  fileComplaint(customerId: $c, againstOrganization: $org, summary: $s, ownerName: $owner, ownerTeam: $team, dueAt: $due, idempotencyKey: $k) {
    id status escalated dueAt overdue overdueText owner { name team organization } filedBy { name organization }
  } }`;
const ESCALATE = `mutation Esc($id: String!, $r: String!, $o: String, $k: String!) { escalateComplaint(complaintId: $id, reason: $r, newOwnerName: $o, newOwnerTeam: "complaints team", idempotencyKey: $k) { id status escalated owner { name team } } }`;
const ANSWER = `mutation Ans($id: String!, $a: String!, $k: String!) { answerComplaint(complaintId: $id, answer: $a, idempotencyKey: $k) { id status answer answeredAt answeredBy { name organization } } }`;
const CLOSE = `mutation Close($id: String!, $k: String!) { closeComplaint(complaintId: $id, idempotencyKey: $k) { id status resolvedAt } }`;

const CUSTOMER = "C-S3C";

describeEachDatabase("complaints: file, escalate, answer, close (issue 14, S4)", (target) => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph(target);
  });
  afterAll(() => graph?.stop());

  const file = (caller: CallerClaims = PEOPLE.unicomRep, overrides: Record<string, unknown> = {}) =>
    call(graph, caller, FILE, { c: CUSTOMER, org: "unicom", s: "宽带断网没有解释 / broadband cut without explanation", owner: "王芳 Wang Fang", team: "Wuhan hotline", due: inDays(7), k: key("file"), ...overrides });

  it("files a complaint with an owner and a due date, seen by every party", async () => {
    const filed = await file();
    expect(filed.codes).toEqual([]);
    const complaint = filed.data.fileComplaint;
    expect(complaint).toMatchObject({ status: "OPEN", escalated: false, overdue: false, overdueText: null, owner: { name: "王芳 Wang Fang", team: "Wuhan hotline", organization: "unicom" }, filedBy: { organization: "unicom" } });
    expect(complaint.id).toMatch(/^CMP-\d{8}-[0-9A-F]{6}$/);

    // The organization it is about: an open matter with its owner and the reply promise.
    const rep = await viewOf(graph, PEOPLE.unicomRep, CUSTOMER);
    const matter = rep.openMatters.result.matters.find((m: any) => m.subjectId === complaint.id);
    expect(matter).toMatchObject({ source: "customers", kind: "COMPLAINT", status: "OPEN", overdue: false, handler: { name: "王芳 Wang Fang", organization: "unicom" } });
    expect(matter.dueAt).toBe(complaint.dueAt);
    expect(matter.promises).toEqual([expect.objectContaining({ description: `Reply to complaint ${complaint.id}`, status: "OPEN", overdue: false })]);
    expect(rep.openMatters.result.surveyEligibility.eligible).toBe(false);
    expect(rep.timeline.result.entries).toContainEqual(expect.objectContaining({ kind: "COMPLAINT_FILED", subjectId: complaint.id, actor: expect.objectContaining({ organization: "unicom" }) }));

    // Its partner desk sees it too; an unrelated partner sees neither the complaint nor the matter.
    const unicomPartner = await viewOf(graph, PEOPLE.unicomPartner, CUSTOMER);
    expect(unicomPartner.complaints.map((c: any) => c.id)).toContain(complaint.id);
    const aolanPartner = await viewOf(graph, PEOPLE.aolanPartner, CUSTOMER);
    expect(aolanPartner.complaints.map((c: any) => c.id)).not.toContain(complaint.id);
    expect(aolanPartner.openMatters.result.matters.map((m: any) => m.subjectId)).not.toContain(complaint.id);
    // Another organization's rep (the retailer's desk) sees the open matter and who owns it.
    const yougou = await viewOf(graph, PEOPLE.yougouRep, CUSTOMER);
    expect(yougou.openMatters.result.matters.find((m: any) => m.subjectId === complaint.id)?.handler).toMatchObject({ name: "王芳 Wang Fang" });

    // The outbox holds the typed event with the timeline entry's id.
    const { db } = await graph.database("customers");
    const events = await db.selectFrom("outbox").select(["type", "payload"]).where("type", "=", "complaint.filed").execute();
    expect(events.map((e: any) => JSON.parse(e.payload).subjectId)).toContain(complaint.id);
  });

  it("escalates to a new owner (hand-off history), answers (promise kept, no longer open) and closes", async () => {
    const id = (await file()).data.fileComplaint.id;
    const escalated = await ok(graph, PEOPLE.unicomRep, ESCALATE, { id, r: "no reply from the hotline", o: "赵强 Zhao Qiang", k: key("esc") });
    expect(escalated.escalateComplaint).toMatchObject({ status: "ESCALATED", escalated: true, owner: { name: "赵强 Zhao Qiang", team: "complaints team" } });
    let view = await viewOf(graph, PEOPLE.unicomRep, CUSTOMER);
    let matter = view.openMatters.result.matters.find((m: any) => m.subjectId === id);
    expect(matter.handler.name).toBe("赵强 Zhao Qiang");
    expect(matter.handoffs.map((h: any) => h.to.name)).toEqual(["王芳 Wang Fang", "赵强 Zhao Qiang"]);
    expect(matter.handoffs[1].reason).toContain("no reply from the hotline");

    const answered = await ok(graph, PEOPLE.unicomRep, ANSWER, { id, a: "线路施工导致断网，已补偿 / cable works; credited", k: key("ans") });
    expect(answered.answerComplaint).toMatchObject({ status: "ANSWERED", answeredBy: { organization: "unicom" } });
    view = await viewOf(graph, PEOPLE.unicomRep, CUSTOMER);
    expect(view.openMatters.result.matters.map((m: any) => m.subjectId)).not.toContain(id);
    expect(view.complaints.find((c: any) => c.id === id)).toMatchObject({ status: "ANSWERED", overdue: false, answer: "线路施工导致断网，已补偿 / cable works; credited" });
    const { db } = await graph.database("customers");
    const promise = await db.selectFrom("commitments").select(["status", "kept_at"]).where("matter_id", "=", id).executeTakeFirstOrThrow();
    expect(promise.status).toBe("KEPT");
    const handler = await db.selectFrom("matter_handlers").select("until").where("matter_id", "=", id).where("until", "is", null).execute();
    expect(handler).toEqual([]);

    const closed = await ok(graph, PEOPLE.supervisor, CLOSE, { id, k: key("close") });
    expect(closed.closeComplaint.status).toBe("RESOLVED");
    view = await viewOf(graph, PEOPLE.unicomPartner, CUSTOMER);
    expect(view.complaints.find((c: any) => c.id === id).status).toBe("RESOLVED");
    // A partner's timeline holds its own organization's entries; the rep's holds every actor's.
    expect(view.timeline.result.entries.filter((e: any) => e.subjectId === id).map((e: any) => e.kind)).not.toContain("COMPLAINT_CLOSED");
    view = await viewOf(graph, PEOPLE.unicomRep, CUSTOMER);
    expect(view.timeline.result.entries.filter((e: any) => e.subjectId === id).map((e: any) => e.kind).sort()).toEqual(["COMPLAINT_ANSWERED", "COMPLAINT_CLOSED", "COMPLAINT_ESCALATED", "COMPLAINT_FILED"]);
  });

  it("refuses wrong states with CONFLICT and the current status", async () => {
    const id = (await file()).data.fileComplaint.id;
    const closeOpen = await call(graph, PEOPLE.unicomRep, CLOSE, { id, k: key("close") });
    expect(closeOpen.codes).toEqual(["CONFLICT"]);
    expect(closeOpen.errors[0].extensions).toMatchObject({ status: "OPEN" });
    await ok(graph, PEOPLE.unicomRep, ANSWER, { id, a: "answered", k: key("ans") });
    const again = await call(graph, PEOPLE.unicomRep, ANSWER, { id, a: "answered twice", k: key("ans") });
    expect(again.codes).toEqual(["CONFLICT"]);
    expect(again.errors[0].extensions).toMatchObject({ status: "ANSWERED" });
    const escalateAnswered = await call(graph, PEOPLE.unicomRep, ESCALATE, { id, r: "late", o: null, k: key("esc") });
    expect(escalateAnswered.codes).toEqual(["CONFLICT"]);
  });

  it("refuses bad input, unknown ids and the wrong organization with codes", async () => {
    expect((await file(PEOPLE.unicomRep, { c: "NOBODY-404" })).codes).toEqual(["NOT_FOUND"]);
    expect((await file(PEOPLE.unicomRep, { s: "x".repeat(1001) })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await file(PEOPLE.unicomRep, { due: new Date(Date.now() - 60_000).toISOString() })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await file(PEOPLE.unicomRep, { due: "next tuesday" })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await file(PEOPLE.unicomRep, { org: "Not An Org!" })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await call(graph, PEOPLE.unicomRep, ANSWER, { id: "CMP-00000000-FFFFFF", a: "x", k: key("a") })).codes).toEqual(["NOT_FOUND"]);
    expect((await call(graph, PEOPLE.unicomRep, ANSWER, { id: "bogus id", a: "x", k: key("a") })).codes).toEqual(["BAD_USER_INPUT"]);
    const id = (await file()).data.fileComplaint.id;
    expect((await call(graph, PEOPLE.unicomRep, ANSWER, { id, a: "y".repeat(2001), k: key("a") })).codes).toEqual(["BAD_USER_INPUT"]);
    // Wrong organization: a partner files only about itself; only the organization complained about answers.
    expect((await file(PEOPLE.aolanPartner)).codes).toEqual(["FORBIDDEN"]);
    expect((await call(graph, PEOPLE.aolanRep, ANSWER, { id, a: "not ours", k: key("a") })).codes).toEqual(["FORBIDDEN"]);
    expect((await call(graph, PEOPLE.aolanPartner, ESCALATE, { id, r: "x", o: null, k: key("e") })).codes).toEqual(["FORBIDDEN"]);
    expect((await call(graph, PEOPLE.analyst, ANSWER, { id, a: "x", k: key("a") })).codes).toEqual(["FORBIDDEN"]);
    // Nothing of the refused attempts landed.
    const view = await viewOf(graph, PEOPLE.unicomRep, CUSTOMER);
    expect(view.complaints.find((c: any) => c.id === id).status).toBe("OPEN");
  });

  it("is idempotent per caller and key", async () => {
    const k = key("same");
    const due = inDays(5);
    const first = await file(PEOPLE.unicomRep, { k, due });
    const second = await file(PEOPLE.unicomRep, { k, due });
    expect(second.data.fileComplaint.id).toBe(first.data.fileComplaint.id);
    const other = await file(PEOPLE.supervisor, { k, due });
    // The same key with other arguments is refused, not replayed.
    expect((await file(PEOPLE.unicomRep, { k, due: inDays(6) })).codes).toEqual(["CONFLICT"]);
    expect(other.data.fileComplaint.id).not.toBe(first.data.fileComplaint.id);
  });

  it("20 racing answers: exactly one transition, the rest CONFLICT", async () => {
    const id = (await file()).data.fileComplaint.id;
    const results = await race(20, (i) => call(graph, PEOPLE.unicomRep, ANSWER, { id, a: `answer ${i}`, k: key(`race-${i}`) }));
    const winners = results.filter((r) => r.codes.length === 0);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.codes.join() === "CONFLICT")).toHaveLength(19);
    const { db } = await graph.database("customers");
    const entries = await db.selectFrom("timeline_events").select("summary").where("subject_id", "=", id).where("kind", "=", "COMPLAINT_ANSWERED").execute();
    expect(entries).toHaveLength(1);
    const row = await db.selectFrom("complaints").select("answer").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.answer).toBe(winners[0].data.answerComplaint.answer);
  });
});
