/**
 * S3. The bill nobody can explain: a family bundle and a 50-line corporate account, each
 * line's plan and add-ons, invoices itemized with the rule behind every charge, usage,
 * payments and balance; a shared home phone finds both family members.
 */
import { describeEachDatabase } from "../helpers/databases";
import type { Graph } from "../helpers/graphHarness";
import { sharedGraph } from "../helpers/sharedGraph";
import { PEOPLE } from "../helpers/people";
import { ask, isNewestFirst } from "./storyKit";

const ACCOUNT = `
query Account($number: String!) {
  billingAccount(number: $number) {
    number provider type status holderName balanceFen balanceYuan lineCount
    bundleRules { code description monthlyCapFen }
    lines(first: 100) {
      number position kind memberName memberRole status
      plan { code name monthlyFeeFen }
      addOns { code name feeFen }
      usage { period callMinutes dataMb sms }
    }
    invoices { number period issuedAt dueAt totalFen totalYuan status paidAt items { position description lineNumber amountFen amountYuan rule quantity unit } }
    payments { id at amountFen amountYuan method invoiceNumber }
    suspensions { id }
  }
}`;

const yuan = (fen: number) => (fen / 100).toFixed(2);

function checkInvoices(account: any): void {
  expect(account.invoices.length).toBeGreaterThan(0);
  expect(isNewestFirst(account.invoices.map((i: any) => i.period))).toBe(true);
  const lineNumbers = new Set(account.lines.map((l: any) => l.number));
  for (const invoice of account.invoices) {
    expect(invoice.items.length).toBeGreaterThan(0);
    expect(invoice.items.map((i: any) => i.position)).toEqual(invoice.items.map((_: any, i: number) => i + 1));
    // The items add up to the bill, and every charge names the rule behind it.
    expect(invoice.items.reduce((sum: number, i: any) => sum + i.amountFen, 0)).toBe(invoice.totalFen);
    expect(invoice.totalYuan).toBe(yuan(invoice.totalFen));
    for (const item of invoice.items) {
      expect(item.rule.trim().length).toBeGreaterThan(5);
      expect(item.amountYuan).toBe(yuan(item.amountFen));
      if (item.lineNumber !== null) expect(lineNumbers).toContain(item.lineNumber);
    }
  }
  // Payments settle invoices of this account.
  const invoiceNumbers = new Set(account.invoices.map((i: any) => i.number));
  for (const payment of account.payments) {
    expect(payment.amountFen).toBeGreaterThan(0);
    if (payment.invoiceNumber) expect(invoiceNumbers).toContain(payment.invoiceNumber);
  }
  expect(account.balanceYuan).toBe(yuan(account.balanceFen));
}

describeEachDatabase("S3 the bills: family bundle and corporate settlement account", (target) => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await sharedGraph(target);
  });
  afterAll(() => graph?.stop());

  it("family bundle BA-2001: members' lines, plans, add-ons, bundle rules, usage, invoices with the rule behind each charge", async () => {
    const account = (await ask(graph, PEOPLE.unicomRep, ACCOUNT, { number: "BA-2001" })).billingAccount;
    expect(account).toMatchObject({ number: "BA-2001", provider: "unicom", type: "FAMILY_BUNDLE", holderName: "张伟" });
    // Four mobile lines (him, his parents, his child) and the home broadband.
    expect(account.lineCount).toBe(5);
    expect(account.lines.filter((l: any) => l.kind === "MOBILE")).toHaveLength(4);
    expect(account.lines.filter((l: any) => l.kind === "BROADBAND").map((l: any) => l.number)).toEqual(["02787654321"]);
    expect(account.lines.map((l: any) => l.memberName)).toEqual(expect.arrayContaining(["张伟", "张建国"]));
    expect(account.lines.map((l: any) => l.memberRole)).toEqual(expect.arrayContaining(["HOLDER", "PARENT", "CHILD"]));
    for (const line of account.lines) {
      expect(line.plan?.code).toBeTruthy();
      expect(line.usage.period).toMatch(/^\d{4}-\d{2}$/);
      expect(line.usage.callMinutes).toBeGreaterThanOrEqual(0);
    }
    expect(account.lines.flatMap((l: any) => l.addOns).length).toBeGreaterThan(0);
    // Free calls among members, and the whole family under 200 yuan a month.
    const rules = account.bundleRules.map((r: any) => r.description).join(" | ");
    expect(rules).toMatch(/free/i);
    const cap = account.bundleRules.find((r: any) => r.monthlyCapFen !== null);
    expect(cap.monthlyCapFen).toBeLessThanOrEqual(20000);
    checkInvoices(account);
    const latest = account.invoices[0];
    expect(latest.totalFen).toBeLessThanOrEqual(cap.monthlyCapFen);
    expect(latest.items.some((i: any) => /free calls/i.test(i.rule) && i.amountFen === 0)).toBe(true);
    expect(latest.items.some((i: any) => i.rule.includes(cap.code))).toBe(true);
    expect(account.payments.length).toBeGreaterThan(0);
    expect(account.suspensions).toEqual([]);
  });

  it("corporate BA-3001: 50 lines settled on one account, 1-17 plan A + X, 18-41 plan B + Y, 42-50 plan C", async () => {
    const account = (await ask(graph, PEOPLE.unicomRep, ACCOUNT, { number: "BA-3001" })).billingAccount;
    expect(account).toMatchObject({ number: "BA-3001", type: "CORPORATE_SETTLEMENT", lineCount: 50 });
    expect(account.lines.map((l: any) => l.position)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(account.lines.map((l: any) => l.number)).size).toBe(50);
    const offer = (l: any) => `${l.plan.code}+${l.addOns.map((a: any) => a.code).sort().join(",")}`;
    const group = (from: number, to: number) => new Set(account.lines.slice(from - 1, to).map(offer));
    const [a, b, c] = [group(1, 17), group(18, 41), group(42, 50)];
    for (const g of [a, b, c]) expect(g.size).toBe(1);
    const [offerA, offerB, offerC] = [[...a][0], [...b][0], [...c][0]] as string[];
    expect(new Set([offerA, offerB, offerC]).size).toBe(3);
    expect(offerA).toMatch(/-A\+.*X$/);
    expect(offerB).toMatch(/-B\+.*Y$/);
    expect(offerC).toMatch(/-C\+$/); // plan C, no add-on
    checkInvoices(account);
    // The settlement bill charges the three groups: 17 + 24 + 9 plan fees, 17 X and 24 Y add-ons.
    const perLine = account.invoices[0].items.filter((i: any) => i.unit === "line");
    const quantities = (pattern: RegExp) => perLine.filter((i: any) => pattern.test(i.rule)).map((i: any) => i.quantity);
    expect(quantities(/^Plan .*-A\b/)).toEqual([17]);
    expect(quantities(/^Plan .*-B\b/)).toEqual([24]);
    expect(quantities(/^Plan .*-C\b/)).toEqual([9]);
    expect(quantities(/^Add-on .*-X\b/)).toEqual([17]);
    expect(quantities(/^Add-on .*-Y\b/)).toEqual([24]);
    const planFee = (position: number) => account.lines[position - 1].plan.monthlyFeeFen;
    const planA = perLine.find((i: any) => /^Plan .*-A\b/.test(i.rule));
    expect(planA.amountFen).toBe(17 * planFee(1));
  });

  it("usage, payments and balance of an individual account", async () => {
    const data = await ask(graph, PEOPLE.unicomRep, `{ customer(id: "C-S1") { billingAccounts { number type balanceFen balanceYuan lines { usage { period callMinutes dataMb sms } } payments { amountFen } invoices { totalFen status } } } }`);
    const [account] = data.customer.billingAccounts;
    expect(account).toMatchObject({ number: "BA-1001", type: "INDIVIDUAL" });
    expect(account.lines[0].usage.period).toMatch(/^\d{4}-\d{2}$/);
    expect(account.balanceYuan).toBe(yuan(account.balanceFen));
    expect(account.invoices.length).toBeGreaterThan(0);
  });

  it("the shared home phone 027-8765-4321 returns both family members as candidates, not an arbitrary pick", async () => {
    for (const phone of ["027-8765-4321", "02787654321", "(027) 8765 4321"]) {
      const data = await ask(
        graph,
        PEOPLE.unicomRep,
        `query Home($phone: String!) { findCustomers(identifier: $phone) { result { kind normalized candidates { matchedBy customer { id name } } } } customersByPhone(phone: $phone) { id } }`,
        { phone },
      );
      const result = data.findCustomers.result;
      expect(result).toMatchObject({ kind: "phone", normalized: "02787654321" });
      expect(result.candidates.map((c: any) => c.customer.id).sort()).toEqual(["C-S3", "C-S3P"]);
      for (const candidate of result.candidates) expect(candidate.matchedBy).toContain("phone");
      expect(data.customersByPhone.map((c: any) => c.id).sort()).toEqual(["C-S3", "C-S3P"]);
    }
  });
});
