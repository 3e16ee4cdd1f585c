/**
 * Issue 14 (S7, the friend's phone): an advance replacement ships with carrier and tracking
 * before the faulty unit is returned; it is marked returned later. Every party's view; races.
 */
import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type CallerClaims, type Graph } from "../helpers/graphHarness";
import { PEOPLE } from "../helpers/people";
import { call, key, race, viewOf } from "./partBKit";

const FIELDS = `id caseNumber productName carrier trackingNumber status oldUnitReturned oldUnitReturnedAt shippedAt`;
const SHIP = `mutation Ship($c: String!, $p: String!, $carrier: String!, $t: String!, $k: String!) { shipAdvanceReplacement(caseNumber: $c, productName: $p, carrier: $carrier, trackingNumber: $t, idempotencyKey: $k) { ${FIELDS} } }`;
const RETURNED = `mutation Returned($id: String!, $k: String!) { markReplacementReturned(replacementId: $id, idempotencyKey: $k) { ${FIELDS} } }`;
const CASE = `query Case($n: String!) { serviceCase(number: $n) { number replacements { ${FIELDS} } } }`;

describeEachDatabase("advance replacement: shipped before the old unit returns (issue 14, S7)", (target) => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph(target);
  });
  afterAll(() => graph?.stop());

  const ship = (overrides: Record<string, unknown> = {}, caller: CallerClaims = PEOPLE.huaweiL2) =>
    call(graph, caller, SHIP, { c: "CS-HW-0708", p: "华为 P60 Pro 替换机 / replacement unit", carrier: "顺丰速运 SF Express", t: `SF${Date.now()}`, k: key("ship"), ...overrides });

  it("ships once per parcel (20 racing shipments), tracked in every party's view, then the old unit returns once", async () => {
    const tracking = `SF${Date.now()}77`;
    const shipments = await race(20, (i) => ship({ t: tracking, k: key(`ship-${i}`) }));
    const shipped = shipments.filter((r) => r.codes.length === 0);
    expect(shipped).toHaveLength(1);
    expect(shipments.filter((r) => r.codes.join() === "CONFLICT")).toHaveLength(19);
    const replacement = shipped[0].data.shipAdvanceReplacement;
    expect(replacement).toMatchObject({ caseNumber: "CS-HW-0708", carrier: "顺丰速运 SF Express", trackingNumber: tracking, status: "SHIPPED", oldUnitReturned: false, oldUnitReturnedAt: null });

    for (const caller of [PEOPLE.huaweiPartner, PEOPLE.yougouRep, PEOPLE.supervisor]) {
      const view = await viewOf(graph, caller, "C-S7F");
      const matter = view.openMatters.result.matters.find((m: any) => m.kind === "REPLACEMENT" && m.subjectId === "CS-HW-0708" && m.status === "SHIPPED");
      expect(matter).toBeDefined();
      expect(matter.handler).toMatchObject({ organization: "huawei" });
      expect(matter.promises[0]).toMatchObject({ status: "OPEN" });
      expect(matter.promises[0].description).toContain("Faulty unit back to huawei");
    }
    expect((await call(graph, PEOPLE.aolanPartner, CASE, { n: "CS-HW-0708" })).codes).toEqual(["FORBIDDEN"]);
    const rep = await viewOf(graph, PEOPLE.yougouRep, "C-S7F");
    expect(rep.timeline.result.entries).toContainEqual(expect.objectContaining({ kind: "REPLACEMENT_SHIPPED", actor: expect.objectContaining({ organization: "huawei" }) }));

    const returns = await race(20, (i) => call(graph, PEOPLE.huaweiL2, RETURNED, { id: replacement.id, k: key(`ret-${i}`) }));
    const back = returns.filter((r) => r.codes.length === 0);
    expect(back).toHaveLength(1);
    expect(back[0].data.markReplacementReturned).toMatchObject({ status: "RETURNED", oldUnitReturned: true });
    const lost = returns.filter((r) => r.codes.join() === "CONFLICT");
    expect(lost).toHaveLength(19);
    expect(lost[0].errors[0].extensions.status).toBe("RETURNED");

    const after = await viewOf(graph, PEOPLE.huaweiPartner, "C-S7F");
    expect(after.openMatters.result.matters.filter((m: any) => m.kind === "REPLACEMENT" && m.status === "SHIPPED")).toEqual([]);
    const { db } = await graph.database("aftersales");
    const promise = await db.selectFrom("commitments").select("status").where("matter_id", "=", replacement.id).executeTakeFirstOrThrow();
    expect(promise.status).toBe("KEPT");
    expect(await db.selectFrom("outbox").select("id").where("type", "=", "replacement.old_unit_returned").execute()).toHaveLength(1);
  });

  it("refuses bad input, unknown ids and the wrong organization with codes", async () => {
    expect((await ship({ c: "CS-HW-9999" })).codes).toEqual(["NOT_FOUND"]);
    expect((await ship({ t: "x" })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await ship({ p: "p".repeat(201) })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await ship({ carrier: "" })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await ship({}, PEOPLE.aolanPartner)).codes).toEqual(["FORBIDDEN"]);
    expect((await ship({}, PEOPLE.analyst)).codes).toEqual(["FORBIDDEN"]);
    expect((await call(graph, PEOPLE.huaweiL2, RETURNED, { id: "RPL-00000000-FFFFFF", k: key("r") })).codes).toEqual(["NOT_FOUND"]);
    expect((await call(graph, PEOPLE.huaweiL2, RETURNED, { id: "not-an-id", k: key("r") })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await call(graph, PEOPLE.aolanPartner, RETURNED, { id: "RPL-0708", k: key("r") })).codes).toEqual(["FORBIDDEN"]);
  });
});
