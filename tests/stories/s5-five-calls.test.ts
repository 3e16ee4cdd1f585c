/**
 * S5. Five calls after it was fixed: one shared case for the provider, the maker's
 * after-sales and field service; "resolved by customer" recorded once closes every party's
 * open work; contact attempts are logged and read before the next call; known-issue hints.
 */
import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type Graph } from "../helpers/graphHarness";
import { PEOPLE } from "../helpers/people";
import { ask, codesOf, key } from "./storyKit";

const CASE = "CS-HT-0505";
const RESOLVED_STATES = ["RESOLVED", "CLOSED"];

const FIND = `
query Find($phone: String!) {
  findCustomers(identifier: $phone) { result { candidates { matchedBy customer {
    id name
    beforeYouCall { party headline latest { at party outcome byOrganization } }
    makerRegistrations { maker devices { serial model knownIssues { id symptom hint manualRef } } }
    openMatters { result { missingSources matters { source kind status subjectType subjectId handler { name organization } } } }
  } } } }
}`;

const CASE_VIEW = `
query Case($number: String!) {
  serviceCase(number: $number) {
    number status resolvedBy maker
    parties { organization name role phone }
    handler { name organization }
    visits { id status cancelReason }
    callbacks { id status }
    promises { status }
  }
}`;

const RESOLVE = `
mutation Resolve($number: String!, $note: String!, $key: String!) {
  resolveCaseByCustomer(caseNumber: $number, note: $note, idempotencyKey: $key) {
    number status resolvedBy visits { id status } callbacks { id status }
  }
}`;

describeEachDatabase("S5 five calls after it was fixed: one shared case, resolved once for everyone", (target) => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph(target);
  });
  afterAll(() => graph?.stop());

  it("found by phone; before you call: the customer told jiangcheng it was resolved at 09:12; known-issue hints for the model", async () => {
    const data = await ask(graph, PEOPLE.hengtongRep, FIND, { phone: "+86 135-5555-0505" });
    expect(data.findCustomers.result.candidates).toHaveLength(1);
    const customer = data.findCustomers.result.candidates[0].customer;
    expect(customer).toMatchObject({ id: "C-S5", name: "刘洋" });
    expect(data.findCustomers.result.candidates[0].matchedBy).toContain("phone");

    const jiangcheng = customer.beforeYouCall.find((p: any) => p.party === "jiangcheng");
    expect(jiangcheng.headline).toMatch(/^customer told jiangcheng it was resolved at 09:12\b/);
    expect(jiangcheng.latest.outcome).toBe("TOLD_RESOLVED");

    const device = customer.makerRegistrations.find((r: any) => r.maker === "hengtong").devices.find((d: any) => d.serial === "STB-HT-20250505");
    expect(device.model).toBe("HT-B860");
    expect(device.knownIssues.length).toBeGreaterThan(0);
    const remote = device.knownIssues.find((i: any) => /remote/i.test(i.symptom));
    expect(remote.hint).toMatch(/pair/i);
    expect(remote.manualRef).toMatch(/page \d+/);
    const byModel = await ask(graph, PEOPLE.jiangchengRep, `{ knownIssues(model: "HT-B860") { id hint } }`);
    expect(byModel.knownIssues.map((i: any) => i.id).sort()).toEqual(device.knownIssues.map((i: any) => i.id).sort());

    // Before anyone records the resolution, the after-sales side still has open work.
    const kinds = customer.openMatters.result.matters.filter((m: any) => m.source === "aftersales").map((m: any) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(["SERVICE_CASE", "VISIT", "CALLBACK"]));
  });

  it("the shared case shows the parties: provider, maker after-sales, field service", async () => {
    const { serviceCase } = await ask(graph, PEOPLE.jiangchengRep, CASE_VIEW, { number: CASE });
    expect(serviceCase.maker).toBe("hengtong");
    const roles = Object.fromEntries(serviceCase.parties.map((p: any) => [p.role, p.organization]));
    expect(roles).toMatchObject({ PROVIDER: "jiangcheng", MAKER_AFTERSALES: "hengtong", FIELD_SERVICE: "hengtong" });
    for (const party of serviceCase.parties) expect(party.phone).toBeTruthy();
    expect(serviceCase.visits.find((v: any) => v.id === "VIS-0505").status).toBe("SCHEDULED");
    expect(serviceCase.callbacks.filter((c: any) => c.status === "OPEN").length).toBeGreaterThanOrEqual(2);
  });

  it("the provider's rep records 'resolved by customer' ONCE and no party has open work left", async () => {
    const variables = { number: CASE, note: "customer re-paired the remote himself (OK + Back); no visit needed", key: key("s5-resolve") };
    const resolved = (await ask(graph, PEOPLE.jiangchengRep, RESOLVE, variables)).resolveCaseByCustomer;
    // Resolved by the customer: the case ends (CLOSED; RESOLVED would also be a resolution).
    expect(resolved).toMatchObject({ number: CASE, resolvedBy: "CUSTOMER" });
    expect(RESOLVED_STATES).toContain(resolved.status);
    expect(resolved.visits.map((v: any) => v.status)).toEqual(resolved.visits.map(() => "CANCELLED"));
    expect(resolved.callbacks.filter((c: any) => c.status === "OPEN")).toEqual([]);
    // The same request again (a retry) gives the same answer.
    expect((await ask(graph, PEOPLE.jiangchengRep, RESOLVE, variables)).resolveCaseByCustomer).toEqual(resolved);

    const { customer } = await ask(graph, PEOPLE.jiangchengRep, `{ customer(id: "C-S5") { openMatters { result { missingSources matters { source kind subjectId } } } } }`);
    expect(customer.openMatters.result.missingSources).toEqual([]);
    expect(customer.openMatters.result.matters.filter((m: any) => m.source === "aftersales")).toEqual([]);
    expect(customer.openMatters.result.matters.filter((m: any) => m.subjectId === CASE || m.subjectId === "VIS-0505")).toEqual([]);

    for (const rep of [PEOPLE.hengtongRep, PEOPLE.jiangchengRep]) {
      const { serviceCase } = await ask(graph, rep, CASE_VIEW, { number: CASE });
      expect(serviceCase).toMatchObject({ status: resolved.status, resolvedBy: "CUSTOMER", handler: null });
      expect(serviceCase.visits.find((v: any) => v.id === "VIS-0505").status).toBe("CANCELLED");
      expect(serviceCase.callbacks.filter((c: any) => c.status === "OPEN")).toEqual([]);
      expect(serviceCase.promises.filter((p: any) => p.status === "OPEN")).toEqual([]);
    }

    // A second, separate "resolved" does not resolve it twice.
    const twice = await graph.query(RESOLVE, { ...variables, key: key("s5-resolve-again") }, { caller: PEOPLE.hengtongRep });
    if (twice.body.errors) expect(codesOf(twice.body)).toEqual(["CONFLICT"]);
    else expect(twice.body.data.resolveCaseByCustomer.status).toBe(resolved.status);
    const { customer: after } = await ask(graph, PEOPLE.hengtongRep, `{ customer(id: "C-S5") { timeline(first: 50, sources: ["aftersales"], kinds: ["CASE_RESOLVED_BY_CUSTOMER"]) { result { entries { subjectId actor { organization } } } } } }`);
    const resolutions = after.timeline.result.entries.filter((e: any) => e.subjectId === CASE);
    expect(resolutions).toHaveLength(1);
    expect(resolutions[0].actor.organization).toBe("jiangcheng");
  });

  it("a contact attempt is logged once and shows in beforeYouCall and in the timeline with its actor", async () => {
    const input = { customerId: "C-S5", party: "hengtong", channel: "PHONE", direction: "OUTBOUND", outcome: "REACHED", note: "Called to confirm: resolved, no visit needed; apologized for the calls", subjectType: "ServiceCase", subjectId: CASE };
    const idempotencyKey = key("s5-contact");
    const LOG = `mutation Log($input: ContactLogInput!, $key: String!) { logContact(input: $input, idempotencyKey: $key) { id at party channel direction outcome note byName byOrganization } }`;
    const logged = (await ask(graph, PEOPLE.hengtongRep, LOG, { input, key: idempotencyKey })).logContact;
    expect(logged).toMatchObject({ party: "hengtong", outcome: "REACHED", byName: PEOPLE.hengtongRep.name, byOrganization: "hengtong" });
    expect((await ask(graph, PEOPLE.hengtongRep, LOG, { input, key: idempotencyKey })).logContact).toEqual(logged);

    const data = await ask(
      graph,
      PEOPLE.jiangchengRep,
      `{ customer(id: "C-S5") {
        contacts(first: 50) { id }
        beforeYouCall { party headline latest { id at outcome } }
        timeline(first: 10) { result { entries { at source kind summary actor { name role organization } } } }
      } }`,
    );
    const customer = data.customer;
    expect(customer.contacts.filter((c: any) => c.id === logged.id)).toHaveLength(1);
    const hengtong = customer.beforeYouCall.find((p: any) => p.party === "hengtong");
    expect(hengtong.latest).toMatchObject({ id: logged.id, at: logged.at });
    expect(hengtong.headline).toContain("hengtong");
    // The provider's "told resolved" is still what a rep reads before calling jiangcheng.
    expect(customer.beforeYouCall.find((p: any) => p.party === "jiangcheng").headline).toMatch(/resolved at 09:12/);

    const entry = customer.timeline.result.entries.find((e: any) => e.kind === "CONTACT_LOGGED" && e.at === logged.at);
    expect(entry).toBeDefined();
    expect(entry.actor).toMatchObject({ name: PEOPLE.hengtongRep.name, organization: "hengtong" });
    expect(customer.timeline.result.entries.filter((e: any) => e.kind === "CONTACT_LOGGED" && e.at === logged.at)).toHaveLength(1);
  });
});
