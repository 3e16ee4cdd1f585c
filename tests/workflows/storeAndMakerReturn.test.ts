/**
 * Issue 14 (S7): the return spanning store and maker. The maker's service center issues the
 * return certificate (aftersales) for the retailer's return RT-0707; the store pays the refund
 * against that certificate (orders). Both steps are on the one return: the arrangement names
 * RT-0707, the refund names the certificate; every party sees its part.
 */
import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type Graph } from "../helpers/graphHarness";
import { PEOPLE } from "../helpers/people";
import { call, inDays, key, ok, race, viewOf } from "./partBKit";

const REFUND = `mutation Refund($rt: String!, $cert: String!, $c: String, $k: String!) { refundReturnAtStore(returnNumber: $rt, certificateNumber: $cert, caseNumber: $c, idempotencyKey: $k) { number status refundFen closedAt handlingParty makerCertificateNumber makerCaseNumber refundedAt refundedBy } }`;
const RETURN = `query Return($n: String!) { returnRequest(number: $n) { number status refundFen makerCertificateNumber makerCaseNumber refundedBy } }`;

describeEachDatabase("a return spanning store and maker: certificate at the center, refund at the store (issue 14, S7)", (target) => {
  let graph: Graph;
  let certificate: string;
  beforeAll(async () => {
    graph = await startGraph(target);
  });
  afterAll(() => graph?.stop());

  it("the maker certifies, the store refunds once (20 racing refunds), both steps on the one return", async () => {
    const arranged = await ok(graph, PEOPLE.huaweiL2, `mutation($at: String!, $k: String!) { arrangeServiceCenterVisit(caseNumber: "CS-HW-0707", kind: "RETURN_CERTIFICATE", scheduledFor: $at, returnRequestNumber: "RT-0707", idempotencyKey: $k) { id returnRequestNumber } }`, { at: inDays(1), k: key("arrange") });
    const issued = await ok(graph, PEOPLE.huaweiL2, `mutation($id: String!, $k: String!) { issueReturnCertificate(arrangementId: $id, finding: "unsupported on ARM", idempotencyKey: $k) { certificateNumber returnRequestNumber } }`, { id: arranged.arrangeServiceCenterVisit.id, k: key("cert") });
    certificate = issued.issueReturnCertificate.certificateNumber;
    expect(issued.issueReturnCertificate.returnRequestNumber).toBe("RT-0707");

    // Before the refund: the return is open for everyone who may see it.
    let view = await viewOf(graph, PEOPLE.yougouRep, "C-S7");
    expect(view.openMatters.result.matters.map((m: any) => m.subjectId)).toContain("RT-0707");

    const refunds = await race(20, (i) => call(graph, PEOPLE.yougouRep, REFUND, { rt: "RT-0707", cert: certificate, c: "CS-HW-0707", k: key(`refund-${i}`) }));
    const paid = refunds.filter((r) => r.codes.length === 0);
    expect(paid).toHaveLength(1);
    const lost = refunds.filter((r) => r.codes.join() === "CONFLICT");
    expect(lost).toHaveLength(19);
    expect(lost[0].errors[0].extensions.status).toBe("REFUNDED");
    expect(paid[0].data.refundReturnAtStore).toMatchObject({ number: "RT-0707", status: "REFUNDED", handlingParty: "yougou", makerCertificateNumber: certificate, makerCaseNumber: "CS-HW-0707" });
    expect(paid[0].data.refundReturnAtStore.refundFen).toBeGreaterThan(0);

    // Every party's view: the store and the maker see the refund and the certificate it references.
    for (const caller of [PEOPLE.yougouRep, PEOPLE.huaweiPartner, PEOPLE.supervisor]) {
      const data = await ok(graph, caller, RETURN, { n: "RT-0707" });
      expect(data.returnRequest).toMatchObject({ status: "REFUNDED", makerCertificateNumber: certificate });
      const arrangements = await ok(graph, caller, `{ serviceCase(number: "CS-HW-0707") { arrangements { returnRequestNumber certificateNumber } } }`);
      expect(arrangements.serviceCase.arrangements).toContainEqual({ returnRequestNumber: "RT-0707", certificateNumber: certificate });
    }
    expect((await call(graph, PEOPLE.aolanPartner, RETURN, { n: "RT-0707" })).codes).toEqual(["FORBIDDEN"]);
    view = await viewOf(graph, PEOPLE.yougouRep, "C-S7");
    expect(view.openMatters.result.matters.map((m: any) => m.subjectId)).not.toContain("RT-0707");
    const kinds = view.timeline.result.entries.map((e: any) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["RETURN_CERTIFICATE_ISSUED", "RETURN_REFUNDED"]));
    const refunded = view.timeline.result.entries.find((e: any) => e.kind === "RETURN_REFUNDED");
    expect(refunded.summary).toContain(certificate);
    expect(refunded.actor).toMatchObject({ organization: "yougou" });
  });

  it("refuses bad input, the wrong maker's certificate, the wrong organization and a second refund", async () => {
    expect((await call(graph, PEOPLE.yougouRep, REFUND, { rt: "RT-9999", cert: "RC-HUAWEI-20261202-A1B2C3", k: key("r") })).codes).toEqual(["NOT_FOUND"]);
    expect((await call(graph, PEOPLE.yougouRep, REFUND, { rt: "RT-0707", cert: "certificate please", k: key("r") })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await call(graph, PEOPLE.yougouRep, REFUND, { rt: "RT-0707", cert: `RC-HUAWEI-20261202-${"A".repeat(60)}`, k: key("r") })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await call(graph, PEOPLE.yougouRep, REFUND, { rt: "bogus", cert: "RC-HUAWEI-20261202-A1B2C3", k: key("r") })).codes).toEqual(["BAD_USER_INPUT"]);
    // The maker's desk does not pay the store's refunds; partners may not at all.
    expect((await call(graph, PEOPLE.huaweiL2, REFUND, { rt: "RT-0707", cert: certificate, k: key("r") })).codes).toEqual(["FORBIDDEN"]);
    expect((await call(graph, PEOPLE.huaweiPartner, REFUND, { rt: "RT-0707", cert: certificate, k: key("r") })).codes).toEqual(["FORBIDDEN"]);
    expect((await call(graph, PEOPLE.yougouRep, REFUND, { rt: "RT-0707", cert: certificate, k: key("r") })).codes).toEqual(["CONFLICT"]);
    // A certificate from another maker than the product's brand (RT-0001 is Aolan's water heater, a REPAIR): refused.
    expect((await call(graph, PEOPLE.yougouRep, REFUND, { rt: "RT-0001", cert: "RC-HUAWEI-20261202-A1B2C3", k: key("r") })).codes).toEqual(["BAD_USER_INPUT"]);
  });
});
