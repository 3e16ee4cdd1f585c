import { aftersalesSubgraph } from "../../../subgraphs/aftersales/subgraph";
import type { DB } from "../../../subgraphs/aftersales/db/tables";
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";

describeEachDatabase("aftersales: the story data", (target) => {
  let subgraph: TestSubgraph<DB>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(aftersalesSubgraph, target);
  });
  afterAll(async () => subgraph.stop());

  it("S1: from the retailer's order, shows the maker's case, the visit tomorrow and how to reach the technician", async () => {
    const result = await subgraph.query(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { number serviceCases {
         number status maker order { number } handler { name organization phone hours }
         visits { id status windowStart windowEnd technician { name phone serviceCenter { id name phone hours } } serviceCenter { id } }
      } } } }`,
      { reps: [{ __typename: "Order", number: "YG-20261102-0001" }] },
    );
    expect(result.body.errors).toBeUndefined();
    const [order] = result.body.data._entities;
    expect(order.serviceCases).toHaveLength(1);
    const serviceCase = order.serviceCases[0];
    expect(serviceCase).toMatchObject({ number: "CS-AL-0001", status: "SCHEDULED", maker: "aolan", order: { number: "YG-20261102-0001" } });
    expect(serviceCase.handler).toMatchObject({ organization: "aolan", phone: "027-8711-2233", hours: "09:00-18:00" });
    const [visit] = serviceCase.visits;
    expect(visit).toMatchObject({ id: "VIS-0001", status: "SCHEDULED", serviceCenter: { id: "SC-AL-WH-HS" } });
    expect(visit.technician).toMatchObject({ name: "赵刚", serviceCenter: { id: "SC-AL-WH-HS", name: "奥澜武汉洪山服务中心", phone: "027-8711-2233", hours: "09:00-18:00" } });
    expect(visit.technician.phone).toMatch(/^\+86/);
    const startsInHours = (Date.parse(visit.windowStart) - Date.now()) / 3_600_000;
    expect(startsInHours).toBeGreaterThan(0);
    expect(startsInHours).toBeLessThan(48);
    expect(Date.parse(visit.windowEnd) - Date.parse(visit.windowStart)).toBe(4 * 3_600_000);
  });

  it("an order with no maker case has an empty list, not an error", async () => {
    const result = await subgraph.query(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { number serviceCases { number } } } }`, {
      reps: [{ __typename: "Order", number: "YG-20261105-0708" }],
    });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data._entities).toEqual([{ number: "YG-20261105-0708", serviceCases: [] }]);
  });

  it("S5: one case shared by the provider, the maker's after-sales and field service, with known-issue hints", async () => {
    const result = await subgraph.query(`{ serviceCase(number: "cs-ht-0505") {
      number status parties { organization role }
      visits { id status windowStart technician { name } }
      callbacks { id status overdue promisedBy { organization } }
      promises { id status }
      device { serial model knownIssues { symptom hint manualRef } }
    } }`);
    expect(result.body.errors).toBeUndefined();
    const serviceCase = result.body.data.serviceCase;
    expect(serviceCase.number).toBe("CS-HT-0505");
    expect(serviceCase.parties.map((p: { role: string }) => p.role).sort()).toEqual(["FIELD_SERVICE", "MAKER_AFTERSALES", "PROVIDER"]);
    expect(new Set(serviceCase.parties.map((p: { organization: string }) => p.organization))).toEqual(new Set(["jiangcheng", "hengtong"]));
    const daysAway = (Date.parse(serviceCase.visits[0].windowStart) - Date.now()) / 86_400_000;
    expect(daysAway).toBeGreaterThan(2);
    expect(daysAway).toBeLessThan(4);
    expect(serviceCase.callbacks.every((c: { status: string }) => c.status === "OPEN")).toBe(true);
    expect(serviceCase.callbacks.map((c: { promisedBy: { organization: string } }) => c.promisedBy.organization).sort()).toEqual(["hengtong", "jiangcheng"]);
    expect(serviceCase.callbacks.some((c: { overdue: boolean }) => c.overdue)).toBe(true);
    expect(serviceCase.promises.map((p: { id: string }) => p.id).sort()).toEqual(serviceCase.callbacks.map((c: { id: string }) => c.id).sort());
    expect(serviceCase.device.model).toBe("HT-B860");
    const remote = serviceCase.device.knownIssues.find((issue: { symptom: string }) => /remote/i.test(issue.symptom));
    expect(remote.hint).toContain("OK + Back");
    expect(remote.hint).toContain("5 s");
    expect(remote.manualRef).toContain("page 12");
  });

  it("knownIssues(model) normalizes the model, is empty for unknown models and refuses malformed ones", async () => {
    const known = await subgraph.query(`{ knownIssues(model: " ht-b860 ") { id model } }`);
    expect(known.body.data.knownIssues.map((i: { model: string }) => i.model)).toEqual(["HT-B860", "HT-B860"]);
    const unknown = await subgraph.query(`{ knownIssues(model: "NO-SUCH-MODEL") { id } }`);
    expect(unknown.body.data.knownIssues).toEqual([]);
    const malformed = await subgraph.query(`{ knownIssues(model: "<script>") { id } }`);
    expect(malformed.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("S6: the device shows its warranty and the paid premium on-site entitlement", async () => {
    const result = await subgraph.query(`{ device(serial: "LNV-PF3X6006") { maker owner { id } entitlements { kind active paid priceFen priceYuan } } }`);
    const device = result.body.data.device;
    expect(device.owner.id).toBe("MR-LNV-6006");
    expect(device.entitlements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "WARRANTY", active: true, paid: false }),
        expect.objectContaining({ kind: "PREMIUM_ONSITE", active: true, paid: true, priceFen: 89900, priceYuan: "899.00" }),
      ]),
    );
  });

  it("S7: L2 owns the escalated case, with the engineering task, the kept callback and the arrangement with the center", async () => {
    const result = await subgraph.query(`{ serviceCase(number: "CS-HW-0707") {
      status tier order { number }
      handler { name tier organization }
      handoffs { from { tier } to { tier name } reason }
      tasks { priority status assignee { name organization } outcome }
      callbacks { status doneAt }
      promises { status keptAt overdue }
      arrangements { kind scheduledFor smsTo smsSentAt serviceCenter { id name address phone } }
    } }`);
    expect(result.body.errors).toBeUndefined();
    const serviceCase = result.body.data.serviceCase;
    expect(serviceCase).toMatchObject({ status: "ESCALATED", tier: "L2", order: { number: "YG-20261010-0707" } });
    expect(serviceCase.handler).toMatchObject({ tier: "L2", organization: "huawei" });
    expect(serviceCase.handoffs.map((h: { to: { tier: string } }) => h.to.tier)).toEqual(["L1", "L2"]);
    expect(serviceCase.handoffs[1].from.tier).toBe("L1");
    expect(serviceCase.tasks[0]).toMatchObject({ priority: "HIGH", status: "DONE", assignee: { organization: "huawei" } });
    expect(serviceCase.callbacks[0].status).toBe("KEPT");
    expect(serviceCase.promises[0]).toMatchObject({ status: "KEPT", overdue: false });
    const [arrangement] = serviceCase.arrangements;
    expect(arrangement).toMatchObject({ kind: "RETURN_CERTIFICATE", smsTo: "158****7777", serviceCenter: { id: "SC-HW-NJ-XJK" } });
    expect(Date.parse(arrangement.scheduledFor)).toBeGreaterThan(Date.now());
  });

  it("S7: the friend's advance replacement is in transit with its tracking number; S4's case closed 'normal' with a callback", async () => {
    const result = await subgraph.query(`{
      friend: serviceCase(number: "CS-HW-0708") { replacements { carrier trackingNumber status oldUnitReturned } }
      s4: serviceCase(number: "CS-XH-4001") { status resolution resolvedBy callbacks { status purpose } }
    }`);
    expect(result.body.data.friend.replacements).toEqual([{ carrier: "顺丰速运 SF Express", trackingNumber: "SF1234567890", status: "IN_TRANSIT", oldUnitReturned: false }]);
    const s4 = result.body.data.s4;
    expect(s4).toMatchObject({ status: "CLOSED", resolvedBy: "TECHNICIAN" });
    expect(s4.resolution).toContain("正常");
    expect(s4.callbacks[0].status).toBe("OPEN");
    expect(s4.callbacks[0].purpose).toMatch(/another technician visit/);
  });

  it("nearestServiceCenter: same city first (Chinese or Latin), else the closest by distance, null when none", async () => {
    const result = await subgraph.query(`{
      latin: nearestServiceCenter(city: "Nanjing", maker: "huawei") { id }
      chinese: nearestServiceCenter(city: "南京市", maker: "HUAWEI") { id address }
      suzhou: nearestServiceCenter(city: "suzhou", maker: "huawei") { id }
      hefei: nearestServiceCenter(city: "合肥", maker: "huawei") { id }
      aolanNanjing: nearestServiceCenter(city: "Nanjing", maker: "aolan") { id }
      nowhere: nearestServiceCenter(city: "Atlantis", maker: "huawei") { id }
      noMaker: nearestServiceCenter(city: "Nanjing", maker: "nosuchmaker") { id }
    }`);
    expect(result.body.errors).toBeUndefined();
    const data = result.body.data;
    expect(data.latin.id).toBe("SC-HW-NJ-XJK");
    expect(data.chinese.id).toBe("SC-HW-NJ-XJK");
    expect(data.chinese.address).toContain("南京");
    expect(data.suzhou.id).toBe("SC-HW-SH-XJH");
    expect(data.hefei.id).toBe("SC-HW-NJ-XJK");
    expect(data.aolanNanjing.id).toBe("SC-AL-NJ-GL");
    expect(data.nowhere).toBeNull();
    expect(data.noMaker).toBeNull();
    const bad = await subgraph.query(`{ nearestServiceCenter(city: "Nanjing", maker: "hua wei!") { id } }`);
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "maker" });
  });

  it("root lookups: null for unknown ids, BAD_USER_INPUT for malformed ones", async () => {
    const unknown = await subgraph.query(`{ serviceCase(number: "CS-NOPE-1") { number } visit(id: "VIS-NOPE") { id } device(serial: "NOPE-1") { serial } makerCustomer(id: "MR-NOPE") { id } }`);
    expect(unknown.body.errors).toBeUndefined();
    expect(unknown.body.data).toEqual({ serviceCase: null, visit: null, device: null, makerCustomer: null });
    for (const document of [`{ serviceCase(number: "ORDER-1") { number } }`, `{ visit(id: "${"VIS-".padEnd(300, "9")}") { id } }`, `{ device(serial: "a b") { serial } }`, `{ makerCustomer(id: "") { id } }`]) {
      const result = await subgraph.query(document);
      expect(result.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("list sizes outside 1..100 are BAD_USER_INPUT", async () => {
    for (const first of [0, 101, -5]) {
      const result = await subgraph.query(`{ makerCustomer(id: "MR-HW-7007") { serviceCases(first: ${first}) { number } } }`);
      expect(result.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
    }
    const ok = await subgraph.query(`{ makerCustomer(id: "mr-hw-7007") { name nameLatin phoneMasked devices { serial } serviceCases(first: 1) { number } } }`);
    expect(ok.body.data.makerCustomer).toMatchObject({ name: "孙丽", nameLatin: "Sun Li", phoneMasked: "158****7777", serviceCases: [{ number: "CS-HW-0707" }] });
    expect(ok.body.data.makerCustomer.devices.map((d: { serial: string }) => d.serial).sort()).toEqual(["HW-MB13-7007002", "HW-MBE-7007001"]);
  });

  it("refuses a request without the gateway's token: HTTP 401 UNAUTHENTICATED", async () => {
    const result = await subgraph.query(`{ serviceCase(number: "CS-AL-0001") { number } }`, {}, null);
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(result.body.data).toBeUndefined();
  });
});
