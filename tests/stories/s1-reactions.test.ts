/**
 * S1 with the event backbone, through the gateway: the retailer's rep (and the maker) act on
 * the maker's visit once, and every other party follows without being told by hand. After
 * a reschedule the contractor's job moves to the new visit and time; after the retailer's
 * cancel ("resolved by the customer") the contractor's job is cancelled in the contractor's
 * own view, the retailer's order and repair request stop waiting for a technician, every
 * party reads first that the customer told yougou it was resolved, and each change is
 * attributed to the system that made it, on whose word.
 */
import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type CallerClaims, type Graph } from "../helpers/graphHarness";
import { AOLAN_PARTNER, createPersonThroughGraph, type NewPerson } from "../helpers/newPerson";
import { PEOPLE } from "../helpers/people";
import { ask, cst, DAY, eventually, key, personLinking } from "./storyKit";

const KUAIXIU: CallerClaims = { role: "partner", org: "kuaixiu", sub: "partner-kuaixiu", name: "快修到家 Kuaixiu dispatch system" };
const JOB = `{ fieldJob(id: "FJ-KX-0001") { id visitId status eta cancelReason notes(first: 3) { author text } } }`;
const ORDER = `{ order(number: "YG-20261102-0001") { status returns { number status nextStep } } }`;
const CUSTOMER = `{ customer(id: "C-S1") {
  beforeYouCall { party headline latest { outcome subjectId } }
  openMatters { result { missingSources matters { source kind subjectId status } } }
  timeline(first: 30) { result { entries { source kind summary subjectId actor { name role organization } } } }
} }`;

describeEachDatabase("S1 with reactions: every party follows the maker's visit", (target) => {
  let graph: Graph;
  let newVisit: string;
  beforeAll(async () => {
    graph = await startGraph(target);
  }, 240_000);
  afterAll(() => graph?.stop());

  describe("Wang Lei, seeded (the contractor not yet a party to the case)", () => {
  it("the maker reschedules: the contractor's job moves to the new visit and window, and the retailer's next step names it", async () => {
    const start = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 11) + "01:00:00.000Z";
    const end = start.replace("01:00", "05:00");
    const moved = await ask(graph, PEOPLE.aolanRep, `mutation($s: String!, $e: String!, $k: String!) { rescheduleVisit(visitId: "VIS-0001", windowStart: $s, windowEnd: $e, idempotencyKey: $k) { id status } }`, { s: start, e: end, k: key("s1r-move") });
    newVisit = moved.rescheduleVisit.id;

    const job = await eventually(() => ask(graph, KUAIXIU, JOB), (d) => d.fieldJob.visitId === newVisit);
    expect(job.fieldJob).toMatchObject({ visitId: newVisit, status: "ASSIGNED", eta: start });
    expect(job.fieldJob.notes[0].text).toContain(`Moved: aolan visit VIS-0001 moved to ${newVisit}`);
    // The maker's new visit shows the job carrying it out.
    const visit = await ask(graph, PEOPLE.aolanRep, `query($id: String!) { visit(id: $id) { id status fieldJob { id status eta } } }`, { id: newVisit });
    expect(visit.visit).toMatchObject({ id: newVisit, status: "SCHEDULED", fieldJob: { id: "FJ-KX-0001", status: "ASSIGNED", eta: start } });

    const order = await eventually(() => ask(graph, PEOPLE.yougouRep, ORDER), (d) => d.order.returns[0].nextStep.includes(newVisit));
    expect(order.order.status).toBe("AWAITING_TECHNICIAN");
    expect(order.order.returns[0].status).toBe("WAITING_AFTERSALES_TECHNICIAN");
    expect(order.order.returns[0].nextStep).toContain(`${cst(start).time} on ${cst(start).date}`);
  });

  it("the retailer's rep cancels the visit (resolved by the customer): every party's view follows", async () => {
    const cancelled = await ask(graph, PEOPLE.yougouRep, `mutation($id: String!, $k: String!) { cancelVisit(visitId: $id, reason: "resolved by the customer", idempotencyKey: $k) { id status } }`, { id: newVisit, k: key("s1r-cancel") });
    expect(cancelled.cancelVisit.status).toBe("CANCELLED");

    // The contractor, in its own view: the job is cancelled, no ETA, and it says why and on whose word.
    const job = await eventually(() => ask(graph, KUAIXIU, JOB), (d) => d.fieldJob.status === "CANCELLED");
    expect(job.fieldJob).toMatchObject({ status: "CANCELLED", eta: null, cancelReason: `aolan visit ${newVisit} cancelled by ${PEOPLE.yougouRep.name} (yougou) — resolved by the customer` });
    expect(job.fieldJob.notes[0].text).toBe(`Cancelled: ${job.fieldJob.cancelReason}`);
    // The retailer still may not cancel the job itself: the maker decides.
    const refused = await graph.query(`mutation($k: String!) { cancelFieldJob(jobId: "FJ-KX-0001", reason: "x", idempotencyKey: $k) { id } }`, { k: key("s1r-forbid") }, { caller: PEOPLE.yougouRep });
    expect(refused.body.errors[0].extensions.code).toMatch(/FORBIDDEN|CONFLICT/);

    // The maker: visit cancelled by the retailer, its job cancelled, the case open again without visits.
    const maker = await ask(graph, PEOPLE.aolanRep, `query($id: String!) { visit(id: $id) { status cancelledBy { organization } fieldJob { id status } } serviceCase(number: "CS-AL-0001") { status } }`, { id: newVisit });
    expect(maker).toEqual({ visit: { status: "CANCELLED", cancelledBy: { organization: "yougou" }, fieldJob: { id: "FJ-KX-0001", status: "CANCELLED" } }, serviceCase: { status: "OPEN" } });

    // The retailer: nobody waits for a technician any more.
    const order = await eventually(() => ask(graph, PEOPLE.yougouRep, ORDER), (d) => d.order.status !== "AWAITING_TECHNICIAN");
    expect(order.order).toMatchObject({ status: "COMPLETED", returns: [{ number: "RT-0001", status: "RESOLVED_BY_CUSTOMER" }] });
    expect(order.order.returns[0].nextStep).toMatch(/^Nothing to do: resolved by the customer; no technician is coming/);

    // The contractor is now a party to the maker's case, and reads it.
    const shared = await eventually(() => graph.query(`{ serviceCase(number: "CS-AL-0001") { number parties { organization role phone } } }`, {}, { caller: KUAIXIU }), (r) => !r.body.errors);
    expect(shared.body.errors).toBeUndefined();
    expect(shared.body.data.serviceCase.parties).toEqual(expect.arrayContaining([{ organization: "kuaixiu", role: "FIELD_SERVICE", phone: "+86 139-7100-2233" }]));

    // Before you call, every party reads first that the customer told yougou.
    for (const caller of [PEOPLE.yougouRep, PEOPLE.aolanRep]) {
      const data = await eventually(() => ask(graph, caller, CUSTOMER), (d) => d.customer.beforeYouCall[0]?.headline.startsWith("customer told yougou"));
      expect(data.customer.beforeYouCall[0]).toMatchObject({ party: "yougou", latest: { outcome: "TOLD_RESOLVED", subjectId: "CS-AL-0001" } });
      expect(data.customer.beforeYouCall[0].headline).toMatch(/^customer told yougou it was resolved at \d\d:\d\d on \d{4}-\d\d-\d\d$/);
      // No party has open work about the visit: no visit, no field job, no repair request.
      const open = data.customer.openMatters.result;
      expect(open.missingSources).toEqual([]);
      expect(open.matters.filter((m: any) => ["VISIT", "FIELD_JOB", "REPAIR_REQUEST"].includes(m.kind))).toEqual([]);
    }
    for (const partner of [KUAIXIU, AOLAN_PARTNER]) {
      const { customer } = await ask(graph, partner, `{ customer(id: "C-S1") { openMatters { result { matters { kind subjectId } } } } }`);
      expect(customer.openMatters.result.matters.filter((m: any) => m.subjectId === "FJ-KX-0001" || m.subjectId === newVisit)).toEqual([]);
    }

    // Timeline attribution: the rep's cancel, and each party's system acting on the rep's word, once each.
    const { customer } = await ask(graph, PEOPLE.yougouRep, CUSTOMER);
    const entries = customer.timeline.result.entries;
    const one = (source: string, kind: string) => {
      const found = entries.filter((e: any) => e.source === source && e.kind === kind && (e.summary.includes(newVisit) || e.subjectId === "RT-0001" || e.subjectId === "CS-AL-0001"));
      expect(`${source} ${kind}: ${found.length}`).toBe(`${source} ${kind}: 1`);
      return found[0];
    };
    expect(one("aftersales", "VISIT_CANCELLED").actor).toEqual({ name: PEOPLE.yougouRep.name, role: "rep", organization: "yougou" });
    const jobEntry = one("fieldservice", "JOB_CANCELLED");
    expect(jobEntry.actor).toMatchObject({ role: "system", organization: "kuaixiu" });
    expect(jobEntry.actor.name).toContain(`on aolan's word (${PEOPLE.yougouRep.name} (yougou))`);
    const returnEntries = entries.filter((e: any) => e.source === "orders" && e.kind === "RETURN_STATUS_CHANGED" && e.summary.startsWith("RT-0001 now RESOLVED_BY_CUSTOMER"));
    expect(returnEntries).toHaveLength(1);
    expect(returnEntries[0].actor).toMatchObject({ role: "system", organization: "yougou" });
    const fact = one("customers", "CONTACT_FACT_RECORDED");
    expect(fact.summary).toContain("customer told yougou it was resolved");
    expect(one("aftersales", "CASE_PARTY_JOINED").actor).toMatchObject({ role: "system", organization: "aolan" });
  });
  });

  /*
   * The same story from a person in no seed: the retailer records the order and files the
   * repair request, the maker registers the unit and opens the case with a visit Kuaixiu
   * works, all through gateway mutations; then the reschedule and the retailer's cancel, and
   * every party's view after each.
   */
  describe("a person created through the graph", () => {
    const BUYER = { name: "李娜 Li Na", nameLatin: "Li Na", mobile: "+86 137-5550-1101", city: "武汉", district: "武昌区", address: "武汉市武昌区中北路 18 号 2 栋 901" };
    let person: NewPerson;
    let personId: string;
    let movedTo: string;
    const windowStart = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 11) + "01:00:00.000Z";
    const windowEnd = windowStart.replace("01:00", "04:00");
    const job = () => ask(graph, KUAIXIU, `query($id: ID!) { fieldJob(id: $id) { id visitId makerOrganization status eta cancelReason technicianName technicianPhone notes(first: 3) { author text } } }`, { id: person.fieldJobId });
    const order = () =>
      ask(graph, PEOPLE.yougouRep, `query($n: String!) { order(number: $n) { status returns { number status nextStep handlingParty closedAt } serviceCases { number status visits { id status windowStart windowEnd technician { name nameLatin phone } serviceCenter { name phone hours } } } } }`, { n: person.orderNumber });
    const view = (caller: CallerClaims) =>
      ask(graph, caller, `query($id: ID!) { customer(id: $id) {
        beforeYouCall { party headline latest { outcome subjectId } }
        openMatters { result { missingSources matters { source kind subjectId status handler { name organization } } } }
      } }`, { id: personId });
    const timeline = async () => (await ask(graph, PEOPLE.yougouRep, `query($id: ID!) { customer(id: $id) { timeline(first: 60) { result { entries { source kind summary subjectId actor { name role organization } } } } } }`, { id: personId })).customer.timeline.result.entries;
    const ours = (m: any) => [person.caseNumber, person.visitId, movedTo, person.fieldJobId, person.returnNumber].includes(m.subjectId);

    beforeAll(async () => {
      person = await createPersonThroughGraph(graph, { ...BUYER, returnRequest: { reason: "安装后进水口漏水 / The heater leaks at the inlet since installation" }, keyPrefix: key("s1-li-na") });
      personId = await personLinking(graph, PEOPLE.yougouRep, BUYER.mobile, [`orders:${person.retailerCustomerId}`, `aftersales:${person.makerRegistrationId}`]);
    }, 60_000);

    it("the retailer filed the request and the maker booked the visit: the order waits for that technician, Kuaixiu has the job, every open matter has an owner", async () => {
      expect(person.returnNumber).toMatch(/^RT-\d{9}$/);
      const kx = await eventually(job, (d) => d.fieldJob !== null, 15_000);
      expect(kx.fieldJob).toMatchObject({ id: person.fieldJobId, visitId: person.visitId, makerOrganization: "aolan", status: "ASSIGNED", technicianName: "赵刚 Zhao Gang", technicianPhone: "+86 139-7100-2233" });

      const seen = await eventually(order, (d) => d.order.returns[0]?.status === "WAITING_AFTERSALES_TECHNICIAN", 15_000);
      expect(seen.order.status).toBe("AWAITING_TECHNICIAN");
      expect(seen.order.returns).toEqual([expect.objectContaining({ number: person.returnNumber, status: "WAITING_AFTERSALES_TECHNICIAN", handlingParty: "aolan", closedAt: null })]);
      const [visitShown] = seen.order.serviceCases[0].visits;
      expect(seen.order.returns[0].nextStep).toContain(`visit ${person.visitId}`);
      expect(seen.order.returns[0].nextStep).toContain(`${cst(visitShown.windowStart).time} on ${cst(visitShown.windowStart).date}`);
      // From the order number, the retailer's rep sees the maker's case, the visit and who comes.
      expect(seen.order.serviceCases).toEqual([expect.objectContaining({ number: person.caseNumber, status: "SCHEDULED" })]);
      expect(visitShown).toMatchObject({ id: person.visitId, status: "SCHEDULED", technician: { name: "赵刚", nameLatin: "Zhao Gang", phone: "+86 139-7100-2233" } });
      expect(visitShown.serviceCenter.phone).toMatch(/\d/);
      expect(visitShown.serviceCenter.hours).toMatch(/\d\d:\d\d/);

      const { customer } = await view(PEOPLE.yougouRep);
      expect(customer.openMatters.result.missingSources).toEqual([]);
      const open = customer.openMatters.result.matters.filter(ours);
      expect(open.map((m: any) => `${m.kind} ${m.subjectId}`).sort()).toEqual([`FIELD_JOB ${person.fieldJobId}`, `REPAIR_REQUEST ${person.returnNumber}`, `SERVICE_CASE ${person.caseNumber}`, `VISIT ${person.visitId}`].sort());
      expect(open.filter((m: any) => !m.handler)).toEqual([]);

      const entries = await timeline();
      const requested = entries.filter((e: any) => e.kind === "RETURN_REQUESTED" && e.subjectId === person.returnNumber);
      expect(requested.map((e: any) => e.actor)).toEqual([{ name: "陈晓 Chen Xiao (Yougou service desk)", role: "rep", organization: "yougou" }]);
      const waiting = entries.filter((e: any) => e.kind === "RETURN_STATUS_CHANGED" && e.subjectId === person.returnNumber && e.summary.includes("now WAITING_AFTERSALES_TECHNICIAN"));
      expect(waiting).toHaveLength(1);
      expect(waiting[0].actor).toMatchObject({ role: "system", organization: "yougou" });
      expect(waiting[0].actor.name).toContain("on aolan's word (刘芳 Liu Fang (Aolan after-sales) (aolan))");
      const dispatched = entries.filter((e: any) => e.kind === "TECHNICIAN_DISPATCHED" && e.subjectId === person.fieldJobId);
      expect(dispatched.map((e: any) => e.actor.organization)).toEqual(["kuaixiu"]);
    });

    it("the maker reschedules: Kuaixiu's job moves to the new visit and window, the maker's visit shows it, the retailer's next step names it", async () => {
      const moved = await ask(graph, PEOPLE.aolanRep, `mutation($v: String!, $s: String!, $e: String!, $k: String!) { rescheduleVisit(visitId: $v, windowStart: $s, windowEnd: $e, idempotencyKey: $k) { id status } }`, { v: person.visitId, s: windowStart, e: windowEnd, k: key("s1-li-na-move") });
      movedTo = moved.rescheduleVisit.id;
      expect(movedTo).not.toBe(person.visitId);

      const kx = await eventually(job, (d) => d.fieldJob.visitId === movedTo, 15_000);
      expect(kx.fieldJob).toMatchObject({ id: person.fieldJobId, visitId: movedTo, status: "ASSIGNED", eta: windowStart });
      expect(kx.fieldJob.notes[0].text).toContain(`Moved: aolan visit ${person.visitId} moved to ${movedTo}`);
      const maker = await ask(graph, PEOPLE.aolanRep, `query($old: String!, $new: String!) { old: visit(id: $old) { status rescheduledTo } new: visit(id: $new) { status windowStart fieldJob { id eta } } }`, { old: person.visitId, new: movedTo });
      expect(maker).toEqual({ old: { status: "RESCHEDULED", rescheduledTo: movedTo }, new: { status: "SCHEDULED", windowStart, fieldJob: { id: person.fieldJobId, eta: windowStart } } });

      const seen = await eventually(order, (d) => d.order.returns[0].nextStep.includes(movedTo), 15_000);
      expect(seen.order.status).toBe("AWAITING_TECHNICIAN");
      expect(seen.order.returns[0]).toMatchObject({ status: "WAITING_AFTERSALES_TECHNICIAN", closedAt: null });
      expect(seen.order.returns[0].nextStep).toContain(`${cst(windowStart).time} on ${cst(windowStart).date}`);

      const moves = (await timeline()).filter((e: any) => e.kind === "JOB_MOVED" && e.subjectId === person.fieldJobId);
      expect(moves).toHaveLength(1);
      expect(moves[0].actor).toMatchObject({ role: "system", organization: "kuaixiu" });
      expect(moves[0].actor.name).toContain(`on aolan's word (${PEOPLE.aolanRep.name} (aolan))`);
    });

    it("the retailer's rep cancels the visit (resolved by the customer), twice: every party's view follows once", async () => {
      const cancel = (k: string) => graph.query(`mutation($id: String!, $k: String!) { cancelVisit(visitId: $id, reason: "resolved by the customer", idempotencyKey: $k) { id status } }`, { id: movedTo, k }, { caller: PEOPLE.yougouRep });
      const k = key("s1-li-na-cancel");
      const first = await cancel(k);
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data.cancelVisit).toEqual({ id: movedTo, status: "CANCELLED" });
      // The retry (a double click, a lost answer) replays the answer and does nothing again.
      expect((await cancel(k)).body).toEqual(first.body);

      // Kuaixiu, in its own view: cancelled, no ETA, why and on whose word.
      const kx = await eventually(job, (d) => d.fieldJob.status === "CANCELLED", 15_000);
      expect(kx.fieldJob).toMatchObject({ status: "CANCELLED", eta: null, cancelReason: `aolan visit ${movedTo} cancelled by ${PEOPLE.yougouRep.name} (yougou) — resolved by the customer` });
      expect(kx.fieldJob.notes[0].text).toBe(`Cancelled: ${kx.fieldJob.cancelReason}`);

      // The maker: the visit cancelled by the retailer, the job with it, the case open again without a visit;
      // Kuaixiu a party once (it was one from the start), with the technician's phone.
      const maker = await eventually(
        () => ask(graph, PEOPLE.aolanRep, `query($v: String!, $c: String!) { visit(id: $v) { status cancelledAt cancelledBy { name organization } fieldJob { id status } } serviceCase(number: $c) { status parties { organization role phone } visits { id status } } }`, { v: movedTo, c: person.caseNumber }),
        (d) => d.visit.fieldJob.status === "CANCELLED" && d.serviceCase.parties.some((p: any) => p.organization === "kuaixiu" && p.phone),
        15_000,
      );
      expect(maker.visit).toMatchObject({ status: "CANCELLED", cancelledBy: { name: PEOPLE.yougouRep.name, organization: "yougou" }, fieldJob: { id: person.fieldJobId, status: "CANCELLED" } });
      expect(maker.serviceCase.status).toBe("OPEN");
      expect(maker.serviceCase.visits.filter((v: any) => v.status === "SCHEDULED")).toEqual([]);
      expect(maker.serviceCase.parties.filter((p: any) => p.organization === "kuaixiu")).toEqual([{ organization: "kuaixiu", role: "FIELD_SERVICE", phone: "+86 139-7100-2233" }]);
      // Kuaixiu reads the case it works.
      const shared = await ask(graph, KUAIXIU, `query($c: String!) { serviceCase(number: $c) { status visits { id status } } }`, { c: person.caseNumber });
      expect(shared.serviceCase.visits.find((v: any) => v.id === movedTo)).toEqual({ id: movedTo, status: "CANCELLED" });

      // The retailer: the request is resolved by the customer and closed, the order no longer waits.
      const seen = await eventually(order, (d) => d.order.status !== "AWAITING_TECHNICIAN", 15_000);
      expect(seen.order.status).toBe("COMPLETED");
      expect(seen.order.returns).toEqual([expect.objectContaining({ number: person.returnNumber, status: "RESOLVED_BY_CUSTOMER", closedAt: expect.any(String) })]);
      expect(seen.order.returns[0].nextStep).toMatch(/^Nothing to do: resolved by the customer; no technician is coming/);

      // Before you call, every party reads first that the customer told yougou, at the cancel's time;
      // nobody has open work about the visit any more (the maker's case stays, open, with its owner).
      const told = cst(maker.visit.cancelledAt);
      for (const caller of [PEOPLE.yougouRep, PEOPLE.aolanRep, AOLAN_PARTNER, KUAIXIU]) {
        const { customer } = await eventually(() => view(caller), (d) => d.customer.beforeYouCall[0]?.headline.startsWith("customer told yougou"), 15_000);
        expect(`${caller.org}/${caller.role}: ${customer.beforeYouCall[0]?.headline}`).toBe(`${caller.org}/${caller.role}: customer told yougou it was resolved at ${told.time} on ${told.date}`);
        expect(customer.beforeYouCall[0]).toMatchObject({ party: "yougou", latest: { outcome: "TOLD_RESOLVED", subjectId: person.caseNumber } });
        const open = customer.openMatters.result;
        expect(open.missingSources).toEqual([]);
        expect(`${caller.org}/${caller.role}: ${JSON.stringify(open.matters.filter(ours).filter((m: any) => m.kind !== "SERVICE_CASE"))}`).toBe(`${caller.org}/${caller.role}: []`);
        if (caller.org !== "kuaixiu") expect(open.matters.filter(ours).map((m: any) => `${m.kind} ${m.subjectId}`)).toEqual([`SERVICE_CASE ${person.caseNumber}`]);
      }

      // Timeline attribution: the rep's cancel, and each party's system acting on the rep's word, once each.
      const entries = await timeline();
      const only = (source: string, kind: string, about: (e: any) => boolean) => {
        const found = entries.filter((e: any) => e.source === source && e.kind === kind && about(e));
        expect(`${source} ${kind}: ${found.length}`).toBe(`${source} ${kind}: 1`);
        return found[0];
      };
      expect(only("aftersales", "VISIT_CANCELLED", (e) => e.subjectId === movedTo).actor).toEqual({ name: PEOPLE.yougouRep.name, role: "rep", organization: "yougou" });
      const jobEntry = only("fieldservice", "JOB_CANCELLED", (e) => e.subjectId === person.fieldJobId);
      expect(jobEntry.actor).toMatchObject({ role: "system", organization: "kuaixiu" });
      expect(jobEntry.actor.name).toContain(`on aolan's word (${PEOPLE.yougouRep.name} (yougou))`);
      const returnEntry = only("orders", "RETURN_STATUS_CHANGED", (e) => e.subjectId === person.returnNumber && e.summary.includes("now RESOLVED_BY_CUSTOMER"));
      expect(returnEntry.actor).toMatchObject({ role: "system", organization: "yougou" });
      expect(returnEntry.actor.name).toContain(`on aolan's word (${PEOPLE.yougouRep.name} (yougou))`);
      const fact = only("customers", "CONTACT_FACT_RECORDED", (e) => e.subjectId === person.caseNumber);
      expect(fact.summary).toContain(`customer told yougou it was resolved at ${told.time}`);
      expect(fact.actor).toMatchObject({ role: "system", organization: "platform" });
      expect(fact.actor.name).toContain(`on aftersales's word (${PEOPLE.yougouRep.name} (yougou))`);
      // Kuaixiu was a party from the case's opening: it does not "join" again.
      expect(entries.filter((e: any) => e.kind === "CASE_PARTY_JOINED" && e.subjectId === person.caseNumber)).toEqual([]);
    });
  });
});
