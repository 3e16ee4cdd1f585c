import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import type { DB } from "../../../subgraphs/billing/db/tables";
import { billingSubgraph } from "../../../subgraphs/billing/subgraph";
import { ANALYST, UNICOM_REP, dataOf, errorCode } from "./support";

const OPEN = `mutation($account: String!, $invoice: String!, $reason: String!, $key: String!) {
  openBillingDispute(accountNumber: $account, invoiceNumber: $invoice, reason: $reason, idempotencyKey: $key) {
    id status reason openedBy { name organization } account { number } invoice { number }
    handledBy { team organization phone }
  }
}`;

describeEachDatabase("billing disputes", (target) => {
  let subgraph: TestSubgraph<DB>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(billingSubgraph, target);
  });
  afterAll(() => subgraph.stop());

  const counts = async (account: string) => {
    const db = subgraph.running.database.db;
    const [disputes, events, handlers] = await Promise.all([
      db.selectFrom("billing_disputes").select("id").where("account_number", "=", account).execute(),
      db.selectFrom("timeline_events").select("id").where("owner_id", "=", account).execute(),
      db.selectFrom("matter_handlers").select("id").where("matter_kind", "=", "BILLING_DISPUTE").execute(),
    ]);
    return { disputes: disputes.length, events: events.length, handlers: handlers.length };
  };

  it("opens a dispute once: routed to the billing team, on the timeline, and a repeat changes nothing", async () => {
    const before = await counts("BA-1001");
    const variables = { account: "ba-1001", invoice: "INV-1001-0024", reason: "  套餐费多扣了 charged twice for the plan  ", key: "dispute-k1" };
    const first = dataOf(await subgraph.query(OPEN, variables, UNICOM_REP)).openBillingDispute;
    expect(first).toMatchObject({
      status: "OPEN",
      reason: "套餐费多扣了 charged twice for the plan",
      openedBy: { name: UNICOM_REP.name, organization: "unicom" },
      account: { number: "BA-1001" },
      invoice: { number: "INV-1001-0024" },
      handledBy: { organization: "unicom", phone: "10010" },
    });
    expect(first.handledBy.team).toMatch(/billing/);
    const afterFirst = await counts("BA-1001");
    expect(afterFirst).toEqual({ disputes: before.disputes + 1, events: before.events + 1, handlers: before.handlers + 1 });

    const event = await subgraph.running.database.db.selectFrom("timeline_events").selectAll().where("subject_id", "=", first.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ owner_id: "BA-1001", kind: "DISPUTE_OPENED", actor_name: UNICOM_REP.name, actor_org: "unicom", subject_type: "BillingDispute" });

    const repeat = dataOf(await subgraph.query(OPEN, variables, UNICOM_REP)).openBillingDispute;
    expect(repeat).toEqual(first);
    expect(await counts("BA-1001")).toEqual(afterFirst);

    const view = dataOf(await subgraph.query(`{ billingAccount(number: "BA-1001") { disputes { id status } } }`));
    expect(view.billingAccount.disputes).toEqual([{ id: first.id, status: "OPEN" }]);
  });

  it("two reps disputing the same invoice at once end with one open dispute and one CONFLICT", async () => {
    const before = await counts("BA-1002");
    const results = await Promise.all(
      ["race-a", "race-b"].map((key) => subgraph.query(OPEN, { account: "BA-1002", invoice: "INV-1002-0013", reason: "wrong amount", key }, UNICOM_REP)),
    );
    const won = results.filter((r) => !r.body.errors);
    const lost = results.filter((r) => r.body.errors);
    expect(won).toHaveLength(1);
    expect(lost.map(errorCode)).toEqual(["CONFLICT"]);
    expect(await counts("BA-1002")).toEqual({ disputes: before.disputes + 1, events: before.events + 1, handlers: before.handlers + 1 });
  });

  it("the same key sent twice at once opens one dispute and answers both alike", async () => {
    const before = await counts("BA-5001");
    const variables = { account: "BA-5001", invoice: "INV-5001-0008", reason: "STB rental charged after return", key: "double-click" };
    const results = await Promise.all([1, 2].map(() => subgraph.query(OPEN, variables, UNICOM_REP)));
    const [a, b] = results.map((r) => dataOf(r).openBillingDispute);
    expect(b.id).toBe(a.id);
    expect(a.handledBy.organization).toBe("jiangcheng");
    expect(await counts("BA-5001")).toEqual({ disputes: before.disputes + 1, events: before.events + 1, handlers: before.handlers + 1 });
  });

  it.each([
    [{ account: "BA-1001", invoice: "INV-1001-0023", reason: "   ", key: "bad-1" }, "BAD_USER_INPUT"],
    [{ account: "BA 1001", invoice: "INV-1001-0023", reason: "x", key: "bad-2" }, "BAD_USER_INPUT"],
    [{ account: "BA-1001", invoice: "INV-1001-0023", reason: "x".repeat(2001), key: "bad-3" }, "BAD_USER_INPUT"],
    [{ account: "BA-0404", invoice: "INV-1001-0023", reason: "x", key: "bad-4" }, "NOT_FOUND"],
    [{ account: "BA-1001", invoice: "INV-2001-0018", reason: "someone else's bill", key: "bad-5" }, "NOT_FOUND"],
    [{ account: "BA-4001", invoice: "INV-4001-0003", reason: "already disputed", key: "bad-6" }, "CONFLICT"],
  ])("refuses %p with %s and writes nothing", async (variables, code) => {
    const before = await counts(variables.account.replace(" ", "-"));
    const result = await subgraph.query(OPEN, variables, UNICOM_REP);
    expect(errorCode(result)).toBe(code);
    expect(result.body.data?.openBillingDispute ?? null).toBeNull();
    expect(await counts(variables.account.replace(" ", "-"))).toEqual(before);
  });

  it("analysts may read but not open disputes", async () => {
    const result = await subgraph.query(OPEN, { account: "BA-1001", invoice: "INV-1001-0022", reason: "x", key: "analyst-1" }, ANALYST);
    expect(errorCode(result)).toBe("FORBIDDEN");
  });
});
