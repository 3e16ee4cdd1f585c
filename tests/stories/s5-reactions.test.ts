/**
 * S5 with the event backbone, through the gateway: "resolved by the customer" recorded once
 * by the provider closes every party's view at once: the maker's case, visit and callbacks,
 * the contractor's job (in the contractor's own view), who is a party to the case (the
 * contractor now is), what every party reads first before calling ("customer told
 * jiangcheng it was resolved at 09:12"), open matters and survey eligibility, and each
 * change attributed to the system that made it on the provider's word.
 */
import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type CallerClaims, type Graph } from "../helpers/graphHarness";
import { ask, key, REPS } from "./storyKit";

const CASE = "CS-HT-0505";
const KUAIXIU: CallerClaims = { role: "partner", org: "kuaixiu", sub: "partner-kuaixiu", name: "快修到家 Kuaixiu dispatch system" };
const HENGTONG_PARTNER: CallerClaims = { role: "partner", org: "hengtong", sub: "partner-hengtong", name: "恒通 Hengtong system" };
const JOB = `{ fieldJob(id: "FJ-KX-0505") { id visitId status eta cancelReason } }`;
const CUSTOMER = `{ customer(id: "C-S5") {
  beforeYouCall { party headline latest { outcome subjectId } }
  openMatters { result { missingSources matters { source kind subjectId } surveyEligibility { eligible reasons } } }
} }`;

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const aboutTheCase = (m: any) => [CASE, "VIS-0505", "FJ-KX-0505", "CB-0505-1", "CB-0505-2"].includes(m.subjectId) || m.kind === "FIELD_JOB";

/*
 * SKIPPED (not verified yet): written against issue-13a's delivery after it merged at 02:50,
 * but the graph could not start within its readiness timeout on the shared machine (load 30-50)
 * before the deadline, so these assertions have never run green. Run with
 * RUN_REACTION_STORIES=1 (after `npm run build`) and remove this gate once they pass.
 */
const describeStory = process.env.RUN_REACTION_STORIES === "1" ? describeEachDatabase : (name: string, _suite: unknown) => describe.skip(`${name} (skipped: not verified yet, RUN_REACTION_STORIES=1 runs it)`, () => it("runs with RUN_REACTION_STORIES=1", () => undefined));

describeStory("S5 with reactions: resolved once, every party's view closes", (target: Parameters<Parameters<typeof describeEachDatabase>[1]>[0]) => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph(target);
  }, 240_000);
  afterAll(() => graph?.stop());

  it("before: the job is open for everyone, the contractor is no party to the case, the newest call comes first, no survey", async () => {
    expect((await ask(graph, KUAIXIU, JOB)).fieldJob.status).toBe("ASSIGNED");
    const refused = await graph.query(`{ serviceCase(number: "${CASE}") { number } }`, {}, { caller: KUAIXIU });
    expect(refused.body.errors[0].extensions.code).toBe("FORBIDDEN");
    const { customer } = await ask(graph, REPS.hengtong, CUSTOMER);
    expect(customer.openMatters.result.matters.filter(aboutTheCase).map((m: any) => m.kind)).toEqual(expect.arrayContaining(["SERVICE_CASE", "VISIT", "CALLBACK", "FIELD_JOB"]));
    expect(customer.openMatters.result.surveyEligibility.eligible).toBe(false);
    expect(customer.beforeYouCall[0].headline).not.toMatch(/^customer told jiangcheng/);
  });

  it("the provider records 'resolved by the customer' once: every party's view closes, and says so first", async () => {
    const resolved = await ask(graph, REPS.jiangcheng, `mutation($k: String!) { resolveCaseByCustomer(caseNumber: "${CASE}", note: "customer re-paired the remote himself", idempotencyKey: $k) { status } }`, { k: key("s5r") });
    expect(resolved.resolveCaseByCustomer.status).toBe("CLOSED");

    // The contractor, in its own view.
    const job = await eventually(() => ask(graph, KUAIXIU, JOB), (d) => d.fieldJob.status === "CANCELLED");
    expect(job.fieldJob).toMatchObject({ status: "CANCELLED", eta: null });
    const said = `by ${REPS.jiangcheng.name} (jiangcheng) — resolved by the customer`;
    expect([`hengtong visit VIS-0505 cancelled ${said}`, `hengtong case ${CASE} closed ${said}`].some((start) => job.fieldJob.cancelReason.startsWith(start))).toBe(true);

    // The contractor is a party to the case now, reads it closed, and every party sees it with the technician's phone.
    const shared = await eventually(() => graph.query(`{ serviceCase(number: "${CASE}") { status resolvedBy parties { organization role phone } visits { id status fieldJob { status } } } }`, {}, { caller: KUAIXIU }), (r) => !r.body.errors);
    expect(shared.body.errors).toBeUndefined();
    expect(shared.body.data.serviceCase).toMatchObject({ status: "CLOSED", resolvedBy: "CUSTOMER" });
    expect(shared.body.data.serviceCase.parties).toEqual(expect.arrayContaining([{ organization: "kuaixiu", role: "FIELD_SERVICE", phone: "+86 139-7100-0505" }]));
    for (const rep of [REPS.hengtong, REPS.jiangcheng]) {
      const { serviceCase } = await ask(graph, rep, `{ serviceCase(number: "${CASE}") { status parties { organization } visits { id status fieldJob { id status } } callbacks { status } } }`);
      expect(serviceCase.status).toBe("CLOSED");
      expect(serviceCase.parties.map((p: any) => p.organization)).toContain("kuaixiu");
      expect(serviceCase.visits.find((v: any) => v.id === "VIS-0505")).toEqual({ id: "VIS-0505", status: "CANCELLED", fieldJob: { id: "FJ-KX-0505", status: "CANCELLED" } });
      expect(serviceCase.callbacks.filter((c: any) => c.status === "OPEN")).toEqual([]);
    }

    // Every party reads first that the customer told jiangcheng at 09:12; nobody has open work on the case; survey eligibility follows.
    for (const caller of [REPS.hengtong, REPS.jiangcheng, KUAIXIU, HENGTONG_PARTNER]) {
      const { customer } = await eventually(() => ask(graph, caller, CUSTOMER), (d) => d.customer.beforeYouCall[0]?.headline.startsWith("customer told jiangcheng"));
      expect(`${caller.org}: ${customer.beforeYouCall[0].headline}`).toMatch(new RegExp(`^${caller.org}: customer told jiangcheng it was resolved at 09:12 on \\d{4}-\\d\\d-\\d\\d$`));
      expect(customer.beforeYouCall[0]).toMatchObject({ party: "jiangcheng", latest: { outcome: "TOLD_RESOLVED", subjectId: CASE } });
      const open = customer.openMatters.result;
      expect(open.missingSources).toEqual([]);
      expect(`${caller.org}: ${JSON.stringify(open.matters.filter(aboutTheCase))}`).toBe(`${caller.org}: []`);
      if (caller === REPS.hengtong) {
        expect(open.surveyEligibility.reasons.filter((r: string) => /not yet resolved/.test(r))).toEqual(open.matters.length ? [`${open.matters.length} matter(s) not yet resolved`] : []);
        expect(open.surveyEligibility.eligible).toBe(open.matters.length === 0 && open.surveyEligibility.reasons.length === 0);
      }
    }

    // Timeline attribution: the provider's resolution, and each system's change on its word.
    const { customer } = await ask(graph, REPS.hengtong, `{ customer(id: "C-S5") { timeline(first: 40) { result { entries { source kind summary subjectId actor { name role organization } } } } } }`);
    const entries = customer.timeline.result.entries;
    const resolution = entries.filter((e: any) => e.kind === "CASE_RESOLVED_BY_CUSTOMER" && e.subjectId === CASE);
    expect(resolution).toHaveLength(1);
    expect(resolution[0].actor).toMatchObject({ name: REPS.jiangcheng.name, organization: "jiangcheng" });
    const jobEntries = entries.filter((e: any) => e.source === "fieldservice" && e.kind === "JOB_CANCELLED" && e.subjectId === "FJ-KX-0505" && e.actor.role === "system");
    expect(jobEntries).toHaveLength(1);
    expect(jobEntries[0].actor.organization).toBe("kuaixiu");
    expect(jobEntries[0].actor.name).toContain(`on hengtong's word (${REPS.jiangcheng.name} (jiangcheng))`);
    const joined = entries.filter((e: any) => e.kind === "CASE_PARTY_JOINED" && e.subjectId === CASE);
    expect(joined).toHaveLength(1);
    expect(joined[0].actor).toMatchObject({ role: "system", organization: "hengtong" });
    const fact = entries.filter((e: any) => e.source === "customers" && e.kind === "CONTACT_FACT_RECORDED");
    expect(fact).toHaveLength(1);
    expect(fact[0].summary).toContain("customer told jiangcheng it was resolved at 09:12");
  });
});
