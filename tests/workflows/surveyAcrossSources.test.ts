/**
 * Issue 14 (S4): "never while a matter is unresolved" holds in recordSurveySent itself, for
 * matters that live in other systems (the maker's case, the contractor's field job), not only
 * in the read's surveyEligibility. The sources' events carry the owner's open matters there
 * (kit/events/sourceState.ts); the customers subgraph keeps the latest per source and owner
 * (reactions/sourceOpenMatters.ts) and refuses with UNRESOLVED_MATTER naming them.
 * A person created through the graph, on SQLite and PostgreSQL, on the embedded log or on
 * JetStream when NATS_URL is set (the graph's processes inherit it).
 */
import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type Graph } from "../helpers/graphHarness";
import { AOLAN_PARTNER, createPersonThroughGraph, type NewPerson } from "../helpers/newPerson";
import { PEOPLE } from "../helpers/people";
import { eventually, personLinking } from "../stories/storyKit";
import { call, key, ok, viewOf } from "./partBKit";

const SEND = `mutation Send($c: String!, $k: String!) { recordSurveySent(customerId: $c, idempotencyKey: $k) { id status party } }`;

describeEachDatabase("survey refused while another system has an unresolved matter (issue 14, S4)", (target) => {
  let graph: Graph;
  let person: NewPerson;
  let customerId: string;
  const mobile = `139${String(Date.now() % 100_000_000).padStart(8, "0")}`;

  /** What the customers subgraph knows is open elsewhere for the person's maker registration. */
  const knownOpen = async (source: string): Promise<{ kind: string; id: string; status: string }[] | null> => {
    const { db } = await graph.database("customers");
    const row = await db.selectFrom("source_open_matters").select("matters").where("source", "=", source).where("owner_id", "=", person.makerRegistrationId).executeTakeFirst();
    return row ? JSON.parse(row.matters) : null;
  };
  const surveysOf = async () => {
    const { db } = await graph.database("customers");
    return db.selectFrom("surveys").select(["id", "party"]).where("customer_id", "=", customerId).execute();
  };

  beforeAll(async () => {
    graph = await startGraph(target);
    person = await createPersonThroughGraph(graph, { name: "欧阳青 Ouyang Qing", nameLatin: "Ouyang Qing", mobile, city: "武汉 Wuhan", address: "洪山区 珞喻路 88号" });
    customerId = await personLinking(graph, PEOPLE.supervisor, mobile, [`orders:${person.retailerCustomerId}`, `aftersales:${person.makerRegistrationId}`]);
  }, 120_000);
  afterAll(() => graph?.stop());

  it("knows the maker's case and the contractor's job are open, from their events", async () => {
    const aftersales = await eventually(() => knownOpen("aftersales"), (m) => !!m?.some((x) => x.id === person.caseNumber), 20_000);
    expect(aftersales).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "SERVICE_CASE", id: person.caseNumber }), expect.objectContaining({ kind: "VISIT", id: person.visitId, status: "SCHEDULED" })]));
    const fieldservice = await eventually(() => knownOpen("fieldservice"), (m) => !!m?.some((x) => x.id === person.fieldJobId), 20_000);
    expect(fieldservice).toEqual([expect.objectContaining({ kind: "FIELD_JOB", id: person.fieldJobId })]);
  });

  it("refuses the survey in the mutation, naming each system's open matter, and writes nothing", async () => {
    // The customers subgraph itself holds nothing open for this person: no complaint, no survey, no handler.
    const refused = await call(graph, PEOPLE.yougouRep, SEND, { c: customerId, k: key("send") });
    expect(refused.codes).toEqual(["CONFLICT"]);
    expect(refused.errors[0].extensions).toMatchObject({ status: "NOT_ELIGIBLE", reasonCodes: ["UNRESOLVED_MATTER"] });
    const reason: string = refused.errors[0].extensions.reasons[0];
    expect(reason).toContain(`aftersales SERVICE_CASE ${person.caseNumber}`);
    expect(reason).toContain(`fieldservice FIELD_JOB ${person.fieldJobId}`);
    expect(await surveysOf()).toEqual([]);
    // Every party's read agrees: not eligible, for unresolved matters.
    for (const caller of [PEOPLE.yougouRep, PEOPLE.aolanPartner, PEOPLE.supervisor]) {
      const view = await viewOf(graph, caller, customerId);
      expect(view.openMatters.result.surveyEligibility.eligible).toBe(false);
      expect(view.openMatters.result.surveyEligibility.reasons.join()).toMatch(/matter\(s\) not yet resolved/);
    }
  });

  it("allows it once the customer resolved the case and the contractor's job followed", async () => {
    await ok(graph, AOLAN_PARTNER, `mutation($c: String!, $k: String!) { resolveCaseByCustomer(caseNumber: $c, note: "customer tightened the inlet nut himself", idempotencyKey: $k) { status } }`, { c: person.caseNumber, k: key("resolve") });
    // The case's events empty aftersales' state; the job's cancellation (fieldservice reacting to the visit) empties fieldservice's.
    await eventually(() => knownOpen("aftersales"), (m) => Array.isArray(m) && m.length === 0, 20_000);
    await eventually(() => knownOpen("fieldservice"), (m) => Array.isArray(m) && m.length === 0, 20_000);
    const sent = await ok(graph, PEOPLE.yougouRep, SEND, { c: customerId, k: key("send-after") });
    expect(sent.recordSurveySent).toMatchObject({ status: "SENT", party: "yougou" });
    expect((await surveysOf()).map((s) => s.party)).toEqual(["yougou"]);
    for (const caller of [PEOPLE.yougouRep, PEOPLE.aolanPartner, PEOPLE.supervisor]) {
      const view = await viewOf(graph, caller, customerId);
      expect(view.openMatters.result.matters.filter((m: any) => m.source === "aftersales" || m.source === "fieldservice")).toEqual([]);
    }
  });
});
