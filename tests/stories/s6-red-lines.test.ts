/**
 * S6. The helpful rep who cracked a password: service has red lines. Entitlements on the
 * device, a value-added service sold inside the case, and sensitive actions and data
 * refused until the caller's identity is verified; supervisors see who looked.
 */
import { describeEachDatabase } from "../helpers/databases";
import type { Graph } from "../helpers/graphHarness";
import { sharedGraph } from "../helpers/sharedGraph";
import { PEOPLE } from "../helpers/people";
import { ask, codesOf, key } from "./storyKit";

const SERIAL = "LNV-PF3X6006";
const CASE = "CS-LNV-0606";

const ORDER_VAS = `
mutation Order($case: String!, $customer: ID!, $code: String!, $key: String!) {
  orderValueAddedService(caseNumber: $case, customerId: $customer, serviceCode: $code, idempotencyKey: $key) {
    number serviceCode service priceFen priceYuan status caseNumber orderedBy { name organization } customer { id } serviceCase { number }
  }
}`;

describeEachDatabase("S6 red lines: entitlements, paid services in a case, verification before sensitive actions", (target) => {
  let graph: Graph;
  beforeAll(async () => {
    // Shared graph: no other suite reads or writes C-S6, its case CS-LNV-0606 or login u-zhoujie;
    // the value-added service it orders is a row of its own under a fresh key.
    graph = await sharedGraph(target);
  });
  afterAll(() => graph?.stop());

  it("shows the device's entitlements: warranty and paid premium on-site service", async () => {
    const data = await ask(graph, PEOPLE.lenovoRep, `query D($serial: String!) { device(serial: $serial) { serial maker entitlements { kind description active paid priceFen priceYuan startsAt endsAt } } }`, { serial: SERIAL });
    const { device } = data;
    expect(device).toMatchObject({ serial: SERIAL, maker: "lenovo" });
    const warranty = device.entitlements.find((e: any) => e.kind === "WARRANTY");
    expect(warranty).toMatchObject({ active: true, paid: false });
    const premium = device.entitlements.find((e: any) => e.kind === "PREMIUM_ONSITE");
    expect(premium).toMatchObject({ active: true, paid: true });
    expect(premium.priceFen).toBeGreaterThan(0);
    expect(premium.priceYuan).toBe((premium.priceFen / 100).toFixed(2));
    for (const entitlement of [warranty, premium]) {
      expect(Date.parse(entitlement.startsAt)).toBeLessThan(Date.now());
      if (entitlement.endsAt) expect(Date.parse(entitlement.endsAt)).toBeGreaterThan(Date.now());
    }
  });

  it("a rep orders a value-added service inside case CS-LNV-0606 and the case shows it (once, even if repeated)", async () => {
    // From the serial, the rep finds the customer and their retailer account.
    const found = await ask(graph, PEOPLE.yougouRep, `query F($id: String!) { findCustomers(identifier: $id) { result { candidates { matchedBy customer { id retailerAccounts { id } } } } } }`, { id: SERIAL });
    const [candidate] = found.findCustomers.result.candidates;
    expect(candidate.customer.id).toBe("C-S6");
    expect(candidate.matchedBy).toContain("serial");
    const retailerId = candidate.customer.retailerAccounts[0].id;

    const { valueAddedServiceCatalog } = await ask(graph, PEOPLE.yougouRep, `{ valueAddedServiceCatalog { code name priceFen } }`);
    const offer = valueAddedServiceCatalog.find((o: any) => /2-hour/i.test(o.name));
    expect(offer).toBeDefined();

    const variables = { case: CASE, customer: retailerId, code: offer.code, key: key("s6-vas") };
    const ordered = (await ask(graph, PEOPLE.yougouRep, ORDER_VAS, variables)).orderValueAddedService;
    expect(ordered).toMatchObject({ serviceCode: offer.code, priceFen: offer.priceFen, caseNumber: CASE, orderedBy: { name: PEOPLE.yougouRep.name, organization: "yougou" }, customer: { id: retailerId }, serviceCase: { number: CASE } });
    expect(["ORDERED", "SCHEDULED"]).toContain(ordered.status);
    expect((await ask(graph, PEOPLE.yougouRep, ORDER_VAS, variables)).orderValueAddedService).toEqual(ordered);

    for (const rep of [PEOPLE.yougouRep, PEOPLE.lenovoRep]) {
      const { serviceCase } = await ask(graph, rep, `query C($n: String!) { serviceCase(number: $n) { number valueAddedServices { number serviceCode orderedBy { organization } } } }`, { n: CASE });
      expect(serviceCase.valueAddedServices.filter((v: any) => v.number === ordered.number)).toEqual([{ number: ordered.number, serviceCode: offer.code, orderedBy: { organization: "yougou" } }]);
      expect(serviceCase.valueAddedServices[0].number).toBe(ordered.number); // newest first
    }
  });

  it("refuses unlockLogin on u-zhoujie without verification (VERIFICATION_REQUIRED) and changes nothing", async () => {
    const before = await ask(graph, PEOPLE.yougouRep, `{ securityLogin(id: "u-zhoujie") { isLocked status } }`);
    const { body } = await graph.query(`mutation U($id: ID!, $key: String!) { unlockLogin(loginId: $id, idempotencyKey: $key) { id isLocked } }`, { id: "u-zhoujie", key: key("s6-unlock") }, { caller: PEOPLE.yougouRep });
    expect(body.data).toBeNull();
    expect(codesOf(body)).toEqual(["VERIFICATION_REQUIRED"]);
    expect(body.errors[0].message).toMatch(/verif/i);
    expect(body.errors[0].path).toEqual(["unlockLogin"]);
    expect(await ask(graph, PEOPLE.yougouRep, `{ securityLogin(id: "u-zhoujie") { isLocked status } }`)).toEqual(before);
  });

  it("refuses security detail without verification, with a clear reason", async () => {
    const { body } = await graph.query(`{ securityLogin(id: "u-zhoujie") { id attempts { ip } lockouts { cause } activeLockout { cause } notifications { text } } }`, {}, { caller: PEOPLE.yougouRep });
    expect(body.data.securityLogin).toEqual({ id: "u-zhoujie", attempts: null, lockouts: null, activeLockout: null, notifications: null });
    expect(new Set(codesOf(body))).toEqual(new Set(["VERIFICATION_REQUIRED"]));
    for (const error of body.errors) expect(error.message).toMatch(/verif/i);
  });

  it("a rep may not read the audit trail; a supervisor may", async () => {
    const supervisor = { role: "supervisor" as const, org: "yougou", sub: "sup-yougou-ma", name: "马丽 Ma Li (Yougou supervisor)" };
    const allowed = await ask(graph, supervisor, `{ auditTrail(customerId: "C-S6", first: 50) { entries { at actorSubject customerIds } } }`);
    for (const entry of allowed.auditTrail.entries) expect(entry.customerIds).toContain("C-S6");
    const { body } = await graph.query(`{ auditTrail(customerId: "C-S6") { entries { id } } }`, {}, { caller: PEOPLE.yougouRep });
    expect(codesOf(body)).toContain("FORBIDDEN");
  });

  it("records who looked at C-S6 and when, and the refused unlock, in the audit trail a supervisor queries", async () => {
    const rep = { role: "rep" as const, org: "yougou", sub: "rep-yougou-audited", name: "审计 Audited rep (Yougou)" };
    const startedAt = new Date().toISOString();
    await ask(graph, rep, `query LookAtCustomer { customer(id: "C-S6") { name phones { number } } }`);
    const unlock = await graph.query(`mutation TryUnlock($k: String!) { unlockLogin(loginId: "u-zhoujie", idempotencyKey: $k) { id } }`, { k: key("audit-unlock") }, { caller: rep });
    expect(codesOf(unlock.body)).toContain("VERIFICATION_REQUIRED");

    const supervisor = { role: "supervisor" as const, org: "yougou", sub: "sup-yougou-ma", name: "马丽 Ma Li (Yougou supervisor)" };
    const trail = await ask(graph, supervisor, `query($a: String!) { auditTrail(actorSubject: $a, first: 50) { entries { at actorSubject actorName role organization operationType operationName fields outcome errorCodes customerIds } } }`, { a: rep.sub });
    const entries = trail.auditTrail.entries;
    const read = entries.find((e: any) => e.operationName === "LookAtCustomer");
    expect(read).toMatchObject({ actorSubject: rep.sub, actorName: rep.name, role: "rep", organization: "yougou", operationType: "QUERY", outcome: "OK", customerIds: ["C-S6"] });
    expect(read.fields).toEqual(expect.arrayContaining(["customer.name", "customer.phones.number"]));
    expect(read.at >= startedAt).toBe(true);
    const refused = entries.find((e: any) => e.operationName === "TryUnlock");
    expect(refused).toMatchObject({ operationType: "MUTATION", outcome: "DENIED", errorCodes: ["VERIFICATION_REQUIRED"] });
    // The same read is found from the customer's side.
    const byCustomer = await ask(graph, supervisor, `{ auditTrail(customerId: "C-S6", first: 50) { entries { actorSubject operationName } } }`);
    expect(byCustomer.auditTrail.entries).toEqual(expect.arrayContaining([{ actorSubject: rep.sub, operationName: "LookAtCustomer" }]));
  });
});
