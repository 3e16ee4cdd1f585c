import { jobForScheduledVisit } from "../../subgraphs/fieldservice/reactions/jobForScheduledVisit";
import { describeEachDatabase } from "../helpers/databases";
import { RETAILER_REP, startGraph, type Graph } from "../helpers/graphHarness";
import { AOLAN_PARTNER, createPersonThroughGraph, OPEN_SERVICE_CASE, outboxOf, RECORD_ORDER, REGISTER_DEVICE, type NewPerson, type OutboxRow } from "../helpers/newPerson";

/*
 * Issue 13 item 5: a customer who is in no seed, created through the graph. The retailer's rep
 * records an order for a new buyer, Aolan registers the water heater and opens a case with a
 * technician visit worked by Kuaixiu. Each party sees its own records; each action left its
 * domain event in its subgraph's outbox (identity.registered for every new customer record,
 * normalized); bad input is refused with codes; idempotency keys replay per caller only.
 */

const BUYER = { name: "陈新 Chen Xin", nameLatin: "Chen Xin", mobile: "+86 137-1234-5601", email: "  Chen.Xin@Example.CN ", city: "武汉", district: "洪山区", address: "武汉市洪山区珞喻路 88 号 3 栋 402" };
const NORMALIZED_MOBILE = "8613712345601";
const HUAWEI = { role: "partner" as const, org: "huawei", sub: "partner-huawei" };
const KUAIXIU = { role: "partner" as const, org: "kuaixiu", sub: "partner-kuaixiu" };

const codesOf = (body: any) => (body.errors ?? []).map((error: any) => ({ code: error.extensions?.code, argument: error.extensions?.argument, reason: error.extensions?.reason }));
const ofType = (rows: OutboxRow[], type: string) => rows.filter((row) => row.type === type);

function chinaTomorrow(hour: number): string {
  const day = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  return new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`).toISOString();
}

describeEachDatabase("creating new customers through the graph", (target) => {
  let graph: Graph;
  let person: NewPerson;
  beforeAll(async () => {
    graph = await startGraph(target);
    person = await createPersonThroughGraph(graph, { ...BUYER, keyPrefix: "chen-xin" });
  }, 180_000);
  afterAll(() => graph?.stop());

  it("gives the retailer a new customer with the order, and publishes identity.registered and order.recorded", async () => {
    expect(person.retailerCustomerId).toMatch(/^RC-N\d{8}$/);
    expect(person.orderNumber).toMatch(/^YG-\d{8}-\d{9}$/);
    const { body } = await graph.query(
      `query($id: ID!, $n: String!) { retailerCustomer(id: $id) { id name nameLatin city orders(first: 5) { number status } } order(number: $n) { number status totalYuan } }`,
      { id: person.retailerCustomerId, n: person.orderNumber },
      { caller: RETAILER_REP },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.retailerCustomer).toEqual({ id: person.retailerCustomerId, name: BUYER.name, nameLatin: "Chen Xin", city: "武汉", orders: [{ number: person.orderNumber, status: "PAID" }] });
    expect(body.data.order).toEqual({ number: person.orderNumber, status: "PAID", totalYuan: "1299.00" });

    const outbox = await outboxOf(graph, "orders");
    const identities = ofType(outbox, "identity.registered");
    expect(identities).toHaveLength(1);
    expect(identities[0]).toMatchObject({ ownerId: person.retailerCustomerId, version: 1, actor: { organization: "yougou", role: "rep" } });
    expect(identities[0].payload).toEqual({
      subjectType: "RetailerCustomer",
      subjectId: person.retailerCustomerId,
      summary: expect.stringContaining(person.retailerCustomerId),
      system: "orders",
      identityId: person.retailerCustomerId,
      mobile: NORMALIZED_MOBILE,
      email: "chen.xin@example.cn",
      name: BUYER.name,
      city: "武汉",
      sharedPhone: null,
      organization: "yougou",
    });
    const orders = ofType(outbox, "order.recorded");
    expect(orders).toHaveLength(1);
    expect(orders[0].payload).toMatchObject({ orderNumber: person.orderNumber, customerId: person.retailerCustomerId, skus: ["AL-EH60"], serials: [person.serial] });
    // The timeline entry and the event are one record: same id.
    const { db } = await graph.database("orders");
    const timeline = await db.selectFrom("timeline_events").select(["id", "kind"]).where("owner_id", "=", person.retailerCustomerId).execute();
    expect(timeline.map((row: any) => row.id).sort()).toEqual([identities[0].id, orders[0].id].sort());
  });

  it("gives the maker its registration, device, case and visit, and publishes them", async () => {
    expect(person.makerRegistrationId).toMatch(/^MR-AOLAN-N\d{8}$/);
    const { body } = await graph.query(
      `query($id: String!, $c: String!, $v: String!) {
        makerCustomer(id: $id) { id maker name city phoneMasked devices { serial model retailerOrderNumber } }
        serviceCase(number: $c) { number status maker channel parties { organization role } visits { id status } }
        visit(id: $v) { id status technician { id } }
      }`,
      { id: person.makerRegistrationId, c: person.caseNumber, v: person.visitId },
      { caller: AOLAN_PARTNER },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.makerCustomer).toMatchObject({ id: person.makerRegistrationId, maker: "aolan", name: BUYER.name, city: "武汉", phoneMasked: "137****5601", devices: [{ serial: person.serial, model: "AL-EH60", retailerOrderNumber: person.orderNumber }] });
    expect(body.data.serviceCase).toMatchObject({ number: person.caseNumber, status: "SCHEDULED", maker: "aolan", channel: "RETAILER", visits: [{ id: person.visitId, status: "SCHEDULED" }] });
    expect(body.data.serviceCase.parties.map((party: any) => `${party.organization}:${party.role}`).sort()).toEqual(["aolan:MAKER_AFTERSALES", "kuaixiu:FIELD_SERVICE", "yougou:RETAILER"]);
    expect(body.data.visit).toEqual({ id: person.visitId, status: "SCHEDULED", technician: { id: "TEC-AL-0001" } });

    // The retailer's rep sees the maker's case too (a party to it).
    const rep = await graph.query(`query($c: String!) { serviceCase(number: $c) { number status } }`, { c: person.caseNumber }, { caller: RETAILER_REP });
    expect(rep.body.data.serviceCase).toEqual({ number: person.caseNumber, status: "SCHEDULED" });

    const outbox = await outboxOf(graph, "aftersales");
    const identity = ofType(outbox, "identity.registered");
    expect(identity).toHaveLength(1);
    expect(identity[0].payload).toMatchObject({ system: "aftersales", identityId: person.makerRegistrationId, mobile: NORMALIZED_MOBILE, email: "chen.xin@example.cn", name: BUYER.name, city: "武汉", sharedPhone: null, organization: "aolan" });
    expect(ofType(outbox, "device.registered").map((row) => row.payload)).toEqual([expect.objectContaining({ serial: person.serial, maker: "aolan", registrationId: person.makerRegistrationId, retailerOrderNumber: person.orderNumber })]);
    expect(ofType(outbox, "case.opened").map((row) => row.payload)).toEqual([expect.objectContaining({ caseNumber: person.caseNumber, maker: "aolan", serial: person.serial, orderNumber: person.orderNumber })]);
    const scheduled = ofType(outbox, "visit.scheduled");
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({ ownerId: person.makerRegistrationId, actor: { organization: "aolan" } });
    expect(scheduled[0].payload).toMatchObject({ visitId: person.visitId, caseNumber: person.caseNumber, maker: "aolan", contractor: "kuaixiu", technicianName: "赵刚 Zhao Gang", technicianPhone: "+86 139-7100-2233" });
  });

  it("lets Kuaixiu open the field job from visit.scheduled (the reaction's handle on the real database), once", async () => {
    const [row] = ofType(await outboxOf(graph, "aftersales"), "visit.scheduled");
    const { db } = await graph.database("fieldservice");
    const { seq: _seq, ...event } = row;
    await db.transaction().execute((trx: any) => jobForScheduledVisit.handle(event, trx));
    await db.transaction().execute((trx: any) => jobForScheduledVisit.handle(event, trx));
    const jobs = await db.selectFrom("field_jobs").selectAll().where("visit_id", "=", person.visitId).execute();
    expect(jobs).toHaveLength(1);

    const { body } = await graph.query(`query($id: ID!) { fieldJob(id: $id) { id visitId makerOrganization status technicianName technicianPhone } }`, { id: person.fieldJobId }, { caller: KUAIXIU });
    expect(body.errors).toBeUndefined();
    expect(body.data.fieldJob).toEqual({ id: person.fieldJobId, visitId: person.visitId, makerOrganization: "aolan", status: "ASSIGNED", technicianName: "赵刚 Zhao Gang", technicianPhone: "+86 139-7100-2233" });
    const timeline = await db.selectFrom("timeline_events").selectAll().where("subject_id", "=", person.fieldJobId!).execute();
    expect(timeline).toHaveLength(1);
    expect(timeline[0].summary).toContain(`booked by ${AOLAN_PARTNER.name} (aolan) in case ${person.caseNumber}`);

    // Another maker's visit, or one without Kuaixiu, is not Kuaixiu's job.
    await db.transaction().execute((trx: any) => jobForScheduledVisit.handle({ ...event, id: `${event.id}-x`, payload: { ...event.payload, visitId: "VIS-NOT-KX", contractor: null } }, trx));
    expect(await db.selectFrom("field_jobs").selectAll().where("visit_id", "=", "VIS-NOT-KX").execute()).toEqual([]);
  });

  it("replays the same answer for a retry with the same key, and writes nothing twice", async () => {
    const again = await createPersonThroughGraph(graph, { ...BUYER, serial: person.serial, keyPrefix: "chen-xin" });
    expect(again).toEqual(person);
    expect(ofType(await outboxOf(graph, "orders"), "order.recorded")).toHaveLength(1);
    const aftersales = await outboxOf(graph, "aftersales");
    expect(ofType(aftersales, "identity.registered")).toHaveLength(1);
    expect(ofType(aftersales, "case.opened")).toHaveLength(1);
  });

  it("does not give another caller the first caller's answer for the same key", async () => {
    const otherRep = { role: "rep" as const, org: "yougou", sub: "rep-wu", name: "吴倩 Wu Qian (Yougou service desk)" };
    const input = { buyer: { ...BUYER }, lines: [{ sku: "AL-EH60" }], idempotencyKey: "chen-xin-order" };
    delete (input.buyer as any).nameLatin;
    const { body } = await graph.query(RECORD_ORDER, { input }, { caller: otherRep });
    expect(body.errors).toBeUndefined();
    // Its own order, for the same (matched, not duplicated) retailer customer.
    expect(body.data.recordOrder.order.number).not.toBe(person.orderNumber);
    expect(body.data.recordOrder).toMatchObject({ customerId: person.retailerCustomerId, customerCreated: false });
    expect(ofType(await outboxOf(graph, "orders"), "identity.registered")).toHaveLength(1);

    const otherAolan = { role: "partner" as const, org: "aolan", sub: "partner-aolan-2", name: "Aolan desk 2" };
    const device = await graph.query(REGISTER_DEVICE, { input: { maker: "aolan", model: "AL-EH80", serial: `${person.serial}-B`, owner: { name: BUYER.name, mobile: "13712345601", city: "武汉" }, idempotencyKey: "chen-xin-device" } }, { caller: otherAolan });
    expect(device.body.errors).toBeUndefined();
    expect(device.body.data.registerDevice).toEqual({ makerCustomerId: person.makerRegistrationId, registrationCreated: false, device: { serial: `${person.serial}-B`, model: "AL-EH80", maker: "aolan" } });
  });

  it("refuses bad input with codes naming the field, and writes nothing", async () => {
    const before = (await outboxOf(graph, "orders")).length;
    const order = (buyer: Record<string, unknown>, extra: Record<string, unknown> = {}) => graph.query(RECORD_ORDER, { input: { buyer: { ...BUYER, ...buyer }, lines: [{ sku: "AL-EH60" }], idempotencyKey: `bad-${Math.random()}`, ...extra } }, { caller: RETAILER_REP });
    expect(codesOf((await order({ mobile: "12345" })).body)).toEqual([{ code: "BAD_USER_INPUT", argument: "buyer.mobile", reason: "INVALID_PHONE" }]);
    expect(codesOf((await order({ email: "chen@" })).body)).toEqual([{ code: "BAD_USER_INPUT", argument: "buyer.email", reason: "INVALID_EMAIL" }]);
    expect(codesOf((await order({ address: "长".repeat(201) })).body)).toEqual([{ code: "BAD_USER_INPUT", argument: "buyer.address", reason: "TOO_LONG" }]);
    expect(codesOf((await order({ name: "x".repeat(61) })).body)).toEqual([{ code: "BAD_USER_INPUT", argument: "buyer.name", reason: "TOO_LONG" }]);
    expect(codesOf((await order({}, { lines: [{ sku: "NOPE-1" }] })).body)[0]).toMatchObject({ code: "BAD_USER_INPUT", argument: "lines[0].sku" });
    expect((await outboxOf(graph, "orders")).length).toBe(before);

    const device = await graph.query(REGISTER_DEVICE, { input: { maker: "aolan", model: "AL-EH60", serial: "AL-EH60-BAD1", owner: { name: "Li", mobile: "1380719123x", city: "武汉" }, idempotencyKey: "bad-device" } }, { caller: AOLAN_PARTNER });
    expect(codesOf(device.body)).toEqual([{ code: "BAD_USER_INPUT", argument: "owner.mobile", reason: "INVALID_PHONE" }]);
    const again = await graph.query(REGISTER_DEVICE, { input: { maker: "aolan", model: "AL-EH60", serial: person.serial, owner: { name: "Li", mobile: "13807190000", city: "武汉" }, idempotencyKey: "dup-device" } }, { caller: AOLAN_PARTNER });
    expect(codesOf(again.body)[0].code).toBe("CONFLICT");
    const longCase = await graph.query(OPEN_SERVICE_CASE, { input: { serial: person.serial, summary: "漏".repeat(301), idempotencyKey: "bad-case" } }, { caller: AOLAN_PARTNER });
    expect(codesOf(longCase.body)).toEqual([{ code: "BAD_USER_INPUT", argument: "summary", reason: "TOO_LONG" }]);
    const pastVisit = await graph.query(OPEN_SERVICE_CASE, { input: { serial: person.serial, summary: "drips", visit: { windowStart: "2020-01-01T06:00:00Z", windowEnd: "2020-01-01T08:00:00Z" }, idempotencyKey: "bad-visit" } }, { caller: AOLAN_PARTNER });
    expect(codesOf(pastVisit.body)[0]).toMatchObject({ code: "BAD_USER_INPUT", argument: "windowStart" });
  });

  it("keeps each party to its own role: another maker, the rep and an analyst are refused", async () => {
    const asHuawei = await graph.query(OPEN_SERVICE_CASE, { input: { serial: person.serial, summary: "not mine", visit: { windowStart: chinaTomorrow(9), windowEnd: chinaTomorrow(11) }, idempotencyKey: "huawei-case" } }, { caller: HUAWEI });
    expect(codesOf(asHuawei.body)[0].code).toBe("FORBIDDEN");
    const registerForAolan = await graph.query(REGISTER_DEVICE, { input: { maker: "aolan", model: "AL-EH60", serial: "AL-EH60-HW1", owner: { name: "Li", mobile: "13807190001", city: "武汉" }, idempotencyKey: "huawei-device" } }, { caller: HUAWEI });
    expect(codesOf(registerForAolan.body)[0].code).toBe("FORBIDDEN");
    const repRegisters = await graph.query(REGISTER_DEVICE, { input: { maker: "aolan", model: "AL-EH60", serial: "AL-EH60-RP1", owner: { name: "Li", mobile: "13807190001", city: "武汉" }, idempotencyKey: "rep-device" } }, { caller: RETAILER_REP });
    expect(codesOf(repRegisters.body)[0].code).toBe("FORBIDDEN");
    const makerOrders = await graph.query(RECORD_ORDER, { input: { buyer: BUYER, lines: [{ sku: "AL-EH60" }], idempotencyKey: "aolan-order" } }, { caller: AOLAN_PARTNER });
    expect(codesOf(makerOrders.body)[0].code).toBe("FORBIDDEN");
    const analyst = await graph.query(RECORD_ORDER, { input: { buyer: BUYER, lines: [{ sku: "AL-EH60" }], idempotencyKey: "analyst-order" } }, { caller: { role: "analyst", org: "platform", sub: "analyst-1" } });
    expect(codesOf(analyst.body)[0].code).toBe("FORBIDDEN");
    // Huawei does not see Aolan's new registration either.
    const peek = await graph.query(`query($id: String!) { makerCustomer(id: $id) { id name } }`, { id: person.makerRegistrationId }, { caller: HUAWEI });
    expect(peek.body.data?.makerCustomer ?? null).toBeNull();
    expect(codesOf(peek.body)[0].code).toBe("FORBIDDEN");
  });
});
