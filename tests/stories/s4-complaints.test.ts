/**
 * S4. Surveys without follow-up, complaints without answers: Zhao Min's escalated complaint
 * is a tracked matter with an owner and an overdue promise; the suspension and the outage
 * are linked to her lines; she may not be surveyed now, and the graph says why.
 */
import { describeEachDatabase } from "../helpers/databases";
import type { Graph } from "../helpers/graphHarness";
import { sharedGraph } from "../helpers/sharedGraph";
import { PEOPLE } from "../helpers/people";
import { ask, DAY } from "./storyKit";

const ZHAO_MIN = `
query ZhaoMin($phone: String!) {
  findCustomers(identifier: $phone) { result { candidates { customer {
    id name
    complaints { id status escalated againstOrganization openedAt }
    billingAccounts {
      number status
      lines { number status outages { id } }
      suspensions { id reason from until status triggeringInvoice { number dueAt status } }
      outages { id status from explanation affectedLines(first: 100) { number } }
    }
    openMatters { result {
      count overdueCount missingSources
      surveyEligibility { eligible reasons }
      matters {
        source kind title status subjectType subjectId openedAt dueAt overdue
        handler { name team organization tier since }
        handoffs { from { tier } to { name tier } at }
        promises { description dueAt status overdue overdueText madeBy { name organization } }
      }
    } }
  } } } }
}`;

describeEachDatabase("S4 complaints and surveys: every promise tracked, overdue flagged", (target) => {
  let graph: Graph;
  let customer: any;
  beforeAll(async () => {
    graph = await sharedGraph(target);
    const data = await ask(graph, PEOPLE.unicomRep, ZHAO_MIN, { phone: "186-2700-4444" });
    expect(data.findCustomers.result.candidates).toHaveLength(1);
    customer = data.findCustomers.result.candidates[0].customer;
  });
  afterAll(() => graph?.stop());

  it("the escalated complaint is an open matter with an owner (tier L2) and a promise N days late", () => {
    expect(customer).toMatchObject({ id: "C-S4", name: "赵敏" });
    const complaint = customer.complaints.find((c: any) => c.id === "CMP-4001");
    expect(complaint).toMatchObject({ escalated: true, againstOrganization: "unicom" });
    expect(["OPEN", "ESCALATED"]).toContain(complaint.status);

    const result = customer.openMatters.result;
    expect(result.missingSources).toEqual([]);
    const matter = result.matters.find((m: any) => m.subjectId === "CMP-4001");
    expect(matter).toMatchObject({ source: "customers", kind: "COMPLAINT", subjectType: "Complaint", overdue: true });
    expect(matter.handler).toMatchObject({ organization: "unicom", tier: "L2" });
    expect(matter.handler.name).toBeTruthy();
    expect(Date.parse(matter.handler.since)).toBeLessThan(Date.now());
    expect(Date.parse(matter.dueAt)).toBeLessThan(Date.now());

    // "A reply promised within 7 days of the escalation 62 days ago": 55 days late.
    const promise = matter.promises.find((p: any) => p.status === "OPEN");
    expect(promise.overdue).toBe(true);
    const lateDays = Math.floor((Date.now() - Date.parse(promise.dueAt)) / DAY);
    expect(promise.overdueText).toBe(`${lateDays} days late`);
    expect(lateDays).toBeGreaterThanOrEqual(54);
    expect(lateDays).toBeLessThanOrEqual(56);
    expect(promise.madeBy.organization).toBe("unicom");

    // Overdue matters first, and the counts agree with the list.
    expect(result.count).toBe(result.matters.length);
    expect(result.overdueCount).toBe(result.matters.filter((m: any) => m.overdue).length);
    const flags = result.matters.map((m: any) => m.overdue);
    expect(flags).toEqual([...flags].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
  });

  it("the suspension (2 days after the missed payment) and the outage are linked to her lines", () => {
    const account = customer.billingAccounts.find((a: any) => a.number === "BA-4001");
    expect(account.status).toBe("SUSPENDED");
    const suspension = account.suspensions.find((s: any) => s.status === "ACTIVE");
    expect(suspension.until).toBeNull();
    expect(suspension.reason).toBeTruthy();
    expect(suspension.triggeringInvoice.status).not.toBe("PAID");
    const gap = Date.parse(suspension.from) - Date.parse(suspension.triggeringInvoice.dueAt);
    expect(gap).toBeGreaterThan(1.5 * DAY);
    expect(gap).toBeLessThan(2.5 * DAY);
    for (const line of account.lines) expect(line.status).toBe("SUSPENDED");

    const outage = account.outages.find((o: any) => o.id === "OUT-4001");
    expect(outage.explanation).toBeNull(); // no explanation given to her yet
    const hit = outage.affectedLines.map((l: any) => l.number);
    const herLines = account.lines.map((l: any) => l.number);
    expect(hit.filter((n: string) => herLines.includes(n)).length).toBeGreaterThan(0);
    const lineWithOutage = account.lines.find((l: any) => l.outages.some((o: any) => o.id === "OUT-4001"));
    expect(hit).toContain(lineWithOutage.number);

    const matters = customer.openMatters.result.matters;
    expect(matters.find((m: any) => m.kind === "SUSPENSION")).toMatchObject({ source: "billing", subjectId: "BA-4001", overdue: true });
    expect(matters.find((m: any) => m.kind === "OUTAGE")).toMatchObject({ source: "billing", subjectId: "OUT-4001" });
  });

  it("the TV maker's 'another visit' callback after the 'normal' verdict is a tracked open matter", () => {
    const callback = customer.openMatters.result.matters.find((m: any) => m.kind === "CALLBACK" && m.subjectId === "CS-XH-4001");
    expect(callback).toMatchObject({ source: "aftersales", status: "OPEN" });
    expect(callback.handler.organization).toBe("xinghai");
  });

  it("survey eligibility is false, with the reasons: a complaint is open, surveyed recently", () => {
    const survey = customer.openMatters.result.surveyEligibility;
    expect(survey.eligible).toBe(false);
    expect(survey.reasons.some((r: string) => /complaint/i.test(r) && r.includes("CMP-4001"))).toBe(true);
    expect(survey.reasons.some((r: string) => /survey/i.test(r))).toBe(true);
  });

  it("a customer with no open matters and no recent survey may be surveyed", async () => {
    const data = await ask(graph, PEOPLE.unicomRep, `{ customer(id: "C-S3C") { openMatters { result { count missingSources surveyEligibility { eligible reasons } } } } }`);
    const result = data.customer.openMatters.result;
    expect(result).toMatchObject({ count: 0, missingSources: [] });
    expect(result.surveyEligibility).toEqual({ eligible: true, reasons: [] });
  });
});
