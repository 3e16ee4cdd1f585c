import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type Graph } from "../helpers/graphHarness";
import { PEOPLE } from "../helpers/people";
import { ASSIGN, caseAs, customerAs, ESCALATE, key, ok, OPEN_FROM_RETURN, openFromReturn, PRIORITY, send, TAKE_OVER, TRANSFER, written } from "./handOverKit";

/*
 * Issue 14, part A: who owns a case, changed through the graph (docs/STATE_MACHINES.md
 * "Case ownership" and "Transfer"). After each action every party's view is read back:
 * the maker's first and second line, the retailer, the contractor partner.
 */
describeEachDatabase("case ownership actions", (target) => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph(target);
  }, 240_000);
  afterAll(() => graph?.stop());

  describe("retailer -> maker hand-over, L1 -> L2 escalation, takeover, priority", () => {
    let number: string;

    it("the retailer opens the maker's case from its return: linked to order and return, in the maker's L1 queue, seen by both", async () => {
      const opened = await openFromReturn(graph, "RT-0707");
      number = opened.number;
      expect(opened).toMatchObject({ status: "OPEN", tier: "L1", ownershipState: "QUEUED", owningOrganization: "huawei", returnNumber: "RT-0707", order: { number: "YG-20261010-0707" } });
      expect(opened.handler).toMatchObject({ organization: "huawei", tier: "L1" });

      for (const caller of [PEOPLE.huaweiL1, PEOPLE.yougouRep]) {
        const view = await caseAs(graph, caller, number);
        expect(view.handler).toEqual(expect.objectContaining({ name: opened.handler.name, organization: "huawei", tier: "L1" }));
        expect(view.parties.map((p: any) => p.organization).sort()).toEqual(["huawei", "yougou"]);
      }
      // The retailer's return shows the maker's case and who owns it (orders + aftersales in one answer).
      const { returnRequest } = await ok(graph, PEOPLE.yougouRep, `{ returnRequest(number: "RT-0707") { number order { number } serviceCase { number handler { name organization } } } }`);
      expect(returnRequest).toMatchObject({ number: "RT-0707", serviceCase: { number, handler: { name: opened.handler.name, organization: "huawei" } } });
      // Every party's open matters for the customer, attributed timeline.
      for (const caller of [PEOPLE.yougouRep, PEOPLE.huaweiL1]) {
        const { matters, timeline } = await customerAs(graph, caller);
        expect(matters.find((m) => m.subjectId === number)?.handler).toMatchObject({ organization: "huawei", tier: "L1" });
        expect(timeline.find((e) => e.subjectId === number && e.kind === "CASE_OPENED_FROM_RETURN")?.actor).toEqual({ name: PEOPLE.yougouRep.name, organization: "yougou" });
      }
      expect(await written(graph, number, "CASE_OPENED_FROM_RETURN")).toEqual({ timeline: 1, outbox: 1 });
    });

    it("opening from the same return again is CONFLICT naming the case; a retry with the same key replays it", async () => {
      const again = await send(graph, PEOPLE.huaweiL1, OPEN_FROM_RETURN, { r: "RT-0707", s: "HW-MBE-7007001", summary: "again", k: key("open") });
      expect(again.codes).toEqual(["CONFLICT"]);
      expect(again.errors[0].extensions.caseNumber).toBe(number);
      const k = key("open-retry");
      const first = await ok(graph, PEOPLE.yougouRep, OPEN_FROM_RETURN, { r: "RT-900001", s: "HW-MBE-7007001", summary: "retry", k });
      const second = await ok(graph, PEOPLE.yougouRep, OPEN_FROM_RETURN, { r: "RT-900001", s: "HW-MBE-7007001", summary: "retry", k });
      expect(second.openServiceCaseFromReturn.number).toBe(first.openServiceCaseFromReturn.number);
      expect(await written(graph, first.openServiceCaseFromReturn.number, "CASE_OPENED_FROM_RETURN")).toEqual({ timeline: 1, outbox: 1 });
    });

    it("first line takes it from the queue, then escalates L1 -> L2 with a reason", async () => {
      const taken = await ok(graph, PEOPLE.huaweiL1, TAKE_OVER, { n: number, k: key("l1-take"), phone: "950800" });
      expect(taken.takeOverCase).toMatchObject({ ownershipState: "ASSIGNED", handler: { name: PEOPLE.huaweiL1.name, organization: "huawei", tier: "L1" }, handoffCount: 1 });
      const escalated = await ok(graph, PEOPLE.huaweiL1, ESCALATE, { n: number, reason: "apps not in the first-line support list", k: key("esc") });
      expect(escalated.escalateCase).toMatchObject({ status: "ESCALATED", tier: "L2", ownershipState: "ESCALATED", handler: { tier: "L2" } });
      const view = await caseAs(graph, PEOPLE.yougouRep, number);
      expect(view.handoffs[view.handoffs.length - 1]).toMatchObject({ from: { name: PEOPLE.huaweiL1.name, tier: "L1" }, to: { tier: "L2" } });
      expect(view.handoffs[view.handoffs.length - 1].reason).toContain("apps not in the first-line support list");
      const { timeline } = await customerAs(graph, PEOPLE.huaweiL2);
      expect(timeline.find((e) => e.subjectId === number && e.kind === "CASE_ESCALATED")).toMatchObject({ actor: { name: PEOPLE.huaweiL1.name, organization: "huawei" } });
      expect((await send(graph, PEOPLE.huaweiL1, ESCALATE, { n: number, reason: "again", k: key("esc2") })).codes).toEqual(["CONFLICT"]);
    });

    it("the L2 expert takes over: current handler for every party, first line only in the history, handoff count visible", async () => {
      const taken = await ok(graph, PEOPLE.huaweiL2, TAKE_OVER, { n: number, k: key("l2-take"), phone: "950800 ext. 2" });
      expect(taken.takeOverCase).toMatchObject({ ownershipState: "ASSIGNED", handler: { name: PEOPLE.huaweiL2.name, tier: "L2", phone: "950800 ext. 2" }, handoffCount: 3 });
      for (const caller of [PEOPLE.huaweiL1, PEOPLE.huaweiL2, PEOPLE.yougouRep]) {
        const view = await caseAs(graph, caller, number);
        expect(view.handler).toMatchObject({ name: PEOPLE.huaweiL2.name, organization: "huawei", tier: "L2" });
        expect(view.handoffCount).toBe(3);
        expect(view.handoffs.map((h: any) => h.to.name)).toContain(PEOPLE.huaweiL1.name);
        const { matters, timeline } = await customerAs(graph, caller);
        const matter = matters.find((m) => m.subjectId === number && m.kind === "SERVICE_CASE");
        expect(matter.handler).toEqual({ name: PEOPLE.huaweiL2.name, organization: "huawei", tier: "L2" });
        expect(matter.handoffs.map((h: any) => h.to.name)).toContain(PEOPLE.huaweiL1.name);
        expect(timeline.find((e) => e.subjectId === number && e.kind === "CASE_TAKEN_OVER" && e.actor.name === PEOPLE.huaweiL2.name)).toBeDefined();
      }
    });

    it("priority changes with a reason; the same priority again is CONFLICT with the current state", async () => {
      const changed = await ok(graph, PEOPLE.huaweiL2, PRIORITY, { n: number, p: "HIGH", k: key("prio") });
      expect(changed.changeCasePriority.priority).toBe("HIGH");
      expect((await caseAs(graph, PEOPLE.yougouRep, number)).priority).toBe("HIGH");
      const again = await send(graph, PEOPLE.huaweiL2, PRIORITY, { n: number, p: "high", k: key("prio2") });
      expect(again.codes).toEqual(["CONFLICT"]);
      expect(again.errors[0].extensions).toMatchObject({ priority: "HIGH", ownershipState: "ASSIGNED", tier: "L2" });
      expect(await written(graph, number, "CASE_PRIORITY_CHANGED")).toEqual({ timeline: 1, outbox: 1 });
    });

    it("assign names a colleague as owner; assigning the current owner again is CONFLICT", async () => {
      const assigned = await ok(graph, PEOPLE.huaweiL2, ASSIGN, { n: number, name: "王芳 Wang Fang", k: key("assign") });
      expect(assigned.assignCase).toMatchObject({ ownershipState: "ASSIGNED", handler: { name: "王芳 Wang Fang", tier: "L2" } });
      expect((await send(graph, PEOPLE.huaweiL2, ASSIGN, { n: number, name: "王芳 Wang Fang", k: key("assign2") })).codes).toEqual(["CONFLICT"]);
      const back = await ok(graph, PEOPLE.huaweiL2, ASSIGN, { n: number, name: PEOPLE.huaweiL2.name, k: key("assign3") });
      expect(back.assignCase.handler.name).toBe(PEOPLE.huaweiL2.name);
    });

    it("refuses with a code: wrong organization, analyst, unknown ids, wrong state, too-long text", async () => {
      expect((await send(graph, PEOPLE.yougouRep, ESCALATE, { n: number, reason: "x", k: key("e") })).codes).toEqual(["FORBIDDEN"]);
      expect((await send(graph, PEOPLE.aolanPartner, TAKE_OVER, { n: number, k: key("t") })).codes).toEqual(["FORBIDDEN"]);
      expect((await send(graph, PEOPLE.aolanRep, PRIORITY, { n: number, p: "LOW", k: key("p") })).codes).toEqual(["FORBIDDEN"]);
      expect((await send(graph, PEOPLE.analystGu, ESCALATE, { n: number, reason: "x", k: key("e") })).codes).toEqual(["FORBIDDEN"]);
      expect((await send(graph, PEOPLE.aolanRep, OPEN_FROM_RETURN, { r: "RT-900002", s: "HW-MBE-7007001", summary: "x", k: key("o") })).codes).toEqual(["FORBIDDEN"]);
      expect((await send(graph, PEOPLE.huaweiL2, ESCALATE, { n: "CS-HW-NOPE", reason: "x", k: key("e") })).codes).toEqual(["NOT_FOUND"]);
      expect((await send(graph, PEOPLE.yougouRep, OPEN_FROM_RETURN, { r: "RT-900003", s: "HW-NOPE-1", summary: "x", k: key("o") })).codes).toEqual(["NOT_FOUND"]);
      expect((await send(graph, PEOPLE.yougouRep, OPEN_FROM_RETURN, { r: "RX-1", s: "HW-MBE-7007001", summary: "x", k: key("o") })).codes).toEqual(["BAD_USER_INPUT"]);
      expect((await send(graph, PEOPLE.huaweiL2, ESCALATE, { n: number, reason: "x".repeat(501), k: key("e") })).codes).toEqual(["BAD_USER_INPUT"]);
      expect((await send(graph, PEOPLE.huaweiL2, PRIORITY, { n: number, p: "SOON", k: key("p") })).codes).toEqual(["BAD_USER_INPUT"]);
      expect((await send(graph, PEOPLE.huaweiL2, TRANSFER, { n: number, to: "acme", k: key("t") })).codes).toEqual(["BAD_USER_INPUT"]);
      // Wrong state: an owned case is not taken over (assign is how a colleague gets it); a closed one accepts nothing.
      const owned = await send(graph, PEOPLE.huaweiL1, TAKE_OVER, { n: number, k: key("t") });
      expect(owned.codes).toEqual(["CONFLICT"]);
      expect(owned.errors[0].extensions).toMatchObject({ ownershipState: "ASSIGNED", status: "ESCALATED" });
      const closed = await send(graph, { role: "rep", org: "xinghai", sub: "rep-xinghai", name: "Xinghai rep" }, ESCALATE, { n: "CS-XH-4001", reason: "x", k: key("e") });
      expect(closed.codes).toEqual(["CONFLICT"]);
      expect(closed.errors[0].extensions).toMatchObject({ status: "CLOSED", ownershipState: "CLOSED" });
    });
  });

  describe("transfer to another organization (S5: maker -> repair contractor)", () => {
    let number: string;
    beforeAll(async () => {
      number = (await openFromReturn(graph, "RT-900010")).number;
    });

    it("the contractor sees nothing before the transfer", async () => {
      expect((await send(graph, PEOPLE.kuaixiuPartner, `query($n: String!) { serviceCase(number: $n) { number } }`, { n: number })).codes).toEqual(["FORBIDDEN"]);
    });

    it("the receiver becomes a party and the handler; the sender keeps read access but no longer acts as owner", async () => {
      const moved = await ok(graph, PEOPLE.huaweiL1, TRANSFER, { n: number, to: "kuaixiu", k: key("transfer") });
      expect(moved.transferCase).toMatchObject({ owningOrganization: "kuaixiu", ownershipState: "QUEUED", handler: { organization: "kuaixiu" } });
      expect(moved.transferCase.parties.map((p: any) => p.organization)).toEqual(expect.arrayContaining(["huawei", "yougou", "kuaixiu"]));
      for (const caller of [PEOPLE.kuaixiuPartner, PEOPLE.huaweiL1, PEOPLE.yougouRep]) {
        const view = await caseAs(graph, caller, number);
        expect(view).toMatchObject({ owningOrganization: "kuaixiu", handler: { organization: "kuaixiu" } });
        expect(view.transfers).toEqual([{ fromOrganization: "huawei", toOrganization: "kuaixiu", reason: "needs an on-site repair", by: { name: PEOPLE.huaweiL1.name, organization: "huawei" } }]);
      }
      const { matters, timeline } = await customerAs(graph, PEOPLE.yougouRep);
      expect(matters.find((m) => m.subjectId === number)?.handler).toMatchObject({ organization: "kuaixiu" });
      expect(timeline.find((e) => e.subjectId === number && e.kind === "CASE_TRANSFERRED")?.actor).toEqual({ name: PEOPLE.huaweiL1.name, organization: "huawei" });
      // The sender reads but may not act as owner any more; the receiver may.
      expect((await send(graph, PEOPLE.huaweiL1, TAKE_OVER, { n: number, k: key("t") })).codes).toEqual(["FORBIDDEN"]);
      expect((await send(graph, PEOPLE.huaweiL1, TRANSFER, { n: number, to: "yougou", k: key("t") })).codes).toEqual(["FORBIDDEN"]);
      const taken = await ok(graph, PEOPLE.kuaixiuPartner, TAKE_OVER, { n: number, k: key("kx-take") });
      expect(taken.takeOverCase.handler).toMatchObject({ name: PEOPLE.kuaixiuPartner.name, organization: "kuaixiu" });
      expect((await send(graph, PEOPLE.kuaixiuPartner, TRANSFER, { n: number, to: "kuaixiu", k: key("t") })).codes).toEqual(["CONFLICT"]);
    });
  });

  describe("racing conflicting actions: exactly one transition", () => {
    it("20 experts take the same escalated case over at once: one owner, one timeline entry, one event", async () => {
      const number = (await openFromReturn(graph, "RT-900020")).number;
      await ok(graph, PEOPLE.huaweiL1, ESCALATE, { n: number, reason: "needs an expert", k: key("esc") });
      const experts = Array.from({ length: 20 }, (_, i) => ({ role: "rep" as const, org: "huawei", sub: `rep-huawei-l2-${i}`, name: `Expert ${i} (Huawei L2)` }));
      const answers = await Promise.all(experts.map((expert) => send(graph, expert, TAKE_OVER, { n: number, k: key("race") })));
      const winners = answers.filter((a) => a.codes.length === 0);
      expect(winners).toHaveLength(1);
      expect(answers.filter((a) => a.codes.join() === "CONFLICT")).toHaveLength(19);
      const view = await caseAs(graph, PEOPLE.yougouRep, number);
      expect(view.handler.name).toBe(winners[0].data.takeOverCase.handler.name);
      expect(view.handoffs.filter((h: any) => h.to.name.startsWith("Expert "))).toHaveLength(1);
      expect(await written(graph, number, "CASE_TAKEN_OVER")).toEqual({ timeline: 1, outbox: 1 });
    });

    it("20 transfers of one case to different organizations at once: one wins", async () => {
      const number = (await openFromReturn(graph, "RT-900021")).number;
      const targets = ["kuaixiu", "yougou", "jiangcheng", "unicom", "aolan"];
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(graph, { ...PEOPLE.huaweiL1, sub: `rep-huawei-${i}` }, TRANSFER, { n: number, to: targets[i % targets.length], k: key("race") })));
      expect(answers.filter((a) => a.codes.length === 0)).toHaveLength(1);
      expect(answers.filter((a) => a.codes.length === 1 && ["CONFLICT", "FORBIDDEN"].includes(a.codes[0]))).toHaveLength(19);
      const view = await caseAs(graph, PEOPLE.yougouRep, number);
      expect(view.transfers).toHaveLength(1);
      expect(await written(graph, number, "CASE_TRANSFERRED")).toEqual({ timeline: 1, outbox: 1 });
    });

    it("20 opens of the same return at once: one case", async () => {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(graph, { ...PEOPLE.yougouRep, sub: `rep-yougou-${i}` }, OPEN_FROM_RETURN, { r: "RT-900022", s: "HW-MBE-7007001", summary: "race", k: key("race") })));
      const winners = answers.filter((a) => a.codes.length === 0);
      expect(winners).toHaveLength(1);
      expect(answers.filter((a) => a.codes.join() === "CONFLICT")).toHaveLength(19);
      expect(await written(graph, winners[0].data.openServiceCaseFromReturn.number, "CASE_OPENED_FROM_RETURN")).toEqual({ timeline: 1, outbox: 1 });
    });
  });
});
