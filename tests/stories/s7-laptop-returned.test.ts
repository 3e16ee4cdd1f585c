/**
 * S7. The laptop the maker took back: the L2 expert owns the case (first line only in the
 * history), the engineering verification, the callback kept, the nearest service center and
 * the arrangement with it (address sent by SMS), the return spanning store and maker, and the
 * friend's advance replacement with its tracking number.
 */
import { describeEachDatabase } from "../helpers/databases";
import type { Graph } from "../helpers/graphHarness";
import { sharedGraph } from "../helpers/sharedGraph";
import { PEOPLE } from "../helpers/people";
import { ask } from "./storyKit";

const CASE_VIEW = `
query Case($number: String!) {
  serviceCase(number: $number) {
    number maker status tier priority
    customer { id city }
    order { number }
    handler { name team organization tier phone since }
    handoffs { from { name tier } to { name tier } at reason }
    tasks { id title priority status assignee { name organization } openedAt doneAt outcome }
    callbacks { id purpose status promisedAt dueAt doneAt outcome overdue promisedBy { name } }
    promises { description status dueAt keptAt overdue }
    arrangements { id kind description scheduledFor arrangedAt arrangedBy { name organization } smsSentAt smsTo serviceCenter { id name address phone } }
    serviceCenter { id }
  }
}`;

describeEachDatabase("S7 the laptop the maker took back: tiers, verification, return across store and maker", (target) => {
  let graph: Graph;
  let serviceCase: any;
  let customer: any;
  beforeAll(async () => {
    graph = await sharedGraph(target);
    const found = await ask(
      graph,
      PEOPLE.yougouRep,
      `{ findCustomers(identifier: "158 0000 7777") { result { candidates { customer {
          id name city phones { number }
          retailerAccounts { orders { number status lines { product { name brand } } } }
          openMatters { result { matters { kind subjectId handler { name tier } handoffs { from { name tier } to { name tier } } } } }
        } } } } }`,
    );
    expect(found.findCustomers.result.candidates).toHaveLength(1);
    customer = found.findCustomers.result.candidates[0].customer;
    serviceCase = (await ask(graph, PEOPLE.huaweiL2, CASE_VIEW, { number: "CS-HW-0707" })).serviceCase;
  });
  afterAll(() => graph?.stop());

  it("the current owner is the L2 expert; first line appears only in the handoff history", () => {
    expect(customer).toMatchObject({ id: "C-S7", name: "孙丽" });
    expect(serviceCase).toMatchObject({ number: "CS-HW-0707", maker: "huawei", tier: "L2", order: { number: "YG-20261010-0707" } });
    expect(serviceCase.handler).toMatchObject({ organization: "huawei", tier: "L2" });
    expect(serviceCase.handler.phone).toBeTruthy();
    const [first, ...rest] = serviceCase.handoffs;
    expect(first.to.tier).toBe("L1");
    const escalation = rest.find((h: any) => h.from?.tier === "L1" && h.to.tier === "L2");
    expect(escalation.to.name).toBe(serviceCase.handler.name);
    expect(escalation.from.name).toBe(first.to.name);
    expect(escalation.from.name).not.toBe(serviceCase.handler.name);
    expect(escalation.at).toBe(serviceCase.handler.since);
    expect(serviceCase.handoffs[serviceCase.handoffs.length - 1].to.name).toBe(serviceCase.handler.name);

    // The same in the customer's open matters: L2 owns it, L1 only in the history.
    const matter = customer.openMatters.result.matters.find((m: any) => m.subjectId === "CS-HW-0707");
    expect(matter.handler).toEqual({ name: serviceCase.handler.name, tier: "L2" });
    expect(matter.handoffs.map((h: any) => h.to.name)).toContain(first.to.name);
  });

  it("the engineering verification task, with its priority and outcome", () => {
    const task = serviceCase.tasks.find((t: any) => /verif/i.test(t.title));
    expect(task).toMatchObject({ priority: "HIGH", status: "DONE", assignee: { organization: "huawei" } });
    expect(task.outcome).toMatch(/not supported|unsupported/i);
    expect(Date.parse(task.doneAt)).toBeGreaterThanOrEqual(Date.parse(task.openedAt));
  });

  it("the callback promise and whether it was kept", () => {
    const callback = serviceCase.callbacks.find((c: any) => c.promisedBy.name === serviceCase.handler.name);
    expect(callback).toMatchObject({ status: "KEPT", overdue: false });
    expect(Date.parse(callback.doneAt)).toBeLessThanOrEqual(Date.parse(callback.dueAt));
    expect(callback.outcome).toMatch(/return/i);
    const promise = serviceCase.promises.find((p: any) => /call back/i.test(p.description));
    expect(promise).toMatchObject({ status: "KEPT", overdue: false });
    expect(Date.parse(promise.keptAt)).toBeLessThanOrEqual(Date.parse(promise.dueAt));
  });

  it("the nearest service center for the customer's city, the arrangement with it, and the SMS with its address", async () => {
    const city = customer.city;
    expect(city).toBe("南京");
    const data = await ask(graph, PEOPLE.huaweiL2, `query N($city: String!) { zh: nearestServiceCenter(maker: "huawei", city: $city) { id maker name address city cityLatin phone hours } en: nearestServiceCenter(maker: "huawei", city: "Nanjing") { id } }`, { city });
    const center = data.zh;
    expect(center).toMatchObject({ id: "SC-HW-NJ-XJK", maker: "huawei", city: "南京", cityLatin: "Nanjing" });
    expect(center.address).toBeTruthy();
    expect(center.phone).toBeTruthy();
    expect(data.en.id).toBe(center.id);
    expect(serviceCase.serviceCenter.id).toBe(center.id);

    const arrangement = serviceCase.arrangements.find((a: any) => a.serviceCenter?.id === center.id);
    expect(arrangement).toMatchObject({ kind: "RETURN_CERTIFICATE", arrangedBy: { name: serviceCase.handler.name, organization: "huawei" } });
    expect(arrangement.serviceCenter.address).toBe(center.address);
    expect(Date.parse(arrangement.scheduledFor)).toBeGreaterThan(Date.parse(arrangement.arrangedAt));
    // The SMS with the center's address went to her phone (masked).
    expect(arrangement.smsSentAt).not.toBeNull();
    const phone = customer.phones[0].number.replace(/\D/g, "").slice(-11);
    expect(arrangement.smsTo).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  });

  it("the return RT-0707 spans the store and the maker; she bought a MateBook 13 instead", async () => {
    const data = await ask(
      graph,
      PEOPLE.yougouRep,
      `{ returnRequest(number: "RT-0707") { number type status nextStep handlingParty parties refundFen order { number } store { id name } item { serial product { brand } } handler { organization } } }`,
    );
    const ret = data.returnRequest;
    expect(ret).toMatchObject({ type: "REFUND", order: { number: "YG-20261010-0707" }, store: { id: "ST-NJ-XJK" }, item: { product: { brand: "huawei" } } });
    expect(ret.parties).toEqual(expect.arrayContaining(["yougou", "huawei"]));
    expect(ret.refundFen).toBeGreaterThan(0);
    expect(ret.nextStep).toMatch(/certificate/i);
    expect(ret.nextStep).toContain("SC-HW-NJ-XJK");
    expect(ret.nextStep).toContain("ST-NJ-XJK");

    const orders = customer.retailerAccounts.flatMap((a: any) => a.orders);
    expect(orders.find((o: any) => o.number === "YG-20261010-0707").status).toMatch(/RETURN/);
    const replacement = orders.find((o: any) => o.number === "YG-20261105-0708");
    expect(replacement.lines[0].product.name).toMatch(/MateBook 13/i);
  });

  it("the friend's case CS-HW-0708: an advance replacement shipped before the old unit came back, with tracking", async () => {
    const friend = await ask(graph, PEOPLE.huaweiL2, `{ findCustomers(identifier: "+86 159-0000-7008") { result { candidates { customer { id name makerRegistrations { serviceCases { number } } } } } } }`);
    const [candidate] = friend.findCustomers.result.candidates;
    expect(candidate.customer).toMatchObject({ id: "C-S7F", name: "吴芳" });
    expect(candidate.customer.makerRegistrations.flatMap((r: any) => r.serviceCases.map((c: any) => c.number))).toContain("CS-HW-0708");
    const data = await ask(graph, PEOPLE.huaweiL2, `{ serviceCase(number: "CS-HW-0708") { number replacements { productName carrier trackingNumber shippedAt deliveredAt status oldUnitReturned } } }`);
    const [shipment] = data.serviceCase.replacements;
    expect(shipment).toMatchObject({ trackingNumber: "SF1234567890", oldUnitReturned: false });
    expect(["SHIPPED", "IN_TRANSIT", "DELIVERED"]).toContain(shipment.status);
    expect(shipment.carrier).toBeTruthy();
    expect(Date.parse(shipment.shippedAt)).toBeLessThanOrEqual(Date.now());
  });
});
