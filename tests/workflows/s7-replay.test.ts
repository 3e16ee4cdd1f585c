/**
 * S7 replayed end to end through gateway mutations (issue 14, "done means"), on a person in no
 * seed: she buys a MateBook E (ARM) in the retailer's Nanjing store, Huawei registers it; the
 * hotline's first line opens a case and escalates it, a second-line expert takes it over
 * completely, raises the priority and asks engineering to verify; engineering finds it
 * unsupported, the expert calls back as promised (on time), the store's desk files the refund
 * request, the expert arranges the return certificate at the nearest service center and sends
 * its address by SMS, the center certifies, the store refunds against the certificate, and she
 * buys a MateBook 13. Her friend's phone gets an advance replacement shipped before the old one
 * is returned. Then every party's view through the gateway: current owner L2 (L1 only in the
 * history), the verification, the promise kept, the center and the masked SMS, the refund on
 * the maker's certificate, the replacement's tracking, open matters, timeline attribution, and
 * no survey demanded.
 *
 * Reactions across subgraphs (identity linking, the retailer's copy of the case) are
 * asynchronous: read with `eventually` (bounded polling), never a fixed sleep.
 */
import { describeEachDatabase } from "../helpers/databases";
import type { CallerClaims, Graph } from "../helpers/graphHarness";
import { sharedGraph } from "../helpers/sharedGraph";
import { createBuyerThroughGraph, OPEN_SERVICE_CASE, type NewBuyer } from "../helpers/newPerson";
import { PEOPLE } from "../helpers/people";
import { eventually, personLinking } from "../stories/storyKit";
import { ESCALATE, key, ok, PRIORITY, send, TAKE_OVER } from "./handOverKit";

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** Who plays each part (the people other suites cast too come from PEOPLE). The hotline's first line opens cases on the maker's own desk system (a partner token: openServiceCase is the maker's). */
const CAST = {
  huaweiRegistration: { role: "partner", org: "huawei", sub: "partner-huawei-registration", name: "华为售后登记 Huawei warranty registration" },
  l1: { role: "partner", org: "huawei", sub: "partner-huawei-l1-zhang", name: "张敏 Zhang Min (Huawei hotline L1)" },
  l2: PEOPLE.huaweiL2,
  engineer: { role: "rep", org: "huawei", sub: "rep-huawei-liu-eng", name: "刘伟 Liu Wei (Huawei PC engineering)" },
  center: { role: "rep", org: "huawei", sub: "rep-huawei-nj-center", name: "华为南京新街口服务中心 Huawei Nanjing Xinjiekou service center" },
  huaweiDesk: PEOPLE.huaweiPartner,
  store: { role: "rep", org: "yougou", sub: "rep-yougou-nj-wang", name: "王店长 Wang Lan (Yougou Nanjing Xinjiekou store)" },
  yougouDesk: PEOPLE.yougouRep,
  supervisor: PEOPLE.supervisorWu,
  aolanPartner: PEOPLE.aolanPartner,
} satisfies Record<string, CallerClaims>;

const BUYER = { name: "马瑞祥 Ma Ruixiang", nameLatin: "Ma Ruixiang", mobile: "+86 136-5550-0717", city: "南京", district: "秦淮区", address: "南京市秦淮区中山南路 88 号 1203" };
const FRIEND = { name: "周杰 Zhou Jie", nameLatin: "Zhou Jie", mobile: "+86 136-5550-0718", city: "南京", district: "鼓楼区", address: "南京市鼓楼区中山北路 30 号 602" };
const STORE = "ST-NJ-XJK";
const CENTER = "SC-HW-NJ-XJK";
const ESCALATION_REASON = "招行客户端和惠普打印机驱动不在支持列表 / the bank's client and the HP printer driver are not in the support list";

const CASE_VIEW = `query($n: String!) { serviceCase(number: $n) {
  number maker status channel tier priority ownershipState owningOrganization handoffCount
  order { number }
  parties { organization role }
  handler { name team organization tier phone hours since }
  handoffs { from { name organization tier } to { name organization tier } at reason }
  tasks { id title priority status assignee { name organization } openedAt dueAt doneAt outcome }
  callbacks { id purpose status promisedAt dueAt doneAt outcome overdue keptLate lateText promisedBy { name organization } }
  promises { id description status dueAt keptAt overdue }
  arrangements { id kind status description scheduledFor arrangedAt arrangedBy { name organization } smsSentAt smsTo smsText certificateNumber certificateIssuedAt returnRequestNumber serviceCenter { id name address phone } }
  notes { text visibility author { name organization } }
  replacements { productName carrier trackingNumber shippedAt status oldUnitReturned }
  serviceCenter { id city }
} }`;
const RETURN_VIEW = `query($n: String!) { returnRequest(number: $n) {
  number type status nextStep handlingParty parties refundFen closedAt makerCertificateNumber makerCaseNumber refundedAt refundedBy
  order { number status } store { id } item { serial product { brand } } handler { name organization }
} }`;
const CUSTOMER_VIEW = `query($id: ID!) { customer(id: $id) {
  id name city phones { number }
  retailerAccounts { orders { number status channel lines { serial product { name brand } } } }
  openMatters { result {
    missingSources
    surveyEligibility { eligible reasons }
    matters { source kind subjectId status title handler { name organization tier } handoffs { from { name tier } to { name tier } } promises { id description status } }
  } }
  timeline(first: 80) { result { entries { at source kind summary subjectId actor { name role organization } } } }
} }`;

describeEachDatabase("S7 replayed through mutations on a person created through the graph", (target) => {
  let graph: Graph;
  let buyer: NewBuyer;
  let personId: string;
  let caseNumber: string;
  let taskId: string;
  let callbackId: string;
  let returnNumber: string;
  let arrangementId: string;
  let certificate: string;
  let secondOrder: string;
  let friendCase: string;
  let friendId: string;
  let tracking: string;
  let storyEndedAt: number;

  beforeAll(async () => {
    // Shared graph: the buyer, her cases, return and orders are her own, made under fresh keys.
    graph = await sharedGraph(target);
  }, 240_000);
  afterAll(() => graph?.stop());

  it("plays the story through the gateway, each step as the party that takes it", async () => {
    // She buys the MateBook E (ARM) in the Nanjing store; Huawei registers it for warranty.
    buyer = await createBuyerThroughGraph(graph, { ...BUYER, sku: "HW-MBE-ARM", maker: "huawei", model: "MBE-ARM", productName: "华为 MateBook E（ARM版） / Huawei MateBook E (ARM)", storeId: STORE, retailer: CAST.store, makerCaller: CAST.huaweiRegistration, keyPrefix: key("s7-buyer") });
    expect(buyer.orderNumber).toMatch(/^YG-\d{8}-\d+$/);
    personId = await personLinking(graph, CAST.yougouDesk, BUYER.mobile, [`orders:${buyer.retailerCustomerId}`, `aftersales:${buyer.makerRegistrationId}`]);

    // Saturday: two keypresses reach first line, who opens the case from the call.
    const opened = (await ok(graph, CAST.l1, OPEN_SERVICE_CASE, { input: { serial: buyer.serial, summary: "招行客户端无法安装，惠普激光打印机无法连接 / the bank's client won't install, the HP laser printer won't connect", channel: "PHONE", orderNumber: buyer.orderNumber, idempotencyKey: key("s7-open") } })).openServiceCase;
    caseNumber = opened.serviceCase.number;
    expect(opened).toMatchObject({ serviceCase: { status: "OPEN", maker: "huawei" }, visit: null });
    expect((await ok(graph, CAST.l1, `query($n: String!) { serviceCase(number: $n) { serviceCenter { id } } }`, { n: caseNumber })).serviceCase.serviceCenter).toBeNull();

    // First line can't find the apps in its support list: escalated to the second line.
    const escalated = (await ok(graph, CAST.l1, ESCALATE, { n: caseNumber, reason: ESCALATION_REASON, k: key("s7-escalate") })).escalateCase;
    expect(escalated).toMatchObject({ status: "ESCALATED", tier: "L2", ownershipState: "ESCALATED" });

    // The second-line expert takes it over completely.
    const taken = (await ok(graph, CAST.l2, TAKE_OVER, { n: caseNumber, phone: "400-830-8300", k: key("s7-take") })).takeOverCase;
    expect(taken).toMatchObject({ ownershipState: "ASSIGNED", handler: { name: CAST.l2.name, organization: "huawei", tier: "L2" } });
    // First line is out of the loop: the case is owned now, so it cannot take it back.
    const back = await send(graph, CAST.l1, TAKE_OVER, { n: caseNumber, k: key("s7-take-back") });
    expect(back.codes).toEqual(["CONFLICT"]);
    expect(back.errors[0].extensions).toMatchObject({ ownershipState: "ASSIGNED", tier: "L2" });

    // No reply time over the weekend, but a higher priority and an engineering verification.
    expect((await ok(graph, CAST.l2, PRIORITY, { n: caseNumber, p: "HIGH", k: key("s7-priority") })).changeCasePriority.priority).toBe("HIGH");
    const task = (
      await ok(graph, CAST.l2, `mutation($n: String!, $due: String!, $k: String!) { createEngineeringTask(caseNumber: $n, title: "Verify the bank client and the HP printer driver on MateBook E (ARM, Snapdragon)", priority: "HIGH", assigneeName: "刘伟 Liu Wei", assigneeTeam: "PC engineering verification", dueAt: $due, idempotencyKey: $k) { id status priority } }`, { n: caseNumber, due: inHours(40), k: key("s7-task") })
    ).createEngineeringTask;
    taskId = task.id;
    expect(task).toMatchObject({ status: "OPEN", priority: "HIGH" });
    const promised = (await ok(graph, CAST.l2, `mutation($n: String!, $due: String!, $k: String!) { makeCallbackPromise(caseNumber: $n, purpose: "Call back with the verification result", dueAt: $due, idempotencyKey: $k) { id status overdue } }`, { n: caseNumber, due: inHours(18), k: key("s7-promise") })).makeCallbackPromise;
    callbackId = promised.id;
    expect(promised).toMatchObject({ status: "OPEN", overdue: false });

    // Engineering verifies over the weekend.
    const verified = (await ok(graph, CAST.engineer, `mutation($id: String!, $k: String!) { completeEngineeringTask(taskId: $id, result: "Not supported on ARM: the bank's client and the HP driver are x86-only", idempotencyKey: $k) { status outcome } }`, { id: taskId, k: key("s7-verified") })).completeEngineeringTask;
    expect(verified.status).toBe("DONE");

    // Sunday morning the expert calls back, as promised: unsupported, she may return it.
    const kept = (await ok(graph, CAST.l2, `mutation($id: String!, $k: String!) { keepCallbackPromise(callbackId: $id, outcome: "Unsupported on ARM; return approved: certificate at the nearest service center, refund at the store", idempotencyKey: $k) { status keptLate lateText } }`, { id: callbackId, k: key("s7-kept") })).keepCallbackPromise;
    expect(kept).toMatchObject({ status: "KEPT", keptLate: false, lateText: null });
    await ok(graph, CAST.l2, `mutation($n: String!, $k: String!) { addCaseNote(caseNumber: $n, text: "Explained the return: certificate at the nearest service center, refund at the store of purchase", visibility: "SHARED", idempotencyKey: $k) { id } }`, { n: caseNumber, k: key("s7-note") });

    // The store's desk files the refund request on her order.
    const filed = (await ok(graph, CAST.store, `mutation($o: String!, $k: String!) { fileReturnRequest(input: { orderNumber: $o, type: REFUND, reason: "不兼容：ARM 版无法安装银行客户端、无法驱动惠普打印机 / unsupported on ARM, Huawei approved the return", idempotencyKey: $k }) { number status handlingParty nextStep } }`, { o: buyer.orderNumber, k: key("s7-return") })).fileReturnRequest;
    returnNumber = filed.number;
    expect(filed).toMatchObject({ status: "CERTIFICATE_REQUIRED", handlingParty: "huawei" });
    // Where she goes: the maker's certificate, then the store she bought it in, for the price she paid.
    expect(filed.nextStep).toMatch(/return certificate/);
    expect(filed.nextStep).toContain(`(${STORE}) for the refund of 3999.00 yuan`);

    // The nearest center; the expert phones it to arrange the certificate, then sends its address by SMS.
    const nearest = (await ok(graph, CAST.l2, `query($c: String!) { nearestServiceCenter(maker: "huawei", city: $c) { id address } }`, { c: BUYER.city })).nearestServiceCenter;
    expect(nearest.id).toBe(CENTER);
    const arranged = (await ok(graph, CAST.l2, `mutation($n: String!, $at: String!, $rt: String!, $k: String!) { arrangeServiceCenterVisit(caseNumber: $n, kind: "RETURN_CERTIFICATE", scheduledFor: $at, returnRequestNumber: $rt, idempotencyKey: $k) { id status serviceCenter { id } } }`, { n: caseNumber, at: inHours(26), rt: returnNumber, k: key("s7-arrange") })).arrangeServiceCenterVisit;
    arrangementId = arranged.id;
    expect(arranged).toMatchObject({ status: "ARRANGED", serviceCenter: { id: CENTER } });
    const sms = (await ok(graph, CAST.l2, `mutation($id: String!, $p: String!, $k: String!) { sendServiceCenterSms(arrangementId: $id, phone: $p, idempotencyKey: $k) { smsSentAt smsTo } }`, { id: arrangementId, p: BUYER.mobile, k: key("s7-sms") })).sendServiceCenterSms;
    expect(sms.smsTo).toBe("136****0717");

    // At the center: the return certificate. At the store: the refund against it.
    certificate = (await ok(graph, CAST.center, `mutation($id: String!, $k: String!) { issueReturnCertificate(arrangementId: $id, finding: "Unsupported on ARM (Snapdragon); unit complete, return approved", idempotencyKey: $k) { certificateNumber } }`, { id: arrangementId, k: key("s7-cert") })).issueReturnCertificate.certificateNumber;
    expect(certificate).toMatch(/^RC-HUAWEI-\d{8}-[A-F0-9]{6}$/);
    const refunded = (await ok(graph, CAST.store, `mutation($rt: String!, $cert: String!, $c: String!, $k: String!) { refundReturnAtStore(returnNumber: $rt, certificateNumber: $cert, caseNumber: $c, idempotencyKey: $k) { status refundFen } }`, { rt: returnNumber, cert: certificate, c: caseNumber, k: key("s7-refund") })).refundReturnAtStore;
    expect(refunded).toMatchObject({ status: "REFUNDED", refundFen: 399900 });

    // She pays more and leaves with a MateBook 13: the same retailer customer.
    const bought = (await ok(graph, CAST.store, `mutation($input: RecordOrderInput!) { recordOrder(input: $input) { customerId customerCreated order { number } } }`, { input: { buyer: { name: BUYER.name, mobile: BUYER.mobile, city: BUYER.city, address: BUYER.address }, lines: [{ sku: "HW-MB13" }], channel: "STORE", storeId: STORE, idempotencyKey: key("s7-mb13") } })).recordOrder;
    expect(bought).toMatchObject({ customerId: buyer.retailerCustomerId, customerCreated: false });
    secondOrder = bought.order.number;

    // The friend's phone: Huawei ships a replacement before the broken one comes back.
    const friend = await createBuyerThroughGraph(graph, { ...FRIEND, sku: "HW-P60", maker: "huawei", model: "P60", productName: "华为 P60 / Huawei P60", retailer: CAST.yougouDesk, makerCaller: CAST.huaweiRegistration, keyPrefix: key("s7-friend") });
    friendId = await personLinking(graph, CAST.yougouDesk, FRIEND.mobile, [`orders:${friend.retailerCustomerId}`, `aftersales:${friend.makerRegistrationId}`]);
    friendCase = (await ok(graph, CAST.l1, OPEN_SERVICE_CASE, { input: { serial: friend.serial, summary: "手机无法开机 / the phone won't turn on", channel: "PHONE", orderNumber: friend.orderNumber, idempotencyKey: key("s7-friend-open") } })).openServiceCase.serviceCase.number;
    tracking = `SF${Date.now()}`;
    const shipped = (await ok(graph, CAST.l2, `mutation($c: String!, $t: String!, $k: String!) { shipAdvanceReplacement(caseNumber: $c, productName: "华为 P60 替换机 / replacement unit", carrier: "顺丰速运 SF Express", trackingNumber: $t, idempotencyKey: $k) { status trackingNumber oldUnitReturned } }`, { c: friendCase, t: tracking, k: key("s7-ship") })).shipAdvanceReplacement;
    expect(shipped).toMatchObject({ status: "SHIPPED", trackingNumber: tracking, oldUnitReturned: false });
    storyEndedAt = Date.now();
  }, 120_000);

  const caseAs = async (caller: CallerClaims, number = caseNumber) => (await ok(graph, caller, CASE_VIEW, { n: number })).serviceCase;
  const customerAs = async (caller: CallerClaims, id = personId) => (await ok(graph, caller, CUSTOMER_VIEW, { id })).customer;
  const makerAndRetailer = [CAST.l2, CAST.l1, CAST.huaweiDesk, CAST.yougouDesk, CAST.supervisor];

  it("the maker's case: L2 is the current owner, first line only in the hand-off history; priority HIGH", async () => {
    for (const caller of makerAndRetailer) {
      const view = await caseAs(caller);
      expect(view).toMatchObject({ maker: "huawei", channel: "PHONE", tier: "L2", priority: "HIGH", ownershipState: "ASSIGNED", owningOrganization: "huawei", order: { number: buyer.orderNumber } });
      expect(view.handler).toMatchObject({ name: CAST.l2.name, organization: "huawei", tier: "L2", phone: "400-830-8300" });
      expect(view.parties.map((p: any) => p.organization).sort()).toEqual(["huawei", "yougou"]);
      // First line opened it, escalated it to the L2 queue, the expert took it from there.
      expect(view.handoffs.map((h: any) => [h.from?.name ?? null, h.to.name, h.to.tier])).toEqual([
        [null, CAST.l1.name, "L1"],
        [CAST.l1.name, "huawei second-line experts (L2) queue", "L2"],
        ["huawei second-line experts (L2) queue", CAST.l2.name, "L2"],
      ]);
      expect(view.handoffs[1].reason).toContain(ESCALATION_REASON);
      expect(view.handoffCount).toBe(2);
      expect(view.handler.since).toBe(view.handoffs[2].at);
      // L1 is nowhere but the history.
      const { handoffs, notes, ...rest } = view;
      expect(JSON.stringify(rest)).not.toContain(CAST.l1.name);
      expect(notes).toEqual([{ text: expect.stringContaining("Explained the return"), visibility: "SHARED", author: { name: CAST.l2.name, organization: "huawei" } }]);
    }
    expect((await send(graph, CAST.aolanPartner, CASE_VIEW, { n: caseNumber })).codes).toEqual(["FORBIDDEN"]);
  });

  it("the engineering verification, and the callback promise kept on time", async () => {
    for (const caller of makerAndRetailer) {
      const view = await caseAs(caller);
      const task = view.tasks.find((t: any) => t.id === taskId);
      expect(task).toMatchObject({ priority: "HIGH", status: "DONE", assignee: { name: "刘伟 Liu Wei", organization: "huawei" }, outcome: expect.stringMatching(/not supported on ARM/i) });
      expect(Date.parse(task.doneAt)).toBeGreaterThanOrEqual(Date.parse(task.openedAt));
      expect(Date.parse(task.doneAt)).toBeLessThanOrEqual(Date.parse(task.dueAt));
      const callback = view.callbacks.find((c: any) => c.id === callbackId);
      expect(callback).toMatchObject({ status: "KEPT", overdue: false, keptLate: false, lateText: null, promisedBy: { name: CAST.l2.name, organization: "huawei" }, outcome: expect.stringMatching(/return approved/) });
      expect(Date.parse(callback.doneAt)).toBeLessThanOrEqual(Date.parse(callback.dueAt));
      const promise = view.promises.find((p: any) => p.id === callbackId);
      expect(promise).toMatchObject({ status: "KEPT", overdue: false });
      expect(Date.parse(promise.keptAt)).toBeLessThanOrEqual(Date.parse(promise.dueAt));
    }
  });

  it("the nearest service center, the arrangement with it and the SMS, recorded with its destination masked", async () => {
    for (const caller of makerAndRetailer) {
      const view = await caseAs(caller);
      const [arrangement] = view.arrangements;
      expect(view.arrangements).toHaveLength(1);
      // Opened from a call with no center; the one arranged with is the case's now.
      expect(view.serviceCenter).toEqual({ id: CENTER, city: "南京" });
      expect(arrangement).toMatchObject({ id: arrangementId, kind: "RETURN_CERTIFICATE", status: "CERTIFICATE_ISSUED", certificateNumber: certificate, returnRequestNumber: returnNumber, arrangedBy: { name: CAST.l2.name, organization: "huawei" }, serviceCenter: { id: CENTER }, smsTo: "136****0717" });
      expect(Date.parse(arrangement.smsSentAt)).toBeGreaterThanOrEqual(Date.parse(arrangement.arrangedAt));
      expect(Date.parse(arrangement.scheduledFor)).toBeGreaterThan(Date.parse(arrangement.arrangedAt));
      expect(arrangement.smsText).toContain(arrangement.serviceCenter.address);
      // The full number never leaves the graph.
      expect(JSON.stringify(view)).not.toMatch(/13655500717|136-5550-0717/);
      // The center's step (a promise on the case) was kept by the certificate.
      expect(view.promises.find((p: any) => p.id === `${arrangementId}-step`)).toMatchObject({ status: "KEPT" });
    }
  });

  it("the return spans the store and the maker: refunded at the store against the maker's certificate", async () => {
    for (const caller of [CAST.store, CAST.yougouDesk, CAST.huaweiDesk, CAST.l2, CAST.supervisor]) {
      const ret = (await ok(graph, caller, RETURN_VIEW, { n: returnNumber })).returnRequest;
      expect(ret).toMatchObject({ type: "REFUND", status: "REFUNDED", handlingParty: "yougou", refundFen: 399900, makerCertificateNumber: certificate, makerCaseNumber: caseNumber, refundedBy: expect.stringContaining(CAST.store.name), order: { number: buyer.orderNumber }, store: { id: STORE }, item: { serial: buyer.serial, product: { brand: "huawei" } } });
      expect(ret.parties).toEqual(expect.arrayContaining(["yougou", "huawei"]));
      expect(ret.closedAt).toBe(ret.refundedAt);
      expect(ret.nextStep).toBeNull();
      expect(ret.handler).toBeNull();
      // The laptop went back: the order says so.
      expect(ret.order.status).toBe("RETURNED");
    }
    expect((await send(graph, CAST.aolanPartner, RETURN_VIEW, { n: returnNumber })).codes).toEqual(["FORBIDDEN"]);
  });

  it("the friend's advance replacement: shipped with carrier and tracking before the old unit is back", async () => {
    for (const caller of [CAST.l2, CAST.huaweiDesk, CAST.yougouDesk, CAST.supervisor]) {
      const [shipment, ...more] = (await caseAs(caller, friendCase)).replacements;
      expect(more).toEqual([]);
      expect(shipment).toMatchObject({ carrier: "顺丰速运 SF Express", trackingNumber: tracking, status: "SHIPPED", oldUnitReturned: false });
      expect(Date.parse(shipment.shippedAt)).toBeLessThanOrEqual(storyEndedAt);
      const friend = await customerAs(caller, friendId);
      const matter = friend.openMatters.result.matters.find((m: any) => m.kind === "REPLACEMENT" && m.subjectId === friendCase);
      expect(matter).toMatchObject({ status: "SHIPPED", handler: { organization: "huawei" } });
      expect(matter.promises[0]).toMatchObject({ status: "OPEN", description: expect.stringContaining("Faulty unit back to huawei") });
    }
  });

  it("the customer, as every party reads her: open matters, the MateBook 13, timeline attribution, no survey demanded", async () => {
    for (const caller of [CAST.yougouDesk, CAST.store, CAST.l2, CAST.huaweiDesk, CAST.supervisor]) {
      const customer = await eventually(
        () => customerAs(caller),
        (c) => c.openMatters.result.missingSources.length === 0,
      );
      expect(customer).toMatchObject({ id: personId, city: "南京" });
      const open = customer.openMatters.result;
      expect(open.missingSources).toEqual([]);
      const ours = open.matters.filter((m: any) => [caseNumber, returnNumber, taskId, callbackId, buyer.orderNumber, secondOrder].includes(m.subjectId));
      // Still open: the case itself, owned by the expert (L1 only in its history). Done: the verification, the callback, the return.
      const caseMatter = ours.find((m: any) => m.kind === "SERVICE_CASE" && m.subjectId === caseNumber);
      expect(caseMatter.handler).toEqual({ name: CAST.l2.name, organization: "huawei", tier: "L2" });
      expect(caseMatter.handoffs.map((h: any) => h.to.name)).toContain(CAST.l1.name);
      // The center's step shows as kept; nothing on the case is still promised.
      expect(caseMatter.promises.find((p: any) => p.id === `${arrangementId}-step`)).toMatchObject({ status: "KEPT" });
      expect(caseMatter.promises.filter((p: any) => p.status === "OPEN")).toEqual([]);
      expect(ours.filter((m: any) => ["ENGINEERING_TASK", "CALLBACK", "RETURN", "REFUND_REQUEST", "RETURN_REQUEST"].includes(m.kind))).toEqual([]);
      expect(ours.map((m: any) => m.subjectId)).not.toContain(returnNumber);

      // Both orders: the returned MateBook E and the MateBook 13 she bought instead.
      const orders = customer.retailerAccounts.flatMap((a: any) => a.orders);
      expect(orders.find((o: any) => o.number === buyer.orderNumber)).toMatchObject({ status: "RETURNED", channel: "STORE" });
      expect(orders.find((o: any) => o.number === secondOrder).lines[0].product).toMatchObject({ brand: "huawei", name: expect.stringMatching(/MateBook 13/) });

      // No survey is demanded: a matter is still open, and none was sent.
      expect(open.surveyEligibility.eligible).toBe(false);
      expect(open.surveyEligibility.reasons.join()).toMatch(/not yet resolved/);
      const entries = customer.timeline.result.entries;
      expect(entries.filter((e: any) => /SURVEY/.test(e.kind))).toEqual([]);

      // Each step in the one timeline, attributed to whoever took it.
      const actorOf = (kind: string, subjectId: string) => {
        const found = entries.filter((e: any) => e.kind === kind && e.subjectId === subjectId);
        expect(`${kind} ${subjectId}: ${found.length}`).toBe(`${kind} ${subjectId}: 1`);
        return found[0].actor;
      };
      const by = (claims: CallerClaims) => ({ name: claims.name, role: claims.role, organization: claims.org });
      expect(actorOf("ORDER_RECORDED", buyer.orderNumber)).toEqual(by(CAST.store));
      expect(actorOf("DEVICE_REGISTERED", buyer.serial)).toEqual(by(CAST.huaweiRegistration));
      expect(actorOf("CASE_OPENED", caseNumber)).toEqual(by(CAST.l1));
      expect(actorOf("CASE_ESCALATED", caseNumber)).toEqual(by(CAST.l1));
      expect(actorOf("CASE_TAKEN_OVER", caseNumber)).toEqual(by(CAST.l2));
      expect(actorOf("CASE_PRIORITY_CHANGED", caseNumber)).toEqual(by(CAST.l2));
      expect(actorOf("TASK_OPENED", caseNumber)).toEqual(by(CAST.l2));
      expect(actorOf("TASK_DONE", caseNumber)).toEqual(by(CAST.engineer));
      expect(actorOf("CALLBACK_PROMISED", caseNumber)).toEqual(by(CAST.l2));
      expect(actorOf("CALLBACK_KEPT", caseNumber)).toEqual(by(CAST.l2));
      expect(actorOf("RETURN_REQUESTED", returnNumber)).toEqual(by(CAST.store));
      expect(actorOf("SERVICE_CENTER_ARRANGED", caseNumber)).toEqual(by(CAST.l2));
      expect(actorOf("SERVICE_CENTER_SMS_SENT", caseNumber)).toEqual(by(CAST.l2));
      expect(actorOf("RETURN_CERTIFICATE_ISSUED", caseNumber)).toEqual(by(CAST.center));
      expect(actorOf("RETURN_REFUNDED", returnNumber)).toEqual(by(CAST.store));
      expect(actorOf("ORDER_RECORDED", secondOrder)).toEqual(by(CAST.store));
      expect(entries.find((e: any) => e.kind === "CALLBACK_KEPT" && e.subjectId === caseNumber).summary).toContain("kept on time");
      expect(entries.find((e: any) => e.kind === "RETURN_REFUNDED").summary).toContain(certificate);
      // The SMS entry names the masked number only.
      expect(entries.find((e: any) => e.kind === "SERVICE_CENTER_SMS_SENT").summary).toContain("136****0717");
      expect(JSON.stringify(entries)).not.toMatch(/13655500717/);
      // Chronological: the story's order.
      const at = (kind: string) => Date.parse(entries.find((e: any) => e.kind === kind && [caseNumber, returnNumber].includes(e.subjectId)).at);
      const order = ["CASE_OPENED", "CASE_ESCALATED", "CASE_TAKEN_OVER", "TASK_DONE", "CALLBACK_KEPT", "RETURN_REQUESTED", "SERVICE_CENTER_ARRANGED", "SERVICE_CENTER_SMS_SENT", "RETURN_CERTIFICATE_ISSUED", "RETURN_REFUNDED"].map(at);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    // A maker it is not about sees none of her Huawei matters.
    const other = await customerAs(CAST.aolanPartner);
    expect(other.openMatters.result.matters.map((m: any) => m.subjectId)).not.toContain(caseNumber);
  });
});
