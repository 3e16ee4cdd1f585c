/**
 * aftersales.contractor-joins-case against real databases, end of a real chain: the maker
 * resolves S5's case, the contractor's reaction cancels its job and publishes job.cancelled,
 * aftersales' reaction makes the contractor a party to the case (so the contractor's partner
 * token now reads the case), and the retailer's copy of the case follows its parties.
 */
import type { Caller } from "../../../common/caller";
import { aftersalesSubgraph } from "../../../subgraphs/aftersales/subgraph";
import type { DB as AftersalesDB } from "../../../subgraphs/aftersales/db/tables";
import { fieldserviceSubgraph } from "../../../subgraphs/fieldservice/subgraph";
import { ordersSubgraph } from "../../../subgraphs/orders/subgraph";
import { describeEachDatabase } from "../../helpers/databases";
import { deliverEvents, outboxMark, readOutbox } from "../../helpers/deliverOutbox";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";

const KUAIXIU: Caller = { subject: "partner-kuaixiu", name: "快修到家 Kuaixiu system", role: "partner", organization: "kuaixiu" };
const JIANGCHENG: Caller = { subject: "rep-jiangcheng-wu", name: "吴倩 Wu Qian", role: "rep", organization: "jiangcheng" };
const CASE = `{ serviceCase(number: "CS-HT-0505") { number status parties { organization role name phone } } }`;

describeEachDatabase("reaction aftersales.contractor-joins-case", (target) => {
  let aftersales: TestSubgraph<AftersalesDB>;
  let fieldservice: TestSubgraph<any>;
  let orders: TestSubgraph<any>;
  beforeAll(async () => {
    [aftersales, fieldservice, orders] = await Promise.all([startTestSubgraph(aftersalesSubgraph, target, { events: false }), startTestSubgraph(fieldserviceSubgraph, target, { events: false }), startTestSubgraph(ordersSubgraph, target, { events: false })]);
  });
  afterAll(async () => {
    await Promise.all([aftersales?.stop(), fieldservice?.stop(), orders?.stop()]);
  });

  const maker = () => ({ name: "aftersales", db: aftersales.running.database.db });
  const contractor = () => ({ name: "fieldservice", db: fieldservice.running.database.db });

  it("the contractor working the visit becomes a party to the case, and sees it", async () => {
    const refused = await aftersales.query(CASE, {}, KUAIXIU);
    expect(refused.body.errors[0].extensions.code).toBe("FORBIDDEN");

    const makerMark = await outboxMark(maker());
    const resolved = await aftersales.query(`mutation { resolveCaseByCustomer(caseNumber: "CS-HT-0505", note: "fixed it himself", idempotencyKey: "a-s-1") { status } }`, {}, JIANGCHENG);
    expect(resolved.body.errors).toBeUndefined();
    const contractorMark = await outboxMark(contractor());
    await deliverEvents(await readOutbox(maker(), makerMark), { db: fieldservice.running.database.db, reactions: fieldserviceSubgraph.reactions ?? [] });
    const jobEvents = await readOutbox(contractor(), contractorMark);
    expect(jobEvents.map((e) => e.type)).toEqual(["job.cancelled"]);
    expect(jobEvents[0].payload).toMatchObject({ jobId: "FJ-KX-0505", visitId: "VIS-0505", maker: "hengtong", contractor: "kuaixiu", technicianPhone: "+86 139-7100-0505" });

    const partyMark = await outboxMark(maker());
    const reactions = { db: aftersales.running.database.db, reactions: aftersalesSubgraph.reactions ?? [] };
    expect(await deliverEvents([...jobEvents, ...jobEvents], reactions)).toBe(1);

    const seen = await aftersales.query(CASE, {}, KUAIXIU);
    expect(seen.body.errors).toBeUndefined();
    const field = seen.body.data.serviceCase.parties.filter((p: any) => p.organization === "kuaixiu");
    expect(field).toEqual([{ organization: "kuaixiu", role: "FIELD_SERVICE", name: "快修到家 Kuaixiu Home Service (technician 马超 Ma Chao)", phone: "+86 139-7100-0505" }]);
    expect(seen.body.data.serviceCase.status).toBe("CLOSED");

    const joined = await readOutbox(maker(), partyMark);
    expect(joined.map((e) => e.type)).toEqual(["case.party_joined"]);
    expect(joined[0].payload).toMatchObject({ caseNumber: "CS-HT-0505", organization: "kuaixiu", role: "FIELD_SERVICE", parties: ["hengtong", "jiangcheng", "kuaixiu"] });
    expect(joined[0].actor).toMatchObject({ role: "system", organization: "hengtong" });
    expect(joined[0].actor!.name).toContain("on fieldservice's word");

    // The retailer's copy of the case follows its parties.
    await deliverEvents(joined, { db: orders.running.database.db, reactions: ordersSubgraph.reactions ?? [] });
    const ref = await orders.running.database.db.selectFrom("service_case_refs").selectAll().where("case_number", "=", "CS-HT-0505").executeTakeFirstOrThrow();
    expect(ref).toMatchObject({ parties: "hengtong,jiangcheng,kuaixiu", status: "CLOSED" });
  });

  it("a job event naming another maker than the visit's case adds nobody", async () => {
    const before = await aftersales.running.database.db.selectFrom("case_parties").selectAll().orderBy("id").execute();
    const forged = { id: "forged-job", source: "fieldservice", type: "job.eta_updated", version: 1, occurredAt: new Date().toISOString(), actor: { name: "x", organization: "kuaixiu" }, ownerId: "MR-AOLAN-5001", history: false, payload: { subjectType: "FieldJob", subjectId: "FJ-X", summary: "", visitId: "VIS-0001", maker: "huawei", contractor: "kuaixiu" } };
    expect(await deliverEvents([forged], { db: aftersales.running.database.db, reactions: aftersalesSubgraph.reactions ?? [] })).toBe(1);
    expect(await aftersales.running.database.db.selectFrom("case_parties").selectAll().orderBy("id").execute()).toEqual(before);
  });
});
