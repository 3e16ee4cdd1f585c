/**
 * S1. The water heater and the technician nobody can reach. The retailer's rep starts from
 * the order number, sees the maker's case and visit and who handles it, cancels the visit
 * (resolved by the customer) once, and the maker and the timeline see who did it.
 */
import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type Graph } from "../helpers/graphHarness";
import { PEOPLE } from "../helpers/people";
import { ask, cst, DAY, key } from "./storyKit";

const ORDER = "YG-20261102-0001";

const FROM_ORDER = `
query FromOrder($identifier: String!, $number: String!) {
  findCustomers(identifier: $identifier) { result { kind missingSources candidates { matchedBy customer { id name retailerAccounts { id } } } } }
  order(number: $number) {
    number status
    customer { id }
    returns { number status handlingParty parties }
    serviceCases {
      number maker status
      handler { name organization phone hours }
      device { serial }
      visits {
        id windowStart windowEnd status
        technician { name phone }
        serviceCenter { id name phone hours }
      }
    }
  }
}`;

const CANCEL = `
mutation Cancel($visitId: String!, $reason: String!, $key: String!) {
  cancelVisit(visitId: $visitId, reason: $reason, idempotencyKey: $key) {
    id status cancelReason cancelledAt cancelledBy { name role organization }
  }
}`;

describeEachDatabase("S1 the water heater: the retailer's rep cancels the maker's visit", (target) => {
  let graph: Graph;
  let visitId: string;
  beforeAll(async () => {
    graph = await startGraph(target);
  });
  afterAll(() => graph?.stop());

  it("from the order number, the retailer's rep finds the customer, the maker's case, the visit and who handles it", async () => {
    const data = await ask(graph, PEOPLE.yougouRep, FROM_ORDER, { identifier: ` ${ORDER.toLowerCase()} `, number: ORDER });
    const lookup = data.findCustomers.result;
    expect(lookup.missingSources).toEqual([]);
    expect(lookup.candidates).toHaveLength(1);
    expect(lookup.candidates[0].matchedBy).toContain("order");
    expect(lookup.candidates[0].customer).toMatchObject({ id: "C-S1", name: "王磊" });
    expect(lookup.candidates[0].customer.retailerAccounts.map((a: any) => a.id)).toContain(data.order.customer.id);

    const order = data.order;
    expect(order.status).toBe("AWAITING_TECHNICIAN");
    // The repair request waits on the maker, and spans the retailer and the maker.
    expect(order.returns[0]).toMatchObject({ number: "RT-0001", handlingParty: "aolan" });
    expect(order.returns[0].parties).toEqual(expect.arrayContaining(["yougou", "aolan"]));

    expect(order.serviceCases).toHaveLength(1);
    const serviceCase = order.serviceCases[0];
    expect(serviceCase).toMatchObject({ number: "CS-AL-0001", maker: "aolan", status: "SCHEDULED" });
    expect(serviceCase.device.serial).toBe("AL-EH60-88001");
    expect(serviceCase.handler).toMatchObject({ organization: "aolan", phone: "027-8711-2233", hours: "09:00-18:00" });

    const visit = serviceCase.visits.find((v: any) => v.id === "VIS-0001");
    expect(visit.status).toBe("SCHEDULED");
    // Tomorrow, 14:00-18:00 on the customer's (Beijing) clock.
    expect(cst(visit.windowStart)).toEqual({ date: cst(Date.now() + DAY).date, time: "14:00" });
    expect(cst(visit.windowEnd)).toEqual({ date: cst(Date.now() + DAY).date, time: "18:00" });
    expect(visit.technician.name).toBe("赵刚");
    expect(visit.technician.phone.replace(/\D/g, "")).toMatch(/^(86)?1\d{10}$/);
    expect(visit.serviceCenter).toEqual({ id: "SC-AL-WH-HS", name: "奥澜武汉洪山服务中心", phone: "027-8711-2233", hours: "09:00-18:00" });
    visitId = visit.id;
  });

  it("cancels the visit with one mutation (resolved by the customer); repeating it with the same key does no harm", async () => {
    const variables = { visitId, reason: "resolved by the customer", key: key("s1-cancel") };
    const first = (await ask(graph, PEOPLE.yougouRep, CANCEL, variables)).cancelVisit;
    expect(first).toMatchObject({
      id: "VIS-0001",
      status: "CANCELLED",
      cancelReason: "resolved by the customer",
      cancelledBy: { name: PEOPLE.yougouRep.name, role: "rep", organization: "yougou" },
    });
    expect(Date.now() - new Date(first.cancelledAt).getTime()).toBeLessThan(60_000);

    const again = (await ask(graph, PEOPLE.yougouRep, CANCEL, variables)).cancelVisit;
    expect(again).toEqual(first);
  });

  it("the maker's rep sees the visit cancelled by the retailer, and it is no longer open work", async () => {
    const data = await ask(
      graph,
      PEOPLE.aolanRep,
      `query Maker($id: String!) {
        visit(id: $id) { id status cancelReason cancelledBy { name organization } }
        serviceCase(number: "CS-AL-0001") { visits { id status } }
        customer(id: "C-S1") { openMatters { result { matters { kind subjectId } } } }
      }`,
      { id: visitId },
    );
    expect(data.visit).toEqual({ id: "VIS-0001", status: "CANCELLED", cancelReason: "resolved by the customer", cancelledBy: { name: PEOPLE.yougouRep.name, organization: "yougou" } });
    expect(data.serviceCase.visits).toEqual([{ id: "VIS-0001", status: "CANCELLED" }]);
    const openVisits = data.customer.openMatters.result.matters.filter((m: any) => m.kind === "VISIT");
    expect(openVisits).toEqual([]);
  });

  it("the customer's timeline shows the cancellation once, attributed to the retailer rep", async () => {
    const data = await ask(
      graph,
      PEOPLE.yougouRep,
      `query Timeline($identifier: String!) {
        findCustomers(identifier: $identifier) { result { candidates { customer { timeline(first: 50) { result { missingSources entries { at source kind summary subjectType subjectId actor { name role organization } } } } } } } }
      }`,
      { identifier: ORDER },
    );
    const timeline = data.findCustomers.result.candidates[0].customer.timeline.result;
    expect(timeline.missingSources).toEqual([]);
    const cancellations = timeline.entries.filter((e: any) => e.kind === "VISIT_CANCELLED" && e.subjectId === "VIS-0001");
    expect(cancellations).toHaveLength(1);
    expect(cancellations[0]).toMatchObject({ source: "aftersales", subjectType: "Visit", actor: { name: PEOPLE.yougouRep.name, role: "rep", organization: "yougou" } });
    expect(cancellations[0].summary).toContain("resolved by the customer");
    // It is the newest thing anyone did for this customer: only the other parties' reactions to it (system actors) come after.
    const after = timeline.entries.slice(0, timeline.entries.indexOf(cancellations[0]));
    expect(after.filter((entry: any) => entry.actor?.role !== "system")).toEqual([]);
  });
});
