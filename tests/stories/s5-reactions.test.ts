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
import { createDeviceOwnerThroughGraph, HENGTONG_PARTNER as HENGTONG_DESK, type NewPerson } from "../helpers/newPerson";
import { PEOPLE } from "../helpers/people";
import { ask, cst, DAY, eventually, key, personLinking } from "./storyKit";

const CASE = "CS-HT-0505";
const KUAIXIU: CallerClaims = { role: "partner", org: "kuaixiu", sub: "partner-kuaixiu", name: "快修到家 Kuaixiu dispatch system" };
const HENGTONG_PARTNER: CallerClaims = { role: "partner", org: "hengtong", sub: "partner-hengtong", name: "恒通 Hengtong system" };
const JOB = `{ fieldJob(id: "FJ-KX-0505") { id visitId status eta cancelReason } }`;
const CUSTOMER = `{ customer(id: "C-S5") {
  beforeYouCall { party headline latest { outcome subjectId } }
  openMatters { result { missingSources matters { source kind subjectId } surveyEligibility { eligible reasons } } }
} }`;

const aboutTheCase = (m: any) => [CASE, "VIS-0505", "FJ-KX-0505", "CB-0505-1", "CB-0505-2"].includes(m.subjectId) || m.kind === "FIELD_JOB";

describeEachDatabase("S5 with reactions: resolved once, every party's view closes", (target) => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph(target);
  }, 240_000);
  afterAll(() => graph?.stop());

  describe("Liu Yang, seeded (the contractor joins the case only when its job follows the resolution)", () => {
  it("before: the job is open for everyone, the contractor is no party to the case, the newest call comes first, no survey", async () => {
    expect((await ask(graph, KUAIXIU, JOB)).fieldJob.status).toBe("ASSIGNED");
    const refused = await graph.query(`{ serviceCase(number: "${CASE}") { number } }`, {}, { caller: KUAIXIU });
    expect(refused.body.errors[0].extensions.code).toBe("FORBIDDEN");
    const { customer } = await ask(graph, PEOPLE.hengtongRep, CUSTOMER);
    expect(customer.openMatters.result.matters.filter(aboutTheCase).map((m: any) => m.kind)).toEqual(expect.arrayContaining(["SERVICE_CASE", "VISIT", "CALLBACK", "FIELD_JOB"]));
    expect(customer.openMatters.result.surveyEligibility.eligible).toBe(false);
    expect(customer.beforeYouCall[0].headline).not.toMatch(/^customer told jiangcheng/);
  });

  it("the provider records 'resolved by the customer' once: every party's view closes, and says so first", async () => {
    const resolved = await ask(graph, PEOPLE.jiangchengRep, `mutation($k: String!) { resolveCaseByCustomer(caseNumber: "${CASE}", note: "customer re-paired the remote himself", idempotencyKey: $k) { status } }`, { k: key("s5r") });
    expect(resolved.resolveCaseByCustomer.status).toBe("CLOSED");

    // The contractor, in its own view.
    const job = await eventually(() => ask(graph, KUAIXIU, JOB), (d) => d.fieldJob.status === "CANCELLED");
    expect(job.fieldJob).toMatchObject({ status: "CANCELLED", eta: null });
    const said = `by ${PEOPLE.jiangchengRep.name} (jiangcheng) — resolved by the customer`;
    expect([`hengtong visit VIS-0505 cancelled ${said}`, `hengtong case ${CASE} closed ${said}`].some((start) => job.fieldJob.cancelReason.startsWith(start))).toBe(true);

    // The contractor is a party to the case now, reads it closed, and every party sees it with the technician's phone.
    const shared = await eventually(() => graph.query(`{ serviceCase(number: "${CASE}") { status resolvedBy parties { organization role phone } visits { id status fieldJob { status } } } }`, {}, { caller: KUAIXIU }), (r) => !r.body.errors);
    expect(shared.body.errors).toBeUndefined();
    expect(shared.body.data.serviceCase).toMatchObject({ status: "CLOSED", resolvedBy: "CUSTOMER" });
    expect(shared.body.data.serviceCase.parties).toEqual(expect.arrayContaining([{ organization: "kuaixiu", role: "FIELD_SERVICE", phone: "+86 139-7100-0505" }]));
    for (const rep of [PEOPLE.hengtongRep, PEOPLE.jiangchengRep]) {
      const { serviceCase } = await ask(graph, rep, `{ serviceCase(number: "${CASE}") { status parties { organization } visits { id status fieldJob { id status } } callbacks { status } } }`);
      expect(serviceCase.status).toBe("CLOSED");
      expect(serviceCase.parties.map((p: any) => p.organization)).toContain("kuaixiu");
      expect(serviceCase.visits.find((v: any) => v.id === "VIS-0505")).toEqual({ id: "VIS-0505", status: "CANCELLED", fieldJob: { id: "FJ-KX-0505", status: "CANCELLED" } });
      expect(serviceCase.callbacks.filter((c: any) => c.status === "OPEN")).toEqual([]);
    }

    // Every party reads first that the customer told jiangcheng at 09:12; nobody has open work on the case; survey eligibility follows.
    for (const caller of [PEOPLE.hengtongRep, PEOPLE.jiangchengRep, KUAIXIU, HENGTONG_PARTNER]) {
      const { customer } = await eventually(() => ask(graph, caller, CUSTOMER), (d) => d.customer.beforeYouCall[0]?.headline.startsWith("customer told jiangcheng"));
      expect(`${caller.org}: ${customer.beforeYouCall[0].headline}`).toMatch(new RegExp(`^${caller.org}: customer told jiangcheng it was resolved at 09:12 on \\d{4}-\\d\\d-\\d\\d$`));
      expect(customer.beforeYouCall[0]).toMatchObject({ party: "jiangcheng", latest: { outcome: "TOLD_RESOLVED", subjectId: CASE } });
      const open = customer.openMatters.result;
      expect(open.missingSources).toEqual([]);
      expect(`${caller.org}: ${JSON.stringify(open.matters.filter(aboutTheCase))}`).toBe(`${caller.org}: []`);
      if (caller === PEOPLE.hengtongRep) {
        expect(open.surveyEligibility.reasons.filter((r: string) => /not yet resolved/.test(r))).toEqual(open.matters.length ? [`${open.matters.length} matter(s) not yet resolved`] : []);
        expect(open.surveyEligibility.eligible).toBe(open.matters.length === 0 && open.surveyEligibility.reasons.length === 0);
      }
    }

    // Timeline attribution: the provider's resolution, and each system's change on its word.
    const { customer } = await ask(graph, PEOPLE.hengtongRep, `{ customer(id: "C-S5") { timeline(first: 40) { result { entries { source kind summary subjectId actor { name role organization } } } } } }`);
    const entries = customer.timeline.result.entries;
    const resolution = entries.filter((e: any) => e.kind === "CASE_RESOLVED_BY_CUSTOMER" && e.subjectId === CASE);
    expect(resolution).toHaveLength(1);
    expect(resolution[0].actor).toMatchObject({ name: PEOPLE.jiangchengRep.name, organization: "jiangcheng" });
    const jobEntries = entries.filter((e: any) => e.source === "fieldservice" && e.kind === "JOB_CANCELLED" && e.subjectId === "FJ-KX-0505" && e.actor.role === "system");
    expect(jobEntries).toHaveLength(1);
    expect(jobEntries[0].actor.organization).toBe("kuaixiu");
    expect(jobEntries[0].actor.name).toContain(`on hengtong's word (${PEOPLE.jiangchengRep.name} (jiangcheng))`);
    const joined = entries.filter((e: any) => e.kind === "CASE_PARTY_JOINED" && e.subjectId === CASE);
    expect(joined).toHaveLength(1);
    expect(joined[0].actor).toMatchObject({ role: "system", organization: "hengtong" });
    const fact = entries.filter((e: any) => e.source === "customers" && e.kind === "CONTACT_FACT_RECORDED");
    expect(fact).toHaveLength(1);
    expect(fact[0].summary).toContain("customer told jiangcheng it was resolved at 09:12");
  });
  });

  /*
   * The same story from a person in no seed: Hengtong registers the set-top box the provider
   * supplied and opens a case from the provider's complaint with a home visit Kuaixiu works,
   * promises a callback; the provider, Hengtong and the customer talk (the shared contact log);
   * the customer tells the provider it is fixed, the provider records it once; every party's
   * view closes at once, all through gateway mutations.
   */
  describe("a person created through the graph", () => {
    const OWNER = { name: "赵磊 Zhao Lei", nameLatin: "Zhao Lei", mobile: "+86 135-5550-2202", city: "武汉", address: "武汉市江岸区沿江大道 77 号 (77 Yanjiang Avenue, Jiang'an District, Wuhan)" };
    let owner: Omit<NewPerson, "orderNumber" | "retailerCustomerId">;
    let personId: string;
    let callbackId: string;
    let toldAt: string;
    const job = () => ask(graph, KUAIXIU, `query($id: ID!) { fieldJob(id: $id) { id visitId status eta cancelReason } }`, { id: owner.fieldJobId });
    const view = (caller: CallerClaims) =>
      ask(graph, caller, `query($id: ID!) { customer(id: $id) {
        beforeYouCall { party headline latest { outcome subjectId } }
        openMatters { result { missingSources matters { source kind subjectId } surveyEligibility { eligible reasons } } }
      } }`, { id: personId });
    const ours = (m: any) => [owner.caseNumber, owner.visitId, owner.fieldJobId, callbackId].includes(m.subjectId);
    const logContact = (caller: CallerClaims, input: Record<string, unknown>) =>
      ask(graph, caller, `mutation($input: ContactLogInput!, $k: String!) { logContact(input: $input, idempotencyKey: $k) { id at party outcome } }`, { input: { customerId: personId, channel: "PHONE", subjectType: "ServiceCase", subjectId: owner.caseNumber, ...input }, k: key("s5-zhao-lei-contact") });

    beforeAll(async () => {
      owner = await createDeviceOwnerThroughGraph(graph, { ...OWNER, keyPrefix: key("s5-zhao-lei") });
      personId = await personLinking(graph, PEOPLE.hengtongRep, OWNER.mobile, [`aftersales:${owner.makerRegistrationId}`]);
      const promised = await ask(graph, HENGTONG_DESK, `mutation($c: String!, $d: String!, $k: String!) { makeCallbackPromise(caseNumber: $c, purpose: "维修部确认上门时间 / Repair department confirms the visit time", dueAt: $d, idempotencyKey: $k) { id status } }`, { c: owner.caseNumber, d: new Date(Date.now() + DAY).toISOString(), k: key("s5-zhao-lei-callback") });
      callbackId = promised.makeCallbackPromise.id;
      // The provider took the complaint; Hengtong called back; then the customer told the provider it was fixed.
      await logContact(PEOPLE.jiangchengRep, { party: "jiangcheng", direction: "INBOUND", outcome: "REACHED", note: "投诉：遥控器失灵，恒通电话占线 / complaint: remote dead, Hengtong's line busy" });
      await logContact(HENGTONG_DESK, { party: "hengtong", direction: "OUTBOUND", outcome: "REACHED", note: "advised a service point, then booked a home visit" });
      toldAt = (await logContact(PEOPLE.jiangchengRep, { party: "jiangcheng", direction: "INBOUND", outcome: "TOLD_RESOLVED", note: "customer re-paired the remote himself" })).logContact.at;
      // Hengtong's repair department, unaware, calls once more: the newest contact is not the provider's.
      await logContact(HENGTONG_DESK, { party: "hengtong", direction: "OUTBOUND", outcome: "NO_ANSWER" });
    }, 90_000);

    it("before: Kuaixiu has the job, every party has open work on the case, the newest call comes first, no survey", async () => {
      const kx = await eventually(job, (d) => d.fieldJob !== null, 15_000);
      expect(kx.fieldJob).toMatchObject({ id: owner.fieldJobId, visitId: owner.visitId, status: "ASSIGNED" });
      const { customer } = await view(PEOPLE.hengtongRep);
      expect(customer.openMatters.result.missingSources).toEqual([]);
      expect(customer.openMatters.result.matters.filter(ours).map((m: any) => `${m.kind} ${m.subjectId}`).sort()).toEqual(
        [`CALLBACK ${owner.caseNumber}`, `FIELD_JOB ${owner.fieldJobId}`, `SERVICE_CASE ${owner.caseNumber}`, `VISIT ${owner.visitId}`].sort(),
      );
      expect(customer.openMatters.result.surveyEligibility.eligible).toBe(false);
      expect(customer.beforeYouCall[0]).toMatchObject({ party: "hengtong", latest: { outcome: "NO_ANSWER" } });
    });

    it("the provider records 'resolved by the customer' once: the maker's case, visit and callback, Kuaixiu's job, what everyone reads first and the open matters all close", async () => {
      const resolve = (k: string) => graph.query(`mutation($c: String!, $k: String!) { resolveCaseByCustomer(caseNumber: $c, note: "customer re-paired the remote himself", idempotencyKey: $k) { number status } }`, { c: owner.caseNumber, k }, { caller: PEOPLE.jiangchengRep });
      const k = key("s5-zhao-lei-resolve");
      const first = await resolve(k);
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data.resolveCaseByCustomer).toEqual({ number: owner.caseNumber, status: "CLOSED" });
      expect((await resolve(k)).body).toEqual(first.body);
      // Told a second time (another rep, another key): the case is closed already, nothing happens twice.
      expect((await resolve(key("s5-zhao-lei-again"))).body.errors?.[0]?.extensions?.code).toBe("CONFLICT");

      // Kuaixiu, in its own view.
      const kx = await eventually(job, (d) => d.fieldJob.status === "CANCELLED", 15_000);
      expect(kx.fieldJob).toMatchObject({ status: "CANCELLED", eta: null });
      const said = `by ${PEOPLE.jiangchengRep.name} (jiangcheng) — resolved by the customer`;
      expect([`hengtong visit ${owner.visitId} cancelled ${said}`, `hengtong case ${owner.caseNumber} closed ${said}`].some((start) => kx.fieldJob.cancelReason.startsWith(start))).toBe(true);

      // The maker and the provider read one closed case; Kuaixiu reads it too, a party once.
      for (const caller of [HENGTONG_DESK, PEOPLE.hengtongRep, PEOPLE.jiangchengRep, KUAIXIU]) {
        const { serviceCase } = await eventually(
          () => ask(graph, caller, `query($c: String!) { serviceCase(number: $c) { status resolvedBy parties { organization role } visits { id status fieldJob { id status } } callbacks { id status } } }`, { c: owner.caseNumber }),
          (d) => d.serviceCase.visits[0]?.fieldJob?.status === "CANCELLED",
          15_000,
        );
        expect(`${caller.org}/${caller.role}: ${serviceCase.status} ${serviceCase.resolvedBy}`).toBe(`${caller.org}/${caller.role}: CLOSED CUSTOMER`);
        expect(serviceCase.visits).toEqual([{ id: owner.visitId, status: "CANCELLED", fieldJob: { id: owner.fieldJobId, status: "CANCELLED" } }]);
        expect(serviceCase.callbacks).toEqual([{ id: callbackId, status: "CANCELLED" }]);
        expect(serviceCase.parties.filter((p: any) => p.organization === "kuaixiu")).toEqual([{ organization: "kuaixiu", role: "FIELD_SERVICE" }]);
      }

      // Every party reads first that the customer told jiangcheng, at the time of that call; nobody has open work on the case.
      const told = cst(toldAt);
      for (const caller of [PEOPLE.hengtongRep, PEOPLE.jiangchengRep, HENGTONG_DESK, KUAIXIU]) {
        const { customer } = await eventually(() => view(caller), (d) => d.customer.beforeYouCall[0]?.headline.startsWith("customer told jiangcheng"), 15_000);
        expect(`${caller.org}/${caller.role}: ${customer.beforeYouCall[0]?.headline}`).toBe(`${caller.org}/${caller.role}: customer told jiangcheng it was resolved at ${told.time} on ${told.date}`);
        expect(customer.beforeYouCall[0]).toMatchObject({ party: "jiangcheng", latest: { outcome: "TOLD_RESOLVED", subjectId: owner.caseNumber } });
        const open = customer.openMatters.result;
        expect(open.missingSources).toEqual([]);
        expect(`${caller.org}/${caller.role}: ${JSON.stringify(open.matters.filter(ours))}`).toBe(`${caller.org}/${caller.role}: []`);
      }

      // Timeline attribution: the provider's resolution, and each system's change on its word, once each.
      const { customer } = await ask(graph, PEOPLE.hengtongRep, `query($id: ID!) { customer(id: $id) { timeline(first: 60) { result { entries { source kind summary subjectId actor { name role organization } } } } } }`, { id: personId });
      const entries = customer.timeline.result.entries;
      const only = (source: string, kind: string, about: (e: any) => boolean) => {
        const found = entries.filter((e: any) => e.source === source && e.kind === kind && about(e));
        expect(`${source} ${kind}: ${found.length}`).toBe(`${source} ${kind}: 1`);
        return found[0];
      };
      expect(only("aftersales", "CASE_RESOLVED_BY_CUSTOMER", (e) => e.subjectId === owner.caseNumber).actor).toEqual({ name: PEOPLE.jiangchengRep.name, role: "rep", organization: "jiangcheng" });
      expect(only("aftersales", "VISIT_CANCELLED", (e) => e.subjectId === owner.visitId).actor).toMatchObject({ name: PEOPLE.jiangchengRep.name, organization: "jiangcheng" });
      expect(only("aftersales", "CALLBACK_CANCELLED", (e) => e.subjectId === owner.caseNumber).actor).toMatchObject({ name: PEOPLE.jiangchengRep.name, organization: "jiangcheng" });
      const jobEntry = only("fieldservice", "JOB_CANCELLED", (e) => e.subjectId === owner.fieldJobId);
      expect(jobEntry.actor).toMatchObject({ role: "system", organization: "kuaixiu" });
      expect(jobEntry.actor.name).toContain(`on hengtong's word (${PEOPLE.jiangchengRep.name} (jiangcheng))`);
      const fact = only("customers", "CONTACT_FACT_RECORDED", (e) => e.subjectId === owner.caseNumber);
      expect(fact.summary).toContain(`customer told jiangcheng it was resolved at ${told.time}`);
      expect(fact.actor).toMatchObject({ role: "system", organization: "platform" });
      expect(fact.actor.name).toContain(`on aftersales's word (${PEOPLE.jiangchengRep.name} (jiangcheng))`);
      expect(entries.filter((e: any) => e.kind === "CASE_PARTY_JOINED" && e.subjectId === owner.caseNumber)).toEqual([]);
    });
  });
});
