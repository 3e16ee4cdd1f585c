import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type Graph } from "../helpers/graphHarness";
import { PEOPLE } from "../helpers/people";
import { caseAs, customerAs, key, ok, openFromReturn, send, TAKE_OVER, written } from "./handOverKit";

/*
 * Issue 14, part A: the work on a case (docs/STATE_MACHINES.md "Engineering task" and
 * "Promise") and its notes, through the gateway, each read back from every party's token.
 */
const CREATE_TASK = `mutation($n: String!, $due: String!, $k: String!, $title: String!) { createEngineeringTask(caseNumber: $n, title: $title, priority: "HIGH", assigneeName: "刘伟 Liu Wei", assigneeTeam: "PC engineering verification", dueAt: $due, idempotencyKey: $k) { id status priority dueAt assignee { name organization } } }`;
const COMPLETE_TASK = `mutation($id: String!, $result: String!, $k: String!) { completeEngineeringTask(taskId: $id, result: $result, idempotencyKey: $k) { id status outcome doneAt } }`;
const PROMISE = `mutation($n: String!, $due: String!, $k: String!) { makeCallbackPromise(caseNumber: $n, purpose: "Call back with the verification result", dueAt: $due, idempotencyKey: $k) { id status dueAt overdue promisedBy { name organization } } }`;
const KEEP = `mutation($id: String!, $k: String!) { keepCallbackPromise(callbackId: $id, outcome: "unsupported on ARM; return approved", idempotencyKey: $k) { id status keptLate lateText } }`;
const BREAK = `mutation($id: String!, $k: String!) { breakCallbackPromise(callbackId: $id, reason: "expert off sick, nobody called", idempotencyKey: $k) { id status } }`;
const NOTE = `mutation($n: String!, $text: String!, $v: String!, $k: String!) { addCaseNote(caseNumber: $n, text: $text, visibility: $v, idempotencyKey: $k) { id visibility text author { name organization } } }`;

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describeEachDatabase("the work on a case: engineering tasks, callback promises, notes", (target) => {
  let graph: Graph;
  let number: string;
  beforeAll(async () => {
    graph = await startGraph(target);
    number = (await openFromReturn(graph, "RT-900100")).number;
    await ok(graph, PEOPLE.huaweiL2, TAKE_OVER, { n: number, k: key("take") });
  }, 240_000);
  afterAll(() => graph?.stop());

  describe("engineering verification", () => {
    let taskId: string;
    it("is created with a due time, an open matter handled by the engineer, seen by every party", async () => {
      const due = inHours(40);
      const created = (await ok(graph, PEOPLE.huaweiL2, CREATE_TASK, { n: number, due, k: key("task"), title: "Verify the bank client and the HP driver on ARM" })).createEngineeringTask;
      taskId = created.id;
      expect(created).toMatchObject({ status: "OPEN", priority: "HIGH", dueAt: due, assignee: { name: "刘伟 Liu Wei", organization: "huawei" } });
      for (const caller of [PEOPLE.huaweiL1, PEOPLE.huaweiL2, PEOPLE.yougouRep]) {
        const view = await caseAs(graph, caller, number);
        expect(view.tasks.find((t: any) => t.id === taskId)).toMatchObject({ status: "OPEN", dueAt: due });
        const { matters, timeline } = await customerAs(graph, caller);
        expect(matters.find((m) => m.kind === "ENGINEERING_TASK" && m.title.includes("Verify the bank client"))).toMatchObject({ dueAt: due, handler: { name: "刘伟 Liu Wei", organization: "huawei", tier: "L3" } });
        expect(timeline.find((e) => e.kind === "TASK_OPENED" && e.subjectId === number)?.actor).toEqual({ name: PEOPLE.huaweiL2.name, organization: "huawei" });
      }
    });

    it("is completed once with its result; again is CONFLICT with its status", async () => {
      const done = (await ok(graph, PEOPLE.huaweiL2, COMPLETE_TASK, { id: taskId, result: "Not supported on ARM", k: key("done") })).completeEngineeringTask;
      expect(done).toMatchObject({ status: "DONE", outcome: "Not supported on ARM" });
      const again = await send(graph, PEOPLE.huaweiL2, COMPLETE_TASK, { id: taskId, result: "again", k: key("done2") });
      expect(again.codes).toEqual(["CONFLICT"]);
      expect(again.errors[0].extensions.status).toBe("DONE");
      const { matters } = await customerAs(graph, PEOPLE.yougouRep);
      expect(matters.find((m) => m.kind === "ENGINEERING_TASK" && m.title.includes("Verify the bank client"))).toBeUndefined();
      expect((await caseAs(graph, PEOPLE.yougouRep, number)).tasks.find((t: any) => t.id === taskId)).toMatchObject({ status: "DONE", outcome: "Not supported on ARM" });
    });

    it("refuses bad input, unknown ids, wrong organization", async () => {
      expect((await send(graph, PEOPLE.yougouRep, CREATE_TASK, { n: number, due: inHours(4), k: key("t"), title: "x" })).codes).toEqual(["FORBIDDEN"]);
      expect((await send(graph, PEOPLE.huaweiL2, CREATE_TASK, { n: number, due: inHours(-1), k: key("t"), title: "x" })).codes).toEqual(["BAD_USER_INPUT"]);
      expect((await send(graph, PEOPLE.huaweiL2, CREATE_TASK, { n: number, due: inHours(4), k: key("t"), title: "x".repeat(201) })).codes).toEqual(["BAD_USER_INPUT"]);
      expect((await send(graph, PEOPLE.huaweiL2, COMPLETE_TASK, { id: "ENG-NOPE", result: "x", k: key("t") })).codes).toEqual(["NOT_FOUND"]);
      expect((await send(graph, PEOPLE.aolanPartner, COMPLETE_TASK, { id: taskId, result: "x", k: key("t") })).codes).toEqual(["FORBIDDEN"]);
    });

    it("20 racing completions: one DONE, one timeline entry, one event", async () => {
      const id = (await ok(graph, PEOPLE.huaweiL2, CREATE_TASK, { n: number, due: inHours(8), k: key("task2"), title: "Race" })).createEngineeringTask.id;
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(graph, { ...PEOPLE.huaweiL2, sub: `eng-${i}` }, COMPLETE_TASK, { id, result: `result ${i}`, k: key("race") })));
      expect(answers.filter((a) => a.codes.length === 0)).toHaveLength(1);
      expect(answers.filter((a) => a.codes.join() === "CONFLICT")).toHaveLength(19);
      const db = (await graph.database("aftersales")).db as any;
      const timeline = await db.selectFrom("timeline_events").select("id").where("kind", "=", "TASK_DONE").where("summary", "like", `%${id}%`).execute();
      expect(timeline).toHaveLength(1);
      expect(await db.selectFrom("outbox").select("id").where("id", "=", timeline[0].id).execute()).toHaveLength(1);
    });
  });

  describe("callback promises", () => {
    it("a promise (who, by when, what) is an open matter and a promise on the case; kept on time says so", async () => {
      const due = inHours(20);
      const made = (await ok(graph, PEOPLE.huaweiL2, PROMISE, { n: number, due, k: key("promise") })).makeCallbackPromise;
      expect(made).toMatchObject({ status: "OPEN", dueAt: due, overdue: false, promisedBy: { name: PEOPLE.huaweiL2.name, organization: "huawei" } });
      for (const caller of [PEOPLE.huaweiL1, PEOPLE.yougouRep]) {
        const view = await caseAs(graph, caller, number);
        expect(view.promises.find((p: any) => p.id === made.id)).toMatchObject({ status: "OPEN", overdue: false });
        const { matters } = await customerAs(graph, caller);
        expect(matters.find((m) => m.kind === "CALLBACK" && m.subjectId === number)).toMatchObject({ dueAt: due, handler: { name: PEOPLE.huaweiL2.name, organization: "huawei" } });
      }
      const kept = (await ok(graph, PEOPLE.huaweiL2, KEEP, { id: made.id, k: key("keep") })).keepCallbackPromise;
      expect(kept).toMatchObject({ status: "KEPT", keptLate: false, lateText: null });
      const view = await caseAs(graph, PEOPLE.yougouRep, number);
      expect(view.promises.find((p: any) => p.id === made.id)).toMatchObject({ status: "KEPT" });
      const { timeline, matters } = await customerAs(graph, PEOPLE.yougouRep);
      expect(matters.find((m) => m.kind === "CALLBACK" && m.subjectId === number)).toBeUndefined();
      expect(timeline.find((e) => e.kind === "CALLBACK_KEPT" && e.subjectId === number)).toMatchObject({ actor: { name: PEOPLE.huaweiL2.name }, summary: expect.stringContaining("kept on time") });
      expect((await send(graph, PEOPLE.huaweiL2, BREAK, { id: made.id, k: key("b") })).codes).toEqual(["CONFLICT"]);
    });

    it("overdue text follows a promise past due; kept late says how late", async () => {
      const made = (await ok(graph, PEOPLE.huaweiL2, PROMISE, { n: number, due: inHours(1), k: key("promise-late") })).makeCallbackPromise;
      // The test clock: the promise fell due three hours ago.
      const past = new Date(Date.now() - 3 * 3_600_000 - 60_000).toISOString();
      const db = (await graph.database("aftersales")).db as any;
      await db.updateTable("callbacks").set({ due_at: past }).where("id", "=", made.id).execute();
      await db.updateTable("commitments").set({ due_at: past }).where("id", "=", made.id).execute();
      for (const caller of [PEOPLE.huaweiL1, PEOPLE.yougouRep]) {
        const view = await caseAs(graph, caller, number);
        expect(view.callbacks.find((c: any) => c.id === made.id)).toMatchObject({ overdue: true, lateText: "3 hours late" });
        expect(view.promises.find((p: any) => p.id === made.id)).toMatchObject({ overdue: true, overdueText: "3 hours late" });
      }
      const kept = (await ok(graph, PEOPLE.huaweiL2, KEEP, { id: made.id, k: key("keep-late") })).keepCallbackPromise;
      expect(kept).toMatchObject({ status: "KEPT", keptLate: true, lateText: "kept 3 hours late" });
      const { timeline } = await customerAs(graph, PEOPLE.yougouRep);
      expect(timeline.find((e) => e.kind === "CALLBACK_KEPT" && e.summary.includes("kept 3 hours late"))).toBeDefined();
    });

    it("a broken promise; refusals; 20 racing keep/break: one settles it", async () => {
      const made = (await ok(graph, PEOPLE.huaweiL2, PROMISE, { n: number, due: inHours(2), k: key("promise-b") })).makeCallbackPromise;
      expect((await send(graph, PEOPLE.yougouRep, BREAK, { id: made.id, k: key("b") })).codes).toEqual(["FORBIDDEN"]);
      expect((await send(graph, PEOPLE.huaweiL2, KEEP, { id: "CB-NOPE", k: key("b") })).codes).toEqual(["NOT_FOUND"]);
      expect((await send(graph, PEOPLE.huaweiL2, PROMISE, { n: number, due: "tomorrow", k: key("b") })).codes).toEqual(["BAD_USER_INPUT"]);
      expect((await send(graph, PEOPLE.yougouRep, PROMISE, { n: number, due: inHours(2), k: key("b") })).codes).toEqual(["FORBIDDEN"]);
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(graph, { ...PEOPLE.huaweiL2, sub: `l2-${i}` }, i % 2 ? KEEP : BREAK, { id: made.id, k: key("race") })));
      expect(answers.filter((a) => a.codes.length === 0)).toHaveLength(1);
      expect(answers.filter((a) => a.codes.join() === "CONFLICT")).toHaveLength(19);
      const db = (await graph.database("aftersales")).db as any;
      const settled = await db.selectFrom("timeline_events").select("id").where("kind", "in", ["CALLBACK_KEPT", "CALLBACK_BROKEN"]).where("subject_id", "=", number).execute();
      expect(settled).toHaveLength(3); // the two earlier promises + this one
      const view = await caseAs(graph, PEOPLE.yougouRep, number);
      expect(["KEPT", "BROKEN"]).toContain(view.callbacks.find((c: any) => c.id === made.id).status);
      expect(await written(graph, number, "CALLBACK_PROMISED")).toEqual({ timeline: 3, outbox: 3 });
    });
  });

  describe("notes: internal vs shared", () => {
    it("other parties never see an internal note, neither on the case nor in the timeline", async () => {
      const secret = "内部: customer may be reselling units";
      const internal = (await ok(graph, PEOPLE.huaweiL2, NOTE, { n: number, text: secret, v: "INTERNAL", k: key("note") })).addCaseNote;
      const shared = (await ok(graph, PEOPLE.yougouRep, NOTE, { n: number, text: "Customer will bring the receipt to the store", v: "shared", k: key("note") })).addCaseNote;
      expect(internal).toMatchObject({ visibility: "INTERNAL", author: { organization: "huawei" } });
      expect(shared).toMatchObject({ visibility: "SHARED", author: { name: PEOPLE.yougouRep.name, organization: "yougou" } });
      // The contractor becomes a party so it can read the case at all.
      await ok(graph, PEOPLE.huaweiL2, `mutation($n: String!, $k: String!) { transferCase(caseNumber: $n, toOrganization: "kuaixiu", reason: "on-site check", idempotencyKey: $k) { number } }`, { n: number, k: key("t") });
      for (const caller of [PEOPLE.huaweiL1, PEOPLE.huaweiL2]) {
        const notes = (await caseAs(graph, caller, number)).notes.map((n: any) => n.id);
        expect(notes).toEqual(expect.arrayContaining([internal.id, shared.id]));
      }
      for (const caller of [PEOPLE.yougouRep, PEOPLE.kuaixiuPartner, PEOPLE.supervisorWu]) {
        const view = await caseAs(graph, caller, number);
        expect(view.notes.map((n: any) => n.id)).toEqual([shared.id]);
        expect(JSON.stringify(view)).not.toContain(secret);
      }
      for (const caller of [PEOPLE.yougouRep, PEOPLE.huaweiL2]) {
        const { timeline } = await customerAs(graph, caller);
        expect(JSON.stringify(timeline)).not.toContain(secret);
        expect(timeline.filter((e) => e.kind === "CASE_NOTE_ADDED" && e.subjectId === number).map((e) => e.actor.organization).sort()).toEqual(["huawei", "yougou"]);
      }
      const db = (await graph.database("aftersales")).db as any;
      const events = await db.selectFrom("outbox").select("payload").where("type", "=", "case.note_added").execute();
      expect(events.length).toBe(2);
      expect(JSON.stringify(events)).not.toContain(secret);
    });

    it("refuses bad input and non-parties", async () => {
      expect((await send(graph, PEOPLE.aolanRep, NOTE, { n: number, text: "x", v: "SHARED", k: key("n") })).codes).toEqual(["FORBIDDEN"]);
      expect((await send(graph, PEOPLE.analystGu, NOTE, { n: number, text: "x", v: "SHARED", k: key("n") })).codes).toEqual(["FORBIDDEN"]);
      expect((await send(graph, PEOPLE.huaweiL2, NOTE, { n: number, text: "x", v: "PUBLIC", k: key("n") })).codes).toEqual(["BAD_USER_INPUT"]);
      expect((await send(graph, PEOPLE.huaweiL2, NOTE, { n: number, text: "x".repeat(2001), v: "SHARED", k: key("n") })).codes).toEqual(["BAD_USER_INPUT"]);
      expect((await send(graph, PEOPLE.huaweiL2, NOTE, { n: "CS-HW-NOPE", text: "x", v: "SHARED", k: key("n") })).codes).toEqual(["NOT_FOUND"]);
    });
  });
});
