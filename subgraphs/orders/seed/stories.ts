import type { Kysely, Transaction } from "kysely";
import { addCommitment, assignHandler, daysAgo, daysFromNow, recordEvent, type ActorInput } from "../../kit";
import { seedCaseReferences } from "./caseReferences";
import type { DB, OrderLinesTable, OrdersTable, ReturnRequestsTable, VasOrdersTable } from "../db/tables";
import { VAS_MATTER_KIND } from "../vasCatalog";
import { priceOf, productRows, STORES } from "./catalog";

/*
 * The retailer's side of STORIES.md (ids from docs/STORY_DATA.md): S1 Wang Lei's water
 * heater and repair request RT-0001, S6 Zhou Jie's Lenovo PC and the paid service sold in
 * case CS-LNV-0606, S7 Sun Li's MateBook E returned through the Nanjing store.
 * Clock times are China Standard Time, as the customers lived them (kit clock).
 */

const SYSTEM_ACTOR: ActorInput = { name: "优购订单系统 Yougou order system", role: "system", organization: "yougou" };
const SERVICE_DESK = { name: "优购客服中心 Yougou service desk", team: "customer service desk", organization: "yougou", tier: "L1", phone: "400-606-5500", hours: "09:00-21:00 daily" };
const DESK_REP: ActorInput = { name: "刘婷 Liu Ting", role: "rep", organization: "yougou", team: "customer service desk" };
const NJ_STORE_COUNTER = { name: "优购南京新街口店售后柜台 Nanjing Xinjiekou store after-sales counter", team: "store after-sales", organization: "yougou", tier: "L1", phone: "025-8468-7700", hours: "10:00-22:00 daily" };
const NJ_CLERK: ActorInput = { name: "钱明 Qian Ming", role: "rep", organization: "yougou", team: "优购南京新街口店 Nanjing Xinjiekou store" };
const HUAWEI_EXPERT = { name: "高原 Gao Yuan", team: "Huawei second-line experts", organization: "huawei", tier: "L2", phone: "950800", hours: "08:00-20:00 daily" };

function customer(id: string, name: string, nameLatin: string, city: string, memberDays: number) {
  return { id, name, name_latin: nameLatin, city, member_since: daysAgo(memberDays, "12:00") };
}

function line(order: string, sku: string, serial: string | null, lineNo = 1, quantity = 1): OrderLinesTable {
  return { order_number: order, line_no: lineNo, sku, quantity, unit_price_fen: priceOf(sku), serial };
}

export async function seed(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("stores").values(STORES).execute();
    await trx.insertInto("products").values(productRows()).execute();
    await trx
      .insertInto("retailer_customers")
      .values([
        customer("RC-1001", "王磊", "Wang Lei", "Wuhan", 900),
        customer("RC-1006", "周杰", "Zhou Jie", "Shanghai", 700),
        customer("RC-1007", "孙丽", "Sun Li", "Nanjing", 1200),
      ])
      .execute();
    await seedCaseReferences(trx);
    await seedS1(trx);
    await seedS6(trx);
    await seedS7(trx);
  });
}

async function insertOrder(trx: Transaction<DB>, order: Omit<OrdersTable, "total_fen">, lines: OrderLinesTable[]): Promise<void> {
  const total = lines.reduce((sum, l) => sum + l.unit_price_fen * l.quantity, 0);
  await trx.insertInto("orders").values({ ...order, total_fen: total }).execute();
  await trx.insertInto("order_lines").values(lines).execute();
}

async function insertReturn(trx: Transaction<DB>, request: ReturnRequestsTable): Promise<void> {
  await trx.insertInto("return_requests").values(request).execute();
}

/** S1: the water heater leaks; the repair request waits for Aolan's technician. */
async function seedS1(trx: Transaction<DB>): Promise<void> {
  const owner = "RC-1001";
  const order = "YG-20261102-0001";
  await insertOrder(trx, { number: order, customer_id: owner, placed_at: daysAgo(10, "10:15"), status: "AWAITING_TECHNICIAN", channel: "ONLINE", store_id: null }, [
    line(order, "AL-EH60", "AL-EH60-88001"),
  ]);
  const onOrder = { ownerId: owner, subjectType: "Order", subjectId: order };
  await recordEvent(trx, { ...onOrder, id: "s1-placed", at: daysAgo(10, "10:15"), kind: "ORDER_PLACED", summary: `王磊 Wang Lei ordered an 奥澜 AL-EH60 water heater online (${order}), 1299.00 yuan`, actor: SYSTEM_ACTOR });
  await recordEvent(trx, { ...onOrder, id: "s1-paid", at: daysAgo(10, "10:17"), kind: "ORDER_PAID", summary: "Payment of 1299.00 yuan received (Alipay)", actor: SYSTEM_ACTOR });
  await recordEvent(trx, { ...onOrder, id: "s1-shipped", at: daysAgo(9, "09:30"), kind: "ORDER_SHIPPED", summary: "Shipped from the Yougou Wuhan warehouse", actor: SYSTEM_ACTOR });
  await recordEvent(trx, { ...onOrder, id: "s1-delivered", at: daysAgo(8, "14:30"), kind: "ORDER_DELIVERED", summary: "Delivered to 武汉市洪山区 (Hongshan District, Wuhan), signed by 王磊 Wang Lei", actor: SYSTEM_ACTOR });
  await recordEvent(trx, {
    ...onOrder,
    id: "s1-installed",
    at: daysAgo(7, "15:00"),
    kind: "ORDER_INSTALLED",
    summary: "Water heater installed by Aolan's authorized installer",
    actor: { name: "奥澜安装师傅 Aolan installer", role: "technician", organization: "aolan" },
  });

  const request = "RT-0001";
  const opened = daysAgo(3, "20:40");
  await insertReturn(trx, {
    number: request,
    order_number: order,
    customer_id: owner,
    line_no: 1,
    type: "REPAIR",
    status: "WAITING_AFTERSALES_TECHNICIAN",
    reason: "安装后进水口漏水 Leaks at the water inlet since installation",
    next_step: "Wait for Aolan's after-sales technician; the visit is scheduled on Aolan's service case (cancel it there if the problem is gone)",
    handling_party: "aolan",
    store_id: null,
    refund_fen: null,
    opened_at: opened,
    closed_at: null,
  });
  const onRequest = { ownerId: owner, subjectType: "ReturnRequest", subjectId: request };
  await recordEvent(trx, {
    ...onRequest,
    id: "s1-return-requested",
    at: opened,
    kind: "RETURN_REQUESTED",
    summary: "王磊 Wang Lei filed repair request RT-0001 online: the water heater leaks at the inlet",
    actor: { name: "王磊 Wang Lei", role: "customer", organization: "yougou" },
  });
  await recordEvent(trx, {
    ...onRequest,
    id: "s1-return-to-maker",
    at: daysAgo(3, "21:05"),
    kind: "RETURN_STATUS_CHANGED",
    summary: "RT-0001 passed to Aolan after-sales; order YG-20261102-0001 now waits for the after-sales technician",
    actor: SYSTEM_ACTOR,
  });
  await recordEvent(trx, {
    ...onRequest,
    id: "s1-customer-fixed",
    at: daysAgo(1, "11:20"),
    kind: "CUSTOMER_NOTE",
    summary: "王磊 Wang Lei called: he found and fixed the leak himself (loose inlet fitting) and asked us to tell the technician not to come. The desk had no contact for Aolan after-sales.",
    actor: DESK_REP,
  });
  const matter = { kind: "REPAIR_REQUEST", id: request };
  await assignHandler(trx, matter, SERVICE_DESK, opened, "repair request filed online");
  await addCommitment(trx, matter, {
    id: "s1-pass-to-maker",
    description: "Pass the repair request to Aolan after-sales within 24 hours",
    dueAt: daysAgo(2, "20:40"),
    madeBy: { name: SERVICE_DESK.name, organization: "yougou" },
    status: "KEPT",
    keptAt: daysAgo(3, "21:05"),
  });
}

/** S6: Zhou Jie's company laptop, and a paid evening visit sold inside Lenovo's case. */
async function seedS6(trx: Transaction<DB>): Promise<void> {
  const owner = "RC-1006";
  const order = "YG-20250101-6006";
  await insertOrder(trx, { number: order, customer_id: owner, placed_at: daysAgo(400, "12:00"), status: "COMPLETED", channel: "ONLINE", store_id: null }, [
    line(order, "LNV-X1C", "LNV-PF3X6006"),
    line(order, "YG-SURGE-6", null, 2),
  ]);
  const onOrder = { ownerId: owner, subjectType: "Order", subjectId: order };
  await recordEvent(trx, { ...onOrder, id: "s6-placed", at: daysAgo(400, "12:00"), kind: "ORDER_PLACED", summary: `周杰 Zhou Jie ordered a 联想 ThinkPad X1 Carbon for his company's front desk, with a surge protector, online (${order}), 9988.00 yuan`, actor: SYSTEM_ACTOR });
  await recordEvent(trx, { ...onOrder, id: "s6-paid", at: daysAgo(400, "12:02"), kind: "ORDER_PAID", summary: "Payment of 9988.00 yuan received (company transfer)", actor: SYSTEM_ACTOR });
  await recordEvent(trx, { ...onOrder, id: "s6-delivered", at: daysAgo(398, "13:00"), kind: "ORDER_DELIVERED", summary: "Delivered to the front desk at 上海市徐汇区 (Xuhui District, Shanghai)", actor: SYSTEM_ACTOR });

  const rep: ActorInput = { name: "郑婷 Zheng Ting", role: "rep", organization: "lenovo", team: "Lenovo service desk" };
  const ordered = daysAgo(1, "10:30");
  const vas: VasOrdersTable = {
    number: "VAS-20261101-0606",
    case_number: "CS-LNV-0606",
    customer_id: owner,
    service_code: "ONSITE_EVENING",
    service_name: "evening on-site visit",
    price_fen: 14900,
    status: "SCHEDULED",
    ordered_at: ordered,
    due_at: daysFromNow(1, "21:00"),
    ordered_by_name: rep.name,
    ordered_by_role: "rep",
    ordered_by_org: "lenovo",
    closed_at: null,
    open_slot: "CS-LNV-0606|ONSITE_EVENING",
  };
  await trx.insertInto("vas_orders").values(vas).execute();
  await recordEvent(trx, {
    ownerId: owner,
    id: "s6-vas-ordered",
    at: ordered,
    kind: "VAS_ORDERED",
    summary: "郑婷 Zheng Ting (Lenovo service desk) sold an evening on-site visit (晚间上门服务, 149.00 yuan) in case CS-LNV-0606, after 周杰 Zhou Jie's identity and warranty were verified",
    actor: rep,
    subjectType: "ValueAddedServiceOrder",
    subjectId: vas.number,
  });
  const matter = { kind: VAS_MATTER_KIND, id: vas.number };
  await assignHandler(trx, matter, { name: "联想上门服务 Lenovo on-site service", team: "on-site service Shanghai", organization: "lenovo", phone: "400-990-8888", hours: "09:00-22:00 daily" }, ordered, "scheduled");
  await addCommitment(trx, matter, {
    id: "s6-evening-visit",
    description: "Engineer at the customer's office tomorrow 19:00-21:00 (Beijing time)",
    dueAt: vas.due_at,
    madeBy: { name: rep.name, organization: "lenovo" },
  });
}

/** S7: the MateBook E (ARM) goes back through the Nanjing store; a MateBook 13 replaces it. */
async function seedS7(trx: Transaction<DB>): Promise<void> {
  const owner = "RC-1007";
  const first = "YG-20261010-0707";
  await insertOrder(trx, { number: first, customer_id: owner, placed_at: daysAgo(9, "14:20"), status: "RETURN_IN_PROGRESS", channel: "STORE", store_id: "ST-NJ-XJK" }, [
    line(first, "HW-MBE-ARM", "HW-MBE-7007001"),
  ]);
  await recordEvent(trx, { ownerId: owner, subjectType: "Order", subjectId: first, id: "s7-placed", at: daysAgo(9, "14:20"), kind: "ORDER_PLACED", summary: `孙丽 Sun Li bought a 华为 MateBook E (ARM) at 优购南京新街口店 (${first}), 3999.00 yuan`, actor: NJ_CLERK });
  await recordEvent(trx, { ownerId: owner, subjectType: "Order", subjectId: first, id: "s7-paid", at: daysAgo(9, "14:22"), kind: "ORDER_PAID", summary: "Paid 3999.00 yuan at the till (UnionPay card)", actor: NJ_CLERK });

  const request = "RT-0707";
  const opened = daysAgo(2, "10:30");
  await insertReturn(trx, {
    number: request,
    order_number: first,
    customer_id: owner,
    line_no: 1,
    type: "REFUND",
    status: "CERTIFICATE_REQUIRED",
    reason: "不兼容：无法安装银行客户端，无法驱动惠普打印机 The bank's client can't be installed and the HP printer can't be driven (ARM); Huawei confirmed it is unsupported",
    next_step:
      "Get Huawei's return certificate (退货鉴定证明) at 华为南京新街口服务中心 (SC-HW-NJ-XJK, arranged by Huawei's expert, address sent by SMS), then bring it to 优购南京新街口店 (ST-NJ-XJK) for the refund of 3999.00 yuan",
    handling_party: "huawei",
    store_id: "ST-NJ-XJK",
    refund_fen: 399900,
    opened_at: opened,
    closed_at: null,
  });
  const onRequest = { ownerId: owner, subjectType: "ReturnRequest", subjectId: request };
  await recordEvent(trx, {
    ...onRequest,
    id: "s7-return-requested",
    at: opened,
    kind: "RETURN_REQUESTED",
    summary: "Refund request RT-0707 opened for the MateBook E (ARM) after Huawei's expert confirmed it can't run the bank client or drive the HP printer",
    actor: { name: HUAWEI_EXPERT.name, role: "rep", organization: "huawei", team: HUAWEI_EXPERT.team },
  });
  await recordEvent(trx, {
    ...onRequest,
    id: "s7-certificate-required",
    at: daysAgo(2, "10:35"),
    kind: "RETURN_STATUS_CHANGED",
    summary: "RT-0707 is CERTIFICATE_REQUIRED: the store refunds once Huawei's service center issues the return certificate",
    actor: SYSTEM_ACTOR,
  });
  await recordEvent(trx, {
    ...onRequest,
    id: "s7-store-received",
    at: daysAgo(1, "14:40"),
    kind: "RETURN_STATUS_CHANGED",
    summary: "孙丽 Sun Li brought the laptop to 优购南京新街口店; the store took it back and will refund 3999.00 yuan on Huawei's certificate",
    actor: NJ_CLERK,
  });
  const matter = { kind: "RETURN", id: request };
  await assignHandler(trx, matter, HUAWEI_EXPERT, opened, "return approved by Huawei's second-line expert");
  await assignHandler(trx, matter, NJ_STORE_COUNTER, daysAgo(1, "14:40"), "customer brought the laptop to the store");
  await addCommitment(trx, matter, {
    id: "s7-refund",
    description: "Refund 3999.00 yuan to the original card within 1 working day of receiving Huawei's certificate",
    dueAt: daysFromNow(3, "18:00"),
    madeBy: { name: NJ_CLERK.name, organization: "yougou" },
  });

  const second = "YG-20261105-0708";
  await insertOrder(trx, { number: second, customer_id: owner, placed_at: daysAgo(1, "15:10"), status: "COMPLETED", channel: "STORE", store_id: "ST-NJ-XJK" }, [
    line(second, "HW-MB13", "HW-MB13-7007002"),
  ]);
  const onSecond = { ownerId: owner, subjectType: "Order", subjectId: second };
  await recordEvent(trx, { ...onSecond, id: "s7b-placed", at: daysAgo(1, "15:10"), kind: "ORDER_PLACED", summary: `孙丽 Sun Li bought a 华为 MateBook 13 at 优购南京新街口店 (${second}), 5299.00 yuan`, actor: NJ_CLERK });
  await recordEvent(trx, { ...onSecond, id: "s7b-paid", at: daysAgo(1, "15:12"), kind: "ORDER_PAID", summary: "Paid 5299.00 yuan at the till (UnionPay card)", actor: NJ_CLERK });
  await recordEvent(trx, { ...onSecond, id: "s7b-picked-up", at: daysAgo(1, "15:30"), kind: "ORDER_DELIVERED", summary: "Picked up at the store", actor: NJ_CLERK });
}
