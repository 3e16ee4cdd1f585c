import { addCommitment, addHours, assignHandler, daysAgo, daysFromNow } from "../../kit";
import { DISPUTE_MATTER } from "../loaders";
import { DISPUTE_TEAMS } from "../teams";
import { BILLING_SYSTEM, StoryBuilder, feeItem } from "./builder";
import { account, line } from "./people";

const HOTLINE_REP = { name: "刘芳 Liu Fang", role: "rep", organization: "unicom", team: "联通10010热线 Unicom 10010 hotline" };
const BILLING_EXPERT = {
  name: "黄蕾 Huang Lei",
  team: DISPUTE_TEAMS.unicom.team,
  organization: "unicom",
  tier: "L2",
  phone: "027-8620-1010",
  hours: "09:00-17:30 Mon-Fri",
};

/**
 * S4: 赵敏 Zhao Min misses a payment; the network is cut 2 days after the due date; her
 * dispute is escalated and the promised written explanation is overdue; meanwhile an
 * outage hits her broadband and nobody explains it.
 */
export function zhaoMin(b: StoryBuilder): void {
  const zhao = account({
    number: "BA-4001", provider: "unicom", type: "INDIVIDUAL", holder_name: "赵敏", holder_name_latin: "Zhao Min", contact_phone: "18627004444",
    address: "武汉市洪山区关山大道316号", address_latin: "316 Guanshan Avenue, Hongshan District, Wuhan", status: "SUSPENDED", balance_fen: -12800, opened_at: daysAgo(800),
  });
  b.accounts.push(zhao);
  b.lines.push(
    line(zhao.number, { number: "18627004444", position: 1, member: ["赵敏", "Zhao Min"], role: "HOLDER", plan: "UNI-IND-59", activatedAt: daysAgo(800), usage: [38, 2200, 4], status: "SUSPENDED" }),
    line(zhao.number, { number: "02787004444", position: 2, kind: "BROADBAND", member: ["赵敏 (家庭宽带)", "Zhao Min (home broadband)"], role: "HOLDER", plan: "UNI-BB-100M", activatedAt: daysAgo(780), status: "SUSPENDED" }),
  );
  const items = () => [feeItem("18627004444", "UNI-IND-59", "冰激凌59 Ice Cream 59 monthly fee"), feeItem("02787004444", "UNI-BB-100M", "100M home broadband monthly fee")];
  b.invoice(zhao, { number: "INV-4001-0001", issuedAt: daysAgo(95, "02:00"), dueAt: daysAgo(80, "23:59"), items: items(), paid: { at: daysAgo(81, "19:05"), method: "ALIPAY" } });
  b.invoice(zhao, { number: "INV-4001-0002", issuedAt: daysAgo(65, "02:00"), dueAt: daysAgo(50, "23:59"), items: items(), paid: { at: daysAgo(51, "21:30"), method: "ALIPAY" } });
  // Due at 23:59 Beijing time; the cut came exactly two days later.
  const dueAt = daysAgo(20, "15:59");
  const suspendedAt = addHours(dueAt, 48);
  b.invoice(zhao, { number: "INV-4001-0003", issuedAt: daysAgo(35, "02:00"), dueAt, items: items() });

  b.event(zhao, { at: addHours(dueAt, 0.1), kind: "PAYMENT_MISSED", summary: "Payment missed: INV-4001-0003 (¥128.00) not paid by its due date", actor: BILLING_SYSTEM.unicom, subjectType: "Invoice", subjectId: "INV-4001-0003" });
  b.suspensions.push({ id: "SUS-4001", account_number: zhao.number, reason: "Invoice INV-4001-0003 (¥128.00) unpaid 2 days after its due date", from_at: suspendedAt, until_at: null, status: "ACTIVE", invoice_number: "INV-4001-0003" });
  b.event(zhao, {
    at: suspendedAt, kind: "SUSPENDED",
    summary: "Service suspended on BA-4001 (mobile 186****4444 and broadband 027-8700-4444): INV-4001-0003 unpaid 2 days after its due date",
    actor: BILLING_SYSTEM.unicom, subjectType: "BillingAccount", subjectId: zhao.number,
  });

  const openedAt = daysAgo(16, "10:20");
  const escalatedAt = daysAgo(15, "14:00");
  b.disputes.push({
    id: "DSP-4001", account_number: zhao.number, invoice_number: "INV-4001-0003", opened_at: openedAt,
    reason: "赵敏 says service was cut only 2 days after the due date, without any reminder; asks why, and for restoration once she pays",
    status: "OPEN", closed_at: null, opened_by_name: HOTLINE_REP.name, opened_by_role: HOTLINE_REP.role, opened_by_org: HOTLINE_REP.organization,
  });
  b.event(zhao, { at: openedAt, kind: "DISPUTE_OPENED", summary: "Billing dispute DSP-4001 opened by phone: cut off 2 days after the due date without a reminder", actor: HOTLINE_REP, subjectType: "BillingDispute", subjectId: "DSP-4001" });
  b.event(zhao, {
    at: escalatedAt, kind: "DISPUTE_ESCALATED",
    summary: "Dispute DSP-4001 escalated from the 10010 hotline to 黄蕾 Huang Lei (billing disputes); written explanation promised within 7 days",
    actor: HOTLINE_REP, subjectType: "BillingDispute", subjectId: "DSP-4001",
  });

  b.outages.push({
    id: "OUT-4001", provider: "unicom", area: "武汉市洪山区关山街道", area_latin: "Guanshan Subdistrict, Hongshan District, Wuhan",
    started_at: daysAgo(2, "07:30"), ended_at: null, cause: "Backbone fibre cut at the Guanshan aggregation node during road works", explanation: null, status: "ONGOING",
  });
  b.outageLines.push({ outage_id: "OUT-4001", line_number: "02787004444" });
  b.event(zhao, {
    at: daysAgo(2, "07:30"), kind: "OUTAGE_STARTED",
    summary: "Outage OUT-4001 in 洪山区关山街道 (Guanshan, Hongshan) hit broadband 027-8700-4444; no explanation given to customers",
    actor: { name: "联通网络监控中心 Unicom NOC", role: "system", organization: "unicom" }, subjectType: "Outage", subjectId: "OUT-4001",
  });

  b.after.push(async (db) => {
    const matter = { kind: DISPUTE_MATTER, id: "DSP-4001" };
    await assignHandler(db, matter, { ...HOTLINE_REP, tier: "L1", phone: "10010", hours: "24/7" }, openedAt);
    await assignHandler(db, matter, BILLING_EXPERT, escalatedAt, "Escalated: suspension timing needs a billing review");
    await addCommitment(db, matter, {
      id: "CMT-DSP-4001-1",
      description: "Explain in writing why service was cut 2 days after the due date",
      dueAt: daysAgo(8, "14:00"),
      madeBy: { name: BILLING_EXPERT.name, organization: "unicom" },
    });
  });
}

/** S5: 刘洋 Liu Yang's Jiangcheng cable TV, with the rented Hengtong set-top box. */
export function liuYang(b: StoryBuilder): void {
  const liu = account({
    number: "BA-5001", provider: "jiangcheng", type: "INDIVIDUAL", holder_name: "刘洋", holder_name_latin: "Liu Yang", contact_phone: "13555550505",
    address: "武汉市江汉区新华路218号", address_latin: "218 Xinhua Road, Jianghan District, Wuhan", opened_at: daysAgo(420),
  });
  b.accounts.push(liu);
  b.lines.push(line(liu.number, {
    number: "JC-TV-5001", position: 1, kind: "CABLE_TV", member: ["刘洋", "Liu Yang"], role: "HOLDER", plan: "JC-HD-BASIC", activatedAt: daysAgo(410), equipmentSerial: "STB-HT-20250505",
  }));
  b.lineAddOns.push({ line_number: "JC-TV-5001", add_on_code: "JC-STB-RENT" });
  const items = () => [
    feeItem("JC-TV-5001", "JC-HD-BASIC", "江城有线高清基本包 HD basic package"),
    { description: "机顶盒租赁 Set-top box rental (STB-HT-20250505)", line_number: "JC-TV-5001", amount_fen: 1000, rule: "Add-on JC-STB-RENT ¥10.00/month", quantity: 1, unit: "month" },
  ];
  b.invoice(liu, { number: "INV-5001-0008", issuedAt: daysAgo(4, "02:00"), dueAt: daysFromNow(11, "23:59"), items: items(), paid: { at: daysAgo(3, "08:40"), method: "WECHAT_PAY" } });
  b.invoice(liu, { number: "INV-5001-0007", issuedAt: daysAgo(34, "02:00"), dueAt: daysAgo(19, "23:59"), items: items(), paid: { at: daysAgo(30, "09:02"), method: "WECHAT_PAY" } });
}
