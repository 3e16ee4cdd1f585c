/**
 * Issue 14 (S7): the expert arranges the return certificate at the nearest service center and
 * sends its address by SMS (recorded as sent, destination masked in every answer); the center
 * issues the certificate. Every party's view after each step; refusals with codes; races.
 */
import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type CallerClaims, type Graph } from "../helpers/graphHarness";
import { PEOPLE } from "../helpers/people";
import { call, inDays, key, ok, race, viewOf } from "./partBKit";

const ARRANGEMENT = `id kind status caseNumber description scheduledFor arrangedBy { name organization } serviceCenter { id name address } smsSentAt smsTo smsText certificateNumber returnRequestNumber`;
const ARRANGE = `mutation Arrange($c: String!, $kind: String!, $at: String!, $city: String, $rt: String, $k: String!) { arrangeServiceCenterVisit(caseNumber: $c, kind: $kind, scheduledFor: $at, city: $city, returnRequestNumber: $rt, idempotencyKey: $k) { ${ARRANGEMENT} } }`;
const SMS = `mutation Sms($id: String!, $p: String!, $k: String!) { sendServiceCenterSms(arrangementId: $id, phone: $p, idempotencyKey: $k) { ${ARRANGEMENT} } }`;
const CERTIFY = `mutation Cert($id: String!, $f: String!, $k: String!) { issueReturnCertificate(arrangementId: $id, finding: $f, idempotencyKey: $k) { ${ARRANGEMENT} } }`;
const CASE = `query Case($n: String!) { serviceCase(number: $n) { number arrangements { ${ARRANGEMENT} } } }`;

describeEachDatabase("service-center arrangement with SMS and return certificate (issue 14, S7)", (target) => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph(target);
  });
  afterAll(() => graph?.stop());

  const arrange = (overrides: Record<string, unknown> = {}, caller: CallerClaims = PEOPLE.huaweiL2) =>
    call(graph, caller, ARRANGE, { c: "CS-HW-0707", kind: "RETURN_CERTIFICATE", at: inDays(1), rt: "RT-0707", k: key("arrange"), ...overrides });

  it("arranges at the center nearest the customer, SMS once with the address (masked), certificate once", async () => {
    const arranged = await arrange();
    expect(arranged.codes).toEqual([]);
    const arrangement = arranged.data.arrangeServiceCenterVisit;
    // Sun Li lives in Nanjing: Huawei's Nanjing Xinjiekou center.
    expect(arrangement).toMatchObject({ kind: "RETURN_CERTIFICATE", status: "ARRANGED", caseNumber: "CS-HW-0707", returnRequestNumber: "RT-0707", serviceCenter: { id: "SC-HW-NJ-XJK" }, smsSentAt: null, arrangedBy: { organization: "huawei" } });

    // Every party: the maker's partner desk and the retailer (a party) see it on the case; an unrelated partner is refused.
    for (const caller of [PEOPLE.huaweiPartner, PEOPLE.yougouRep, PEOPLE.supervisor]) {
      const data = await ok(graph, caller, CASE, { n: "CS-HW-0707" });
      expect(data.serviceCase.arrangements.map((a: any) => a.id)).toContain(arrangement.id);
    }
    expect((await call(graph, PEOPLE.aolanPartner, CASE, { n: "CS-HW-0707" })).codes).toEqual(["FORBIDDEN"]);
    // The center's step is a promise on the case in the customer's open matters, and the timeline says who arranged it.
    const view = await viewOf(graph, PEOPLE.yougouRep, "C-S7");
    const caseMatter = view.openMatters.result.matters.find((m: any) => m.kind === "SERVICE_CASE" && m.subjectId === "CS-HW-0707");
    expect(caseMatter.promises.map((p: any) => p.description).join()).toContain("return certificate");
    expect(view.timeline.result.entries).toContainEqual(expect.objectContaining({ kind: "SERVICE_CENTER_ARRANGED", actor: expect.objectContaining({ organization: "huawei" }) }));

    // 20 racing SMS sends (different keys): one SMS, the rest CONFLICT; never the full number in any answer.
    const sends = await race(20, (i) => call(graph, PEOPLE.huaweiL2, SMS, { id: arrangement.id, p: "+86 158-0000-7777", k: key(`sms-${i}`) }));
    expect(sends.filter((r) => r.codes.length === 0)).toHaveLength(1);
    expect(sends.filter((r) => r.codes.join() === "CONFLICT")).toHaveLength(19);
    for (const r of sends) expect(JSON.stringify(r)).not.toContain("15800007777");
    const sent = sends.find((r) => r.codes.length === 0)!.data.sendServiceCenterSms;
    expect(sent.smsTo).toBe("158****7777");
    expect(sent.smsText).toContain(sent.serviceCenter.address);
    const after = await ok(graph, PEOPLE.huaweiPartner, CASE, { n: "CS-HW-0707" });
    expect(after.serviceCase.arrangements.find((a: any) => a.id === arrangement.id)).toMatchObject({ smsTo: "158****7777" });
    const { db } = await graph.database("aftersales");
    expect(await db.selectFrom("timeline_events").select("id").where("kind", "=", "SERVICE_CENTER_SMS_SENT").where("summary", "like", "%158****7777%").execute()).toHaveLength(1);
    expect(JSON.stringify(await db.selectFrom("outbox").select("payload").where("type", "=", "service_center.sms_sent").execute())).not.toContain("15800007777");

    // 20 racing certificates: one number, the rest CONFLICT with the current state.
    const issues = await race(20, (i) => call(graph, PEOPLE.huaweiL2, CERTIFY, { id: arrangement.id, f: "ARM: bank client x86-only, no HP ARM64 driver", k: key(`cert-${i}`) }));
    const won = issues.filter((r) => r.codes.length === 0);
    expect(won).toHaveLength(1);
    expect(won[0].data.issueReturnCertificate).toMatchObject({ status: "CERTIFICATE_ISSUED" });
    expect(won[0].data.issueReturnCertificate.certificateNumber).toMatch(/^RC-HUAWEI-\d{8}-[0-9A-F]{6}$/);
    const lost = issues.filter((r) => r.codes.join() === "CONFLICT");
    expect(lost).toHaveLength(19);
    expect(lost[0].errors[0].extensions.status).toBe("CERTIFICATE_ISSUED");
    // The promise on the case is kept.
    const kept = await db.selectFrom("commitments").select("status").where("id", "=", `${arrangement.id}-step`).executeTakeFirstOrThrow();
    expect(kept.status).toBe("KEPT");
  });

  it("refuses bad input, unknown ids, wrong states and the wrong organization with codes", async () => {
    expect((await arrange({ c: "CS-HW-9999" })).codes).toEqual(["NOT_FOUND"]);
    expect((await arrange({ c: "not a case" })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await arrange({ kind: "TEA_PARTY" })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await arrange({ at: new Date(Date.now() - 60_000).toISOString() })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await arrange({ rt: "RT-ABC" })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await arrange({ city: "x".repeat(41) })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await arrange({}, PEOPLE.aolanPartner)).codes).toEqual(["FORBIDDEN"]);
    expect((await arrange({}, PEOPLE.analyst)).codes).toEqual(["FORBIDDEN"]);
    const dropOff = (await arrange({ kind: "DROP_OFF", rt: null })).data.arrangeServiceCenterVisit;
    expect((await call(graph, PEOPLE.huaweiL2, CERTIFY, { id: dropOff.id, f: "n/a", k: key("c") })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await call(graph, PEOPLE.huaweiL2, CERTIFY, { id: dropOff.id, f: "f".repeat(1001), k: key("c") })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await call(graph, PEOPLE.huaweiL2, SMS, { id: "ARR-00000000-FFFFFF", p: "15800007777", k: key("s") })).codes).toEqual(["NOT_FOUND"]);
    expect((await call(graph, PEOPLE.huaweiL2, SMS, { id: dropOff.id, p: "12345", k: key("s") })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await call(graph, PEOPLE.aolanPartner, SMS, { id: dropOff.id, p: "15800007777", k: key("s") })).codes).toEqual(["FORBIDDEN"]);
    // The seeded arrangement's SMS went out already: CONFLICT saying when.
    const seeded = await call(graph, PEOPLE.huaweiL2, SMS, { id: "ARR-0707", p: "15800007777", k: key("s") });
    expect(seeded.codes).toEqual(["CONFLICT"]);
    expect(seeded.errors[0].extensions.smsSentAt).toBeTruthy();
  });
});
