/**
 * customers.resolved-by-customer-fact against real databases: "resolved by the customer"
 * becomes one contact fact that beforeYouCall shows first to every party of the case,
 * with the time the customer said it (S5: 09:12 to jiangcheng), or, when the party never
 * logged it, the time it told the maker (S1). Survey eligibility follows. Applied once.
 */
import type { Caller } from "../../../common/caller";
import { aftersalesSubgraph } from "../../../subgraphs/aftersales/subgraph";
import type { DB as CustomersDB } from "../../../subgraphs/customers/db/tables";
import { customersSubgraph } from "../../../subgraphs/customers/subgraph";
import { describeEachDatabase } from "../../helpers/databases";
import { deliverEvents, outboxMark, readOutbox } from "../../helpers/deliverOutbox";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { REP_RETAILER } from "../../helpers/testCaller";

const JIANGCHENG: Caller = { subject: "rep-jiangcheng-wu", name: "吴倩 Wu Qian", role: "rep", organization: "jiangcheng" };
const HENGTONG_PARTNER: Caller = { subject: "partner-hengtong", name: "Hengtong system", role: "partner", organization: "hengtong" };
const HUAWEI_PARTNER: Caller = { subject: "partner-huawei", name: "Huawei system", role: "partner", organization: "huawei" };

const CANCEL = `mutation C($visitId: String!, $reason: String!, $key: String!) { cancelVisit(visitId: $visitId, reason: $reason, idempotencyKey: $key) { id status } }`;
const RESOLVE = `mutation S($number: String!, $note: String!, $key: String!) { resolveCaseByCustomer(caseNumber: $number, note: $note, idempotencyKey: $key) { number status } }`;
const BEFORE = `query B($id: ID!) { customer(id: $id) { beforeYouCall { party headline latest { id at outcome subjectId } } } }`;

// Delivered by hand (deliverOutbox): no background delivery racing the test or holding up stop().
describeEachDatabase("reaction customers.resolved-by-customer-fact", (target) => {
  let aftersales: TestSubgraph<any>;
  let customers: TestSubgraph<CustomersDB>;
  beforeAll(async () => {
    [aftersales, customers] = await Promise.all([startTestSubgraph(aftersalesSubgraph, target, { events: false }), startTestSubgraph(customersSubgraph, target, { events: false })]);
  });
  afterAll(async () => {
    await Promise.all([aftersales?.stop(), customers?.stop()]);
  });

  const source = () => ({ name: "aftersales", db: aftersales.running.database.db });
  // The reaction under test only (the customers subgraph's others consume these events too).
  const people = () => ({ db: customers.running.database.db, reactions: (customersSubgraph.reactions ?? []).filter((r) => r.consumer === "customers.resolved-by-customer-fact") });
  const cdb = () => customers.running.database.db;
  async function act(document: string, variables: Record<string, unknown>, caller: Caller) {
    const mark = await outboxMark(source());
    const answer = await aftersales.query(document, variables, caller);
    expect(answer.body.errors).toBeUndefined();
    return await readOutbox(source(), mark);
  }
  const beforeYouCall = async (id: string, caller: Caller) => {
    const answer = await customers.query(BEFORE, { id }, caller);
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data.customer.beforeYouCall;
  };

  it("S5: before the reaction the newest call comes first; after it, every party reads 'customer told jiangcheng it was resolved at 09:12' first", async () => {
    const before = await beforeYouCall("C-S5", JIANGCHENG);
    expect(before[0].headline).not.toMatch(/^customer told jiangcheng/);
    const told = before.find((line: any) => line.party === "jiangcheng").latest;

    const events = await act(RESOLVE, { number: "CS-HT-0505", note: "customer re-paired the remote himself", key: "c-s-1" }, JIANGCHENG);
    // The visit's event and the case's event both say so: one fact.
    expect(await deliverEvents([...events, ...events], people())).toBe(2);
    const facts = await cdb().selectFrom("contact_facts").selectAll().where("customer_id", "=", "C-S5").execute();
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ kind: "RESOLVED_BY_CUSTOMER", subject_id: "CS-HT-0505", contact_id: told.id, parties: "hengtong,jiangcheng" });

    for (const caller of [JIANGCHENG, REP_RETAILER, HENGTONG_PARTNER]) {
      const lines = await beforeYouCall("C-S5", caller);
      expect(lines[0].headline).toMatch(/^customer told jiangcheng it was resolved at 09:12 on \d{4}-\d\d-\d\d$/);
      expect(lines[0].latest).toMatchObject({ id: told.id, outcome: "TOLD_RESOLVED", subjectId: "CS-HT-0505" });
      // The fact's contact is not repeated below it.
      expect(lines.filter((line: any) => line.latest.id === told.id)).toHaveLength(1);
    }
    // A partner who is no party to the case does not read it.
    const other = await beforeYouCall("C-S5", HUAWEI_PARTNER);
    expect(other.map((line: any) => line.latest.id)).not.toContain(told.id);

    const entries = await cdb().selectFrom("timeline_events").selectAll().where("owner_id", "=", "C-S5").where("kind", "=", "CONTACT_FACT_RECORDED").execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_role: "system", subject_id: "CS-HT-0505" });
    expect(entries[0].actor_name).toContain(`on aftersales's word (${JIANGCHENG.name} (jiangcheng))`);
    expect(entries[0].summary).toContain("customer told jiangcheng it was resolved at 09:12");
  });

  it("S1: the retailer's rep cancels the visit (resolved by the customer): the contact is logged as told to yougou, and comes first", async () => {
    const events = await act(CANCEL, { visitId: "VIS-0001", reason: "resolved by the customer", key: "c-c-1" }, REP_RETAILER);
    expect(await deliverEvents(events, people())).toBe(1);
    const lines = await beforeYouCall("C-S1", REP_RETAILER);
    expect(lines[0].party).toBe("yougou");
    expect(lines[0].latest).toMatchObject({ outcome: "TOLD_RESOLVED", subjectId: "CS-AL-0001", at: events[0].occurredAt });
    expect(lines[0].headline).toMatch(/^customer told yougou it was resolved at \d\d:\d\d on /);
    expect(await deliverEvents(events, people())).toBe(0);
    expect(await cdb().selectFrom("contacts").selectAll().where("customer_id", "=", "C-S1").where("outcome", "=", "TOLD_RESOLVED").execute()).toHaveLength(1);
  });

  it("a visit cancelled for another reason records no fact", async () => {
    const fake = { id: "cancel-other", source: "aftersales", type: "visit.cancelled", version: 1, occurredAt: new Date().toISOString(), actor: { name: "x", organization: "aolan" }, ownerId: "MR-AOLAN-5001", history: false, payload: { subjectType: "Visit", subjectId: "VIS-X", summary: "", caseNumber: "CS-AL-0009", reason: "customer not at home", resolvedByCustomer: false } };
    expect(await deliverEvents([fake], people())).toBe(1);
    expect(await cdb().selectFrom("contact_facts").selectAll().where("subject_id", "=", "CS-AL-0009").execute()).toEqual([]);
  });
});
