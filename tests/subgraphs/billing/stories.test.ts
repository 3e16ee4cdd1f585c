import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import type { DB } from "../../../subgraphs/billing/db/tables";
import { billingSubgraph } from "../../../subgraphs/billing/subgraph";
import { dataOf, errorCode } from "./support";

const DAY = 86_400_000;

describeEachDatabase("billing story data", (target) => {
  let subgraph: TestSubgraph<DB>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(billingSubgraph, target);
  });
  afterAll(() => subgraph.stop());

  it("S3: the family bundle shows its members, rules and an itemized bill under the cap", async () => {
    const data = dataOf(
      await subgraph.query(`{
        billingAccount(number: "ba-2001") {
          number type holderName holderNameLatin provider
          bundleRules { code monthlyCapFen }
          lines { number kind memberName memberRole plan { code } addOns { code } usage { callMinutes dataMb } }
          invoices(first: 1) { number totalFen status items { description lineNumber amountFen rule quantity unit } }
        }
      }`),
    );
    const account = data.billingAccount;
    expect(account).toMatchObject({ number: "BA-2001", type: "FAMILY_BUNDLE", holderName: "张伟", holderNameLatin: "Zhang Wei", provider: "unicom" });
    expect(account.lines.filter((l: { kind: string }) => l.kind === "MOBILE")).toHaveLength(4);
    expect(account.lines.filter((l: { kind: string }) => l.kind === "BROADBAND")).toHaveLength(1);
    expect(account.lines).toContainEqual(expect.objectContaining({ number: "13122223333", memberName: "张建国", memberRole: "PARENT" }));
    expect(account.lines.find((l: { memberRole: string }) => l.memberRole === "CHILD").addOns).toEqual([{ code: "ADD-VIDEO-15" }]);

    const cap = account.bundleRules.find((r: { code: string }) => r.code === "FAM-CAP-200").monthlyCapFen;
    expect(cap).toBe(20000);
    const [invoice] = account.invoices;
    const sum = invoice.items.reduce((total: number, item: { amountFen: number }) => total + item.amountFen, 0);
    expect(invoice.totalFen).toBe(sum);
    expect(invoice.totalFen).toBeLessThanOrEqual(cap);
    expect(invoice.items).toContainEqual(expect.objectContaining({ amountFen: 0, rule: "family free calls: 0 yuan for 132 min", quantity: 132, unit: "min" }));
    expect(invoice.items.every((item: { rule: string }) => item.rule.length > 0)).toBe(true);
    expect(invoice.items.some((item: { amountFen: number; rule: string }) => item.amountFen < 0 && item.rule.includes("FAM-CAP-200"))).toBe(true);
  });

  it("S3: the corporate account settles 50 lines in three plan groups", async () => {
    const data = dataOf(
      await subgraph.query(`{
        billingAccount(number: "BA-3001") {
          type lineCount
          lines(first: 100) { position number plan { code } addOns { code } }
          invoices(first: 2) { number totalFen items { description amountFen rule quantity unit } }
        }
      }`),
    );
    const account = data.billingAccount;
    expect(account.type).toBe("CORPORATE_SETTLEMENT");
    expect(account.lineCount).toBe(50);
    expect(account.lines.map((l: { position: number }) => l.position)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const expected = (position: number) => (position <= 17 ? ["UNI-CORP-A", ["ADD-X"]] : position <= 41 ? ["UNI-CORP-B", ["ADD-Y"]] : ["UNI-CORP-C", []]);
    for (const line of account.lines) {
      const [plan, addOns] = expected(line.position);
      expect([line.position, line.plan.code, line.addOns.map((a: { code: string }) => a.code)]).toEqual([line.position, plan, addOns]);
    }
    const [latest] = account.invoices;
    expect(latest.items.reduce((total: number, item: { amountFen: number }) => total + item.amountFen, 0)).toBe(latest.totalFen);
    expect(latest.items).toContainEqual(expect.objectContaining({ quantity: 17, unit: "line", rule: expect.stringContaining("UNI-CORP-A") }));
    expect(latest.items).toContainEqual(expect.objectContaining({ quantity: 24, unit: "line", rule: expect.stringContaining("ADD-Y") }));
    expect(latest.items).toContainEqual(expect.objectContaining({ quantity: 9, unit: "line", rule: expect.stringContaining("UNI-CORP-C") }));
    // Two invoices, newest first.
    expect(account.invoices.map((i: { number: string }) => i.number)).toEqual(["INV-3001-0012", "INV-3001-0011"]);
  });

  it("S4: the suspension came 2 days after the missed due date, and the outage on her line has no explanation", async () => {
    const data = dataOf(
      await subgraph.query(`{
        billingAccount(number: "BA-4001") {
          status balanceFen balanceYuan
          suspensions { status from until reason triggeringInvoice { number status dueAt totalYuan } }
          outages { id status explanation to }
          disputes { id status handledBy { name tier organization } promises { overdue overdueText status } }
        }
        billingLine(number: "027-8700-4444") { number kind status outages { id } account { number } }
        outage(id: "out-4001") { id status explanation cause affectedLineCount affectedLines { number account { number holderName } } }
      }`),
    );
    const account = data.billingAccount;
    expect(account).toMatchObject({ status: "SUSPENDED", balanceFen: -12800, balanceYuan: "-128.00" });
    const [suspension] = account.suspensions;
    expect(suspension).toMatchObject({ status: "ACTIVE", until: null, triggeringInvoice: { status: "OVERDUE", totalYuan: "128.00" } });
    const gap = (Date.parse(suspension.from) - Date.parse(suspension.triggeringInvoice.dueAt)) / DAY;
    expect(gap).toBeGreaterThan(1.5);
    expect(gap).toBeLessThan(2.5);

    expect(account.outages).toEqual([{ id: "OUT-4001", status: "ONGOING", explanation: null, to: null }]);
    expect(data.billingLine).toMatchObject({ number: "02787004444", kind: "BROADBAND", status: "SUSPENDED", outages: [{ id: "OUT-4001" }], account: { number: "BA-4001" } });
    expect(data.outage).toMatchObject({ id: "OUT-4001", explanation: null, affectedLineCount: 1 });
    expect(data.outage.cause).toBeTruthy();
    expect(data.outage.affectedLines).toEqual([{ number: "02787004444", account: { number: "BA-4001", holderName: "赵敏" } }]);

    const [dispute] = account.disputes;
    expect(dispute).toMatchObject({ id: "DSP-4001", status: "OPEN", handledBy: { name: "黄蕾 Huang Lei", tier: "L2", organization: "unicom" } });
    expect(dispute.promises[0]).toMatchObject({ status: "OPEN", overdue: true, overdueText: expect.stringMatching(/days late$/) });
  });

  it("S5 and the individual accounts: cable TV with the rented set-top box; phones found however typed", async () => {
    const data = dataOf(
      await subgraph.query(`{
        liu: billingAccount(number: "BA-5001") { provider providerName lines { number kind equipmentSerial addOns { code feeYuan } } payments { amountYuan method } }
        wang: billingLine(number: "+86 138 0719 1234") { number account { number holderName } plan { code monthlyFeeYuan } }
        li: billingLine(number: "8613912345678") { number account { number suspensions { status until } } }
        unknownAccount: billingAccount(number: "BA-0000") { number }
        unknownLine: billingLine(number: "13900000000") { number }
        unknownInvoice: invoice(number: "INV-0000-0000") { number }
        invoice(number: "inv-1001-0024") { number status account { number } }
      }`),
    );
    expect(data.liu.provider).toBe("jiangcheng");
    expect(data.liu.lines).toEqual([{ number: "JC-TV-5001", kind: "CABLE_TV", equipmentSerial: "STB-HT-20250505", addOns: [{ code: "JC-STB-RENT", feeYuan: "10.00" }] }]);
    expect(data.liu.payments.length).toBeGreaterThan(0);
    expect(data.wang).toMatchObject({ number: "13807191234", account: { number: "BA-1001", holderName: "王磊" }, plan: { code: "UNI-IND-59", monthlyFeeYuan: "59.00" } });
    expect(data.li.account.suspensions[0]).toMatchObject({ status: "LIFTED" });
    expect(data.li.account.suspensions[0].until).not.toBeNull();
    expect([data.unknownAccount, data.unknownLine, data.unknownInvoice]).toEqual([null, null, null]);
    expect(data.invoice).toMatchObject({ number: "INV-1001-0024", status: "UNPAID", account: { number: "BA-1001" } });
  });

  it.each([
    ['billingAccount(number: "BA 1001!") { number }', "number"],
    [`billingAccount(number: "${"B".repeat(41)}") { number }`, "number"],
    ['billingLine(number: "12ab!") { number }', "number"],
    ['outage(id: "") { id }', "id"],
    ['billingAccount(number: "BA-1001") { invoices(first: 0) { number } }', "first"],
    ['billingAccount(number: "BA-1001") { lines(first: 101) { number } }', "first"],
    ['outage(id: "OUT-4001") { affectedLines(first: -1) { number } }', "first"],
  ])("refuses malformed input: %s", async (selection, argument) => {
    const result = await subgraph.query(`{ ${selection} }`);
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.body.errors?.[0]?.extensions?.argument).toBe(argument);
  });

  it("answers nothing without the gateway's token", async () => {
    const result = await subgraph.query(`{ billingAccount(number: "BA-1001") { number } }`, {}, null);
    expect(result.status).toBe(401);
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
    expect(result.body.data).toBeUndefined();
  });
});
