/**
 * S4 replayed through mutations (issue 14): a complaint is filed with an owner and a due date,
 * escalated, and left unanswered for two months; the graph says "escalated and unanswered ...
 * N days late" and refuses a survey; once answered, the survey is allowed.
 *
 * The clock: subgraphs run as child processes on the wall clock (kit/clock.ts nowIso), so
 * "two months pass" is done by moving the complaint's own times (opened, due, its reply
 * promise) back 64 days in its database, exactly as if it had been filed then.
 */
import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type Graph } from "../helpers/graphHarness";
import { PEOPLE } from "../helpers/people";
import { call, DAY, inDays, key, ok, viewOf } from "./partBKit";

const CUSTOMER = "C-S3C";

describeEachDatabase("S4 replayed: unanswered complaint, overdue, survey refused; answered, survey allowed", (target) => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph(target);
  });
  afterAll(() => graph?.stop());

  it("plays the story", async () => {
    const sendSurvey = () => call(graph, PEOPLE.unicomRep, `mutation($k: String!) { recordSurveySent(customerId: "${CUSTOMER}", idempotencyKey: $k) { id status } }`, { k: key("survey") });

    // 1. The customer complains to the hotline: owner and a reply in 7 days.
    const filed = await ok(graph, PEOPLE.unicomRep, `mutation($due: String!, $k: String!) { fileComplaint(customerId: "${CUSTOMER}", againstOrganization: "unicom", summary: "欠费两天就断网，大面积故障没有解释 / cut two days after a missed payment; outage unexplained", ownerName: "热线 0371 Hotline agent", ownerTeam: "Wuhan hotline", dueAt: $due, idempotencyKey: $k) { id status } }`, { due: inDays(7), k: key("file") });
    const id = filed.fileComplaint.id;
    expect((await sendSurvey()).errors[0].extensions.reasonCodes).toEqual(["OPEN_COMPLAINT"]);

    // 2. "Escalated" to the complaints team.
    await ok(graph, PEOPLE.unicomRep, `mutation($id: String!, $k: String!) { escalateComplaint(complaintId: $id, reason: "customer insists on an explanation", newOwnerName: "投诉组 Complaints team lead", newOwnerTeam: "complaints", idempotencyKey: $k) { status } }`, { id, k: key("esc") });

    // 3. Two months pass with no answer.
    const { db } = await graph.database("customers");
    const filedAt = new Date(Date.now() - 64 * DAY).toISOString();
    const dueAt = new Date(Date.now() - 57 * DAY).toISOString();
    await db.updateTable("complaints").set({ opened_at: filedAt, due_at: dueAt }).where("id", "=", id).execute();
    await db.updateTable("commitments").set({ due_at: dueAt }).where("matter_id", "=", id).execute();

    // Every party that may see it: overdue, in words.
    for (const caller of [PEOPLE.unicomRep, PEOPLE.unicomPartner, PEOPLE.supervisor]) {
      const view = await viewOf(graph, caller, CUSTOMER);
      const complaint = view.complaints.find((c: any) => c.id === id);
      expect(complaint).toMatchObject({ status: "ESCALATED", escalated: true, overdue: true });
      expect(complaint.overdueText).toMatch(/^escalated and unanswered: reply promised by \d\d:\d\d on \d{4}-\d\d-\d\d, 57 days late$/);
      const matter = view.openMatters.result.matters.find((m: any) => m.subjectId === id);
      expect(matter).toMatchObject({ kind: "COMPLAINT", overdue: true, handler: { name: "投诉组 Complaints team lead" } });
      expect(matter.promises[0]).toMatchObject({ status: "OPEN", overdue: true, overdueText: "57 days late" });
      expect(view.openMatters.result.surveyEligibility.eligible).toBe(false);
    }
    // A partner it is not about sees none of it.
    const other = await viewOf(graph, PEOPLE.aolanPartner, CUSTOMER);
    expect(other.complaints.map((c: any) => c.id)).not.toContain(id);
    // And the survey is refused, saying why.
    const refused = await sendSurvey();
    expect(refused.codes).toEqual(["CONFLICT"]);
    expect(refused.errors[0].extensions.reasonCodes).toEqual(["OPEN_COMPLAINT"]);

    // 4. Answered at last: the reply promise is kept (late), the matter is no longer open.
    const answered = await ok(graph, PEOPLE.unicomRep, `mutation($id: String!, $k: String!) { answerComplaint(complaintId: $id, answer: "停机为系统误判，已恢复并减免 / the suspension was an error; restored and credited", idempotencyKey: $k) { status } }`, { id, k: key("answer") });
    expect(answered.answerComplaint.status).toBe("ANSWERED");
    const after = await viewOf(graph, PEOPLE.unicomRep, CUSTOMER);
    expect(after.complaints.find((c: any) => c.id === id)).toMatchObject({ status: "ANSWERED", overdue: false, overdueText: null });
    expect(after.openMatters.result.matters.map((m: any) => m.subjectId)).not.toContain(id);
    expect(after.openMatters.result.surveyEligibility).toEqual({ eligible: true, reasons: [] });
    expect(after.timeline.result.entries.find((e: any) => e.kind === "COMPLAINT_ANSWERED" && e.subjectId === id).summary).toContain("57 days late");

    // 5. Now the survey is allowed.
    const sent = await sendSurvey();
    expect(sent.codes).toEqual([]);
    expect(sent.data.recordSurveySent.status).toBe("SENT");
  });
});
