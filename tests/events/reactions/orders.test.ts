/**
 * orders.return-follows-case against real databases: after the maker's real mutations, the
 * retailer's return request RT-0001 (status, next step), its order's status and the
 * retailer's copy of the case follow the case; never "waiting for the technician" after a
 * cancel. Delivered twice, applied once.
 */
import type { Caller } from "../../../common/caller";
import { aftersalesSubgraph } from "../../../subgraphs/aftersales/subgraph";
import type { DB as OrdersDB } from "../../../subgraphs/orders/db/tables";
import { ordersSubgraph } from "../../../subgraphs/orders/subgraph";
import { describeEachDatabase } from "../../helpers/databases";
import { deliverEvents, outboxMark, readOutbox } from "../../helpers/deliverOutbox";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { REP_RETAILER } from "../../helpers/testCaller";

const CANCEL = `mutation C($visitId: String!, $reason: String!, $key: String!) { cancelVisit(visitId: $visitId, reason: $reason, idempotencyKey: $key) { id status } }`;
const RESCHEDULE = `mutation R($visitId: String!, $start: String!, $end: String!, $key: String!) { rescheduleVisit(visitId: $visitId, windowStart: $start, windowEnd: $end, idempotencyKey: $key) { id status } }`;
const ORDER = `{ order(number: "YG-20261102-0001") { number status returns { number status nextStep handlingParty } } }`;

describeEachDatabase("reaction orders.return-follows-case", (target) => {
  let aftersales: TestSubgraph<any>;
  let orders: TestSubgraph<OrdersDB>;
  beforeAll(async () => {
    [aftersales, orders] = await Promise.all([startTestSubgraph(aftersalesSubgraph, target, { events: false }), startTestSubgraph(ordersSubgraph, target, { events: false })]);
  });
  afterAll(async () => {
    await Promise.all([aftersales?.stop(), orders?.stop()]);
  });

  const source = () => ({ name: "aftersales", db: aftersales.running.database.db });
  const retailer = () => ({ db: orders.running.database.db, reactions: ordersSubgraph.reactions ?? [] });
  const odb = () => orders.running.database.db;
  async function act(document: string, variables: Record<string, unknown>, caller: Caller) {
    const mark = await outboxMark(source());
    const answer = await aftersales.query(document, variables, caller);
    expect(answer.body.errors).toBeUndefined();
    return { data: answer.body.data, events: await readOutbox(source(), mark) };
  }
  const order = async () => {
    const answer = await orders.query(ORDER, {}, REP_RETAILER);
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data.order;
  };

  it("a reschedule: the request still waits for the technician, now at the new window and visit", async () => {
    const before = await order();
    expect(before.status).toBe("AWAITING_TECHNICIAN");
    const start = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 11) + "01:00:00.000Z";
    const end = start.replace("01:00", "05:00");
    const { data, events } = await act(RESCHEDULE, { visitId: "VIS-0001", start, end, key: "o-r-1" }, REP_RETAILER);
    expect(await deliverEvents([...events, ...events], retailer())).toBe(1);
    const after = await order();
    expect(after.status).toBe("AWAITING_TECHNICIAN");
    expect(after.returns[0]).toMatchObject({ number: "RT-0001", status: "WAITING_AFTERSALES_TECHNICIAN", handlingParty: "aolan" });
    expect(after.returns[0].nextStep).toContain(`visit ${data.rescheduleVisit.id}, moved from VIS-0001`);
    expect(after.returns[0].nextStep).toContain("09:00 on"); // 01:00 UTC is 09:00 China time
    expect((await odb().selectFrom("service_case_refs").selectAll().where("case_number", "=", "CS-AL-0001").executeTakeFirstOrThrow()).status).toBe("SCHEDULED");
  });

  it("the retailer's rep cancels the visit (resolved by the customer): RT-0001 closes, the order is no longer waiting, nobody waits for a technician", async () => {
    const visit = (await aftersales.query(`{ serviceCase(number: "CS-AL-0001") { visits { id status } } }`, {}, REP_RETAILER)).body.data.serviceCase.visits.find((v: any) => v.status === "SCHEDULED").id;
    const { events } = await act(CANCEL, { visitId: visit, reason: "resolved by the customer", key: "o-c-1" }, REP_RETAILER);
    expect(await deliverEvents(events, retailer())).toBe(1);
    const after = await order();
    expect(after.status).toBe("COMPLETED");
    expect(after.returns[0].status).toBe("RESOLVED_BY_CUSTOMER");
    expect(after.returns[0].nextStep).toMatch(/^Nothing to do: resolved by the customer; no technician is coming \(aolan visit VIS-/);
    expect(JSON.stringify(after)).not.toMatch(/Wait for|AWAITING_TECHNICIAN|WAITING_AFTERSALES_TECHNICIAN/);

    // No longer an open matter of the retailer: closed, handler released.
    const request = await odb().selectFrom("return_requests").selectAll().where("number", "=", "RT-0001").executeTakeFirstOrThrow();
    expect(request.closed_at).not.toBeNull();
    expect(await odb().selectFrom("matter_handlers").selectAll().where("matter_id", "=", "RT-0001").where("until", "is", null).execute()).toEqual([]);
    // The retailer's copy of the case: open again at aolan (no visit), parties as aolan says.
    expect(await odb().selectFrom("service_case_refs").selectAll().where("case_number", "=", "CS-AL-0001").executeTakeFirstOrThrow()).toMatchObject({ status: "OPEN", parties: "aolan,yougou" });

    // One timeline entry, by the order system on aolan's word, published as return.status_changed.
    const entries = await odb().selectFrom("timeline_events").selectAll().where("subject_id", "=", "RT-0001").where("kind", "=", "RETURN_STATUS_CHANGED").where("actor_role", "=", "system").execute();
    const mine = entries.filter((e) => e.actor_name?.includes("on aolan's word"));
    expect(mine.length).toBe(2); // the reschedule's, and this one
    const last = mine.sort((a, b) => a.at.localeCompare(b.at))[1];
    expect(last).toMatchObject({ owner_id: "RC-1001", actor_org: "yougou" });
    expect(last.actor_name).toContain("陈晓 Chen Xiao (yougou)");
    expect(last.summary).toContain("order YG-20261102-0001 now COMPLETED");

    // Delivered again, and a late reschedule event: nothing reopens.
    expect(await deliverEvents(events, retailer())).toBe(0);
    expect(await order()).toEqual(after);
  });
});
