import type { Kysely } from "kysely";
import { daysAgo, daysFromNow, insertInChunks, seededRandom } from "../../kit";
import type { DB } from "../db/tables";
import { yuan } from "../money";
import { ADD_ONS, PLANS, addOnFee, planFee } from "./catalog";
import { BILLING_SYSTEM, StoryBuilder, feeItem, type ItemInput } from "./builder";
import { account, line, staffName } from "./people";
import { liuYang, zhaoMin } from "./s4s5";

/*
 * The billing side of docs/STORY_DATA.md: BA-1001, BA-1002 (S1/S2 people), BA-2001 family
 * bundle and BA-3001 corporate settlement (S3), BA-4001 suspension + outage + overdue
 * dispute promise (S4), BA-5001 Jiangcheng cable TV with the rented set-top box (S5).
 */

function individuals(b: StoryBuilder): void {
  const wang = account({
    number: "BA-1001", provider: "unicom", type: "INDIVIDUAL", holder_name: "王磊", holder_name_latin: "Wang Lei", contact_phone: "13807191234",
    address: "武汉市洪山区珞喻路88号", address_latin: "88 Luoyu Road, Hongshan District, Wuhan", balance_fen: 2350, opened_at: daysAgo(1500),
  });
  b.accounts.push(wang);
  b.lines.push(line(wang.number, { number: "13807191234", position: 1, member: ["王磊", "Wang Lei"], role: "HOLDER", plan: "UNI-IND-59", activatedAt: daysAgo(1500), usage: [212, 8650, 12] }));
  [[24, 5], [23, 35], [22, 65]].forEach(([seq, issued]) =>
    b.invoice(wang, {
      number: `INV-1001-00${seq}`, issuedAt: daysAgo(issued, "02:00"), dueAt: daysAgo(issued - 15, "23:59"),
      items: [feeItem("13807191234", "UNI-IND-59", "冰激凌59 Ice Cream 59 monthly fee")],
      paid: issued > 5 ? { at: daysAgo(issued - 3, "20:15"), method: "ALIPAY" } : undefined,
    }),
  );

  const li = account({
    number: "BA-1002", provider: "unicom", type: "INDIVIDUAL", holder_name: "李娜", holder_name_latin: "Li Na", contact_phone: "13912345678",
    address: "南京市鼓楼区中山北路200号", address_latin: "200 Zhongshan North Road, Gulou District, Nanjing", opened_at: daysAgo(900),
  });
  b.accounts.push(li);
  b.lines.push(line(li.number, { number: "13912345678", position: 1, member: ["李娜", "Li Na"], role: "HOLDER", plan: "UNI-IND-39", activatedAt: daysAgo(900), usage: [64, 5120, 3] }));
  [[13, 35, 25], [12, 65, 53], [11, 95, 82], [10, 118, 99]].forEach(([seq, issued, paid]) =>
    b.invoice(li, {
      number: `INV-1002-00${seq}`, issuedAt: daysAgo(issued, "02:00"), dueAt: daysAgo(issued - 15, "23:59"),
      items: [feeItem("13912345678", "UNI-IND-39", "畅越39 Changyue 39 monthly fee")],
      paid: { at: daysAgo(paid, "12:40"), method: "WECHAT_PAY" },
    }),
  );
  // A late payment months ago: suspended, then restored the day she paid.
  b.suspensions.push({ id: "SUS-1002", account_number: li.number, reason: "Invoice INV-1002-0010 (¥39.00) unpaid 2 days after its due date", from_at: daysAgo(100, "00:10"), until_at: daysAgo(99, "12:45"), status: "LIFTED", invoice_number: "INV-1002-0010" });
  b.event(li, { at: daysAgo(101, "00:05"), kind: "PAYMENT_MISSED", summary: "Payment missed: INV-1002-0010 (¥39.00) not paid by its due date", actor: BILLING_SYSTEM.unicom, subjectType: "Invoice", subjectId: "INV-1002-0010" });
  b.event(li, { at: daysAgo(100, "00:10"), kind: "SUSPENDED", summary: "Service suspended on 139****5678: INV-1002-0010 unpaid 2 days after its due date", actor: BILLING_SYSTEM.unicom, subjectType: "BillingAccount", subjectId: li.number });
  b.event(li, { at: daysAgo(99, "12:45"), kind: "RESTORED", summary: "Service restored on 139****5678 after payment of INV-1002-0010", actor: BILLING_SYSTEM.unicom, subjectType: "BillingAccount", subjectId: li.number });
}

function family(b: StoryBuilder): void {
  const zhang = account({
    number: "BA-2001", provider: "unicom", type: "FAMILY_BUNDLE", holder_name: "张伟", holder_name_latin: "Zhang Wei", contact_phone: "13011112222",
    address: "武汉市武昌区中南路15号3栋502", address_latin: "Unit 502, Bldg 3, 15 Zhongnan Road, Wuchang District, Wuhan", balance_fen: 0, opened_at: daysAgo(600),
  });
  b.accounts.push(zhang);
  const since = daysAgo(540);
  b.lines.push(
    line(zhang.number, { number: "13011112222", position: 1, member: ["张伟", "Zhang Wei"], role: "HOLDER", plan: "UNI-FAM-199", activatedAt: since, usage: [386, 15360, 20] }),
    line(zhang.number, { number: "13122223333", position: 2, member: ["张建国", "Zhang Jianguo"], role: "PARENT", plan: "UNI-FAM-MEMBER", activatedAt: since, usage: [402, 1024, 5] }),
    line(zhang.number, { number: "13122224444", position: 3, member: ["李秀英", "Li Xiuying"], role: "PARENT", plan: "UNI-FAM-MEMBER", activatedAt: since, usage: [251, 2048, 8] }),
    line(zhang.number, { number: "13011113333", position: 4, member: ["张子涵", "Zhang Zihan"], role: "CHILD", plan: "UNI-FAM-MEMBER", activatedAt: since, usage: [45, 9216, 31] }),
    line(zhang.number, { number: "02787654321", position: 5, kind: "BROADBAND", member: ["张伟 (家庭宽带)", "Zhang Wei (home broadband)"], role: "HOLDER", plan: "UNI-BB-300M-FAM", activatedAt: since, usage: [0, 412000, 0] }),
  );
  b.lineAddOns.push({ line_number: "13011113333", add_on_code: "ADD-VIDEO-15" });
  b.rules.push(
    { id: "BR-2001-1", account_number: zhang.number, code: "FAM-FREE-CALLS", description: "Calls among the 4 family mobile lines are free and not counted against the shared minutes", monthly_cap_fen: null },
    { id: "BR-2001-2", account_number: zhang.number, code: "FAM-SHARED", description: "1000 minutes and 40 GB shared by all family mobile lines; 300M home broadband included", monthly_cap_fen: null },
    { id: "BR-2001-3", account_number: zhang.number, code: "FAM-CAP-200", description: "Monthly total held under ¥200.00 (roaming and paid content excluded)", monthly_cap_fen: 20000 },
  );
  const member = (number: string, name: string): ItemInput => ({ description: `Member line ${name}`, line_number: number, amount_fen: 0, rule: "Family member line: included in UNI-FAM-199", quantity: 1, unit: "month" });
  const base: ItemInput[] = [
    { ...feeItem("13011112222", "UNI-FAM-199", "全家享199 Family Share 199 base fee"), rule: "Plan UNI-FAM-199 base fee ¥199.00 (4 mobile lines + 300M home broadband)" },
    member("13122223333", "张建国 Zhang Jianguo"),
    member("13122224444", "李秀英 Li Xiuying"),
    member("13011113333", "张子涵 Zhang Zihan"),
    { description: "Home broadband 300M", line_number: "02787654321", amount_fen: 0, rule: "Broadband included in UNI-FAM-199", quantity: 1, unit: "month" },
  ];
  const capTo = (items: ItemInput[]): ItemInput[] => {
    const total = items.reduce((sum, item) => sum + item.amount_fen, 0);
    return total <= 20000 ? items : [...items, { description: "Family cap adjustment", amount_fen: 20000 - total, rule: "Family cap: monthly total held at ¥200.00 (FAM-CAP-200)" }];
  };
  b.invoice(zhang, {
    number: "INV-2001-0018", issuedAt: daysAgo(6, "02:00"), dueAt: daysFromNow(9, "23:59"), paid: { at: daysAgo(4, "03:00"), method: "BANK_DEBIT" },
    items: capTo([
      ...base,
      { description: "Calls among family members", amount_fen: 0, rule: "family free calls: 0 yuan for 132 min", quantity: 132, unit: "min" },
      { description: "Calls beyond the shared 1000 minutes", line_number: "13122223333", amount_fen: 720, rule: "Over-allowance calls at ¥0.15/min: 48 min beyond the shared 1000", quantity: 48, unit: "min" },
      { description: "Video data pack (add-on)", line_number: "13011113333", amount_fen: addOnFee("ADD-VIDEO-15"), rule: "Add-on ADD-VIDEO-15 ¥15.00/month", quantity: 1, unit: "month" },
    ]),
  });
  b.invoice(zhang, {
    number: "INV-2001-0017", issuedAt: daysAgo(36, "02:00"), dueAt: daysAgo(21, "23:59"), paid: { at: daysAgo(34, "03:00"), method: "BANK_DEBIT" },
    items: capTo([
      ...base,
      { description: "Calls among family members", amount_fen: 0, rule: "family free calls: 0 yuan for 98 min", quantity: 98, unit: "min" },
      { description: "Video data pack (add-on)", line_number: "13011113333", amount_fen: addOnFee("ADD-VIDEO-15"), rule: "Add-on ADD-VIDEO-15 ¥15.00/month", quantity: 1, unit: "month" },
    ]),
  });
}

const CORPORATE_GROUPS = [
  { from: 1, to: 17, plan: "UNI-CORP-A", addOn: "ADD-X" },
  { from: 18, to: 41, plan: "UNI-CORP-B", addOn: "ADD-Y" },
  { from: 42, to: 50, plan: "UNI-CORP-C", addOn: null },
] as const;

/** Corporate line n: line 1 is the admin's own number, the rest a company block. */
export const corporateLineNumber = (position: number): string => (position === 1 ? "13233334444" : `155271000${String(position).padStart(2, "0")}`);

function corporate(b: StoryBuilder): void {
  const huachen = account({
    number: "BA-3001", provider: "unicom", type: "CORPORATE_SETTLEMENT", holder_name: "武汉华辰科技有限公司", holder_name_latin: "Wuhan Huachen Technology Co., Ltd.",
    contact_phone: "13233334444", address: "武汉市东湖新技术开发区光谷大道77号", address_latin: "77 Guanggu Avenue, East Lake High-tech Zone, Wuhan", opened_at: daysAgo(400),
  });
  b.accounts.push(huachen);
  const random = seededRandom(3001);
  for (const group of CORPORATE_GROUPS) {
    for (let position = group.from; position <= group.to; position++) {
      const number = corporateLineNumber(position);
      const member: [string, string] = position === 1 ? ["陈静", "Chen Jing"] : staffName(position);
      b.lines.push(line(huachen.number, {
        number, position, member, role: position === 1 ? "ADMIN" : "EMPLOYEE", plan: group.plan, activatedAt: daysAgo(390),
        usage: [Math.floor(random() * 450), Math.floor(random() * 18000), Math.floor(random() * 60)],
      }));
      if (group.addOn) b.lineAddOns.push({ line_number: number, add_on_code: group.addOn });
    }
  }
  const items = (overageMb: number): ItemInput[] => {
    const result: ItemInput[] = [];
    let planTotal = 0;
    for (const group of CORPORATE_GROUPS) {
      const count = group.to - group.from + 1;
      const fee = planFee(group.plan);
      planTotal += fee * count;
      result.push({ description: `Plan ${group.plan.slice(-1)} × ${count} lines (lines ${group.from}-${group.to})`, amount_fen: fee * count, rule: `Plan ${group.plan} base fee ¥${yuan(fee)} × ${count}`, quantity: count, unit: "line" });
      if (group.addOn) {
        const addOnFeeFen = addOnFee(group.addOn);
        result.push({ description: `Add-on ${group.addOn.slice(-1)} × ${count} lines (lines ${group.from}-${group.to})`, amount_fen: addOnFeeFen * count, rule: `Add-on ${group.addOn} ¥${yuan(addOnFeeFen)} × ${count}`, quantity: count, unit: "line" });
      }
    }
    if (overageMb > 0) {
      result.push({ description: "Data beyond plan B allowance", line_number: corporateLineNumber(23), amount_fen: Math.ceil(overageMb / 1024) * 500, rule: "Over-allowance data at ¥5.00/GB, billed per started GB", quantity: overageMb, unit: "MB" });
    }
    result.push({ description: "Corporate settlement discount", amount_fen: -Math.round(planTotal / 10), rule: "Corporate settlement: 10% off plan base fees" });
    return result;
  };
  b.invoice(huachen, { number: "INV-3001-0012", issuedAt: daysAgo(5, "02:00"), dueAt: daysFromNow(25, "23:59"), items: items(2150) });
  b.invoice(huachen, { number: "INV-3001-0011", issuedAt: daysAgo(35, "02:00"), dueAt: daysAgo(5, "23:59"), items: items(0), paid: { at: daysAgo(12, "10:30"), method: "BANK_TRANSFER" } });
}

/** Writes every story account of this subgraph in one transaction. */
export async function seedStories(db: Kysely<DB>): Promise<void> {
  const b = new StoryBuilder();
  individuals(b);
  family(b);
  corporate(b);
  zhaoMin(b);
  liuYang(b);
  await db.transaction().execute(async (trx) => {
    await insertInChunks(trx, "plans", PLANS as unknown as Record<string, unknown>[]);
    await insertInChunks(trx, "add_ons", ADD_ONS as unknown as Record<string, unknown>[]);
    await b.write(trx);
  });
}
