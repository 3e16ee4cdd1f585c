import type { Insertable, Kysely, Transaction } from "kysely";
import { addCommitment, assignHandler, daysAgo, daysFromNow, recordEvent, releaseHandler, type ActorInput, type HandlerInput } from "../../kit";
import { beijingWindow, MatterKind } from "../caseStatus";
import type { AftersalesTables, DB, VisitsTable } from "../db/tables";
import { CITIES, KNOWN_ISSUES, SERVICE_CENTERS, TECHNICIANS } from "./referenceData";

/*
 * The makers' side of STORIES.md S1-S7, with the ids of docs/STORY_DATA.md. Times are
 * relative to seeding; clock times are Beijing time (kit clock), stored as UTC.
 */

type Rows<T extends keyof AftersalesTables> = Insertable<AftersalesTables[T]>[];

async function insert<T extends keyof AftersalesTables>(trx: Transaction<DB>, table: T, rows: Rows<T>): Promise<void> {
  if (rows.length > 0) await (trx as unknown as Kysely<AftersalesTables>).insertInto(table).values(rows as never).execute();
}

const MAKER_CUSTOMERS = (): Rows<"maker_customers"> => [
  { id: "MR-AOLAN-5001", maker: "aolan", name: "王磊", name_latin: "Wang Lei", phone: "13807191234", city: "武汉", address: "武汉市洪山区珞狮路 122 号 5 栋 1201 (Room 1201, Bldg 5, 122 Luoshi Road, Hongshan District, Wuhan)", registered_at: daysAgo(10, "16:00") },
  { id: "MR-XH-4001", maker: "xinghai", name: "赵敏", name_latin: "Zhao Min", phone: "18627004444", city: "武汉", address: "武汉市武昌区徐东大街 18 号 (18 Xudong Street, Wuchang District, Wuhan)", registered_at: daysAgo(200, "12:00") },
  { id: "MR-HT-5005", maker: "hengtong", name: "刘洋", name_latin: "Liu Yang", phone: "13555550505", city: "武汉", address: "武汉市江岸区沿江大道 55 号 (55 Yanjiang Avenue, Jiang'an District, Wuhan)", registered_at: daysAgo(300, "12:00") },
  { id: "MR-LNV-6006", maker: "lenovo", name: "周杰", name_latin: "Zhou Jie", phone: "13766660606", city: "上海", address: "上海市徐汇区天钥桥路 66 号 (66 Tianyaoqiao Road, Xuhui District, Shanghai)", registered_at: daysAgo(400, "12:00") },
  { id: "MR-HW-7007", maker: "huawei", name: "孙丽", name_latin: "Sun Li", phone: "15800007777", city: "南京", address: "南京市秦淮区汉中路 7 号 (7 Hanzhong Road, Qinhuai District, Nanjing)", registered_at: daysAgo(9, "14:00") },
  { id: "MR-HW-7008", maker: "huawei", name: "吴芳", name_latin: "Wu Fang", phone: "15900007008", city: "南京", address: "南京市鼓楼区广州路 8 号 (8 Guangzhou Road, Gulou District, Nanjing)", registered_at: daysAgo(250, "12:00") },
];

const DEVICES = (): Rows<"devices"> => [
  { serial: "AL-EH60-88001", owner_id: "MR-AOLAN-5001", maker: "aolan", model: "AL-EH60", product_name: "奥澜 AL-EH60 60 升电热水器 / Aolan AL-EH60 60 L electric water heater", purchased_at: daysAgo(10, "10:00"), retailer_order_number: "YG-20261102-0001" },
  { serial: "XH-65Q7-40011", owner_id: "MR-XH-4001", maker: "xinghai", model: "XH-65Q7", product_name: "星海 65Q7 65 英寸 4K 电视 / Xinghai 65Q7 65-inch 4K TV", purchased_at: daysAgo(200, "12:00"), retailer_order_number: null },
  { serial: "STB-HT-20250505", owner_id: "MR-HT-5005", maker: "hengtong", model: "HT-B860", product_name: "恒通 HT-B860 高清机顶盒 / Hengtong HT-B860 HD set-top box (supplied by Jiangcheng Cable TV)", purchased_at: daysAgo(300, "12:00"), retailer_order_number: null },
  { serial: "LNV-PF3X6006", owner_id: "MR-LNV-6006", maker: "lenovo", model: "TP-X1C-G11", product_name: "联想 ThinkPad X1 Carbon 第 11 代 / Lenovo ThinkPad X1 Carbon Gen 11", purchased_at: daysAgo(400, "12:00"), retailer_order_number: "YG-20250101-6006" },
  { serial: "HW-MBE-7007001", owner_id: "MR-HW-7007", maker: "huawei", model: "MBE-ARM", product_name: "华为 MateBook E (ARM 版) / Huawei MateBook E (ARM)", purchased_at: daysAgo(9, "14:00"), retailer_order_number: "YG-20261010-0707" },
  { serial: "HW-MB13-7007002", owner_id: "MR-HW-7007", maker: "huawei", model: "MB13", product_name: "华为 MateBook 13 / Huawei MateBook 13", purchased_at: daysAgo(0.5, "11:00"), retailer_order_number: "YG-20261105-0708" },
  { serial: "HW-P60-7008001", owner_id: "MR-HW-7008", maker: "huawei", model: "P60-PRO", product_name: "华为 P60 Pro 手机 / Huawei P60 Pro phone", purchased_at: daysAgo(250, "12:00"), retailer_order_number: null },
];

const ENTITLEMENTS = (): Rows<"entitlements"> => [
  { id: "ENT-AL-88001-1", serial: "AL-EH60-88001", kind: "WARRANTY", description: "整机保修 3 年 / Whole-unit warranty, 3 years", starts_at: daysAgo(10, "10:00"), ends_at: daysFromNow(3 * 365 - 10), paid: 0, price_fen: null },
  { id: "ENT-AL-88001-2", serial: "AL-EH60-88001", kind: "EXTENDED_WARRANTY", description: "内胆保修 8 年 / Tank warranty, 8 years", starts_at: daysAgo(10, "10:00"), ends_at: daysFromNow(8 * 365 - 10), paid: 0, price_fen: null },
  { id: "ENT-XH-40011-1", serial: "XH-65Q7-40011", kind: "WARRANTY", description: "整机保修 1 年，面板 3 年 / 1-year warranty, panel 3 years", starts_at: daysAgo(200, "12:00"), ends_at: daysFromNow(165), paid: 0, price_fen: null },
  { id: "ENT-HT-0505-1", serial: "STB-HT-20250505", kind: "WARRANTY", description: "机顶盒保修 1 年 (江城有线租用设备) / 1-year warranty (Jiangcheng rental unit)", starts_at: daysAgo(300, "12:00"), ends_at: daysFromNow(65), paid: 0, price_fen: null },
  { id: "ENT-LNV-6006-1", serial: "LNV-PF3X6006", kind: "WARRANTY", description: "基础保修 3 年 / Base warranty, 3 years", starts_at: daysAgo(400, "12:00"), ends_at: daysFromNow(3 * 365 - 400), paid: 0, price_fen: null },
  { id: "ENT-LNV-6006-2", serial: "LNV-PF3X6006", kind: "PREMIUM_ONSITE", description: "联想尊享上门服务：次工作日上门，2 小时响应 / Premier Support: next-business-day on-site, 2-hour response", starts_at: daysAgo(400, "12:00"), ends_at: daysFromNow(3 * 365 - 400), paid: 1, price_fen: 89900 },
  { id: "ENT-HW-7007001-1", serial: "HW-MBE-7007001", kind: "WARRANTY", description: "整机保修 1 年 / 1-year warranty", starts_at: daysAgo(9, "14:00"), ends_at: daysFromNow(365 - 9), paid: 0, price_fen: null },
  { id: "ENT-HW-7007002-1", serial: "HW-MB13-7007002", kind: "WARRANTY", description: "整机保修 1 年 / 1-year warranty", starts_at: daysAgo(0.5, "11:00"), ends_at: daysFromNow(365), paid: 0, price_fen: null },
  { id: "ENT-HW-7008001-1", serial: "HW-P60-7008001", kind: "WARRANTY", description: "整机保修 1 年 / 1-year warranty", starts_at: daysAgo(250, "12:00"), ends_at: daysFromNow(115), paid: 0, price_fen: null },
  { id: "ENT-HW-7008001-2", serial: "HW-P60-7008001", kind: "ADVANCE_REPLACEMENT", description: "华为 Care+ 寄修先换 / Care+ advance replacement", starts_at: daysAgo(250, "12:00"), ends_at: daysFromNow(480), paid: 1, price_fen: 29900 },
];

type CaseRow = Insertable<AftersalesTables["service_cases"]>;
const CASES = (): CaseRow[] => [
  { number: "CS-AL-0001", owner_id: "MR-AOLAN-5001", serial: "AL-EH60-88001", maker: "aolan", status: "SCHEDULED", channel: "RETAILER", summary: "安装后进水口漏水 / Water heater leaks at the inlet after installation (Yougou repair request RT-0001)", opened_at: daysAgo(3, "10:15"), closed_at: null, resolution: null, resolved_by: null, priority: "NORMAL", tier: "L1", order_number: "YG-20261102-0001", service_center_id: "SC-AL-WH-HS" },
  { number: "CS-XH-4001", owner_id: "MR-XH-4001", serial: "XH-65Q7-40011", maker: "xinghai", status: "CLOSED", channel: "PHONE", summary: "屏幕间歇性闪烁 / Screen flickers intermittently", opened_at: daysAgo(40, "11:00"), closed_at: daysAgo(33, "17:00"), resolution: "上门检测结论：正常 / Inspected on site: flicker judged normal, no fault found", resolved_by: "TECHNICIAN", priority: "NORMAL", tier: "L1", order_number: null, service_center_id: "SC-XH-WH-WC" },
  { number: "CS-HT-0505", owner_id: "MR-HT-5005", serial: "STB-HT-20250505", maker: "hengtong", status: "SCHEDULED", channel: "PROVIDER", summary: "两次停电后遥控器失灵 / Remote control stopped working after two power cuts", opened_at: daysAgo(3, "16:30"), closed_at: null, resolution: null, resolved_by: null, priority: "NORMAL", tier: "L1", order_number: null, service_center_id: "SC-HT-WH-JH" },
  { number: "CS-LNV-0606", owner_id: "MR-LNV-6006", serial: "LNV-PF3X6006", maker: "lenovo", status: "OPEN", channel: "PHONE", summary: "前台电脑开机密码遗忘 / Front-desk PC: power-on password forgotten; no reset until the owner is verified", opened_at: daysAgo(1, "10:00"), closed_at: null, resolution: null, resolved_by: null, priority: "NORMAL", tier: "L1", order_number: null, service_center_id: "SC-LNV-SH-XH" },
  { number: "CS-HW-0707", owner_id: "MR-HW-7007", serial: "HW-MBE-7007001", maker: "huawei", status: "ESCALATED", channel: "PHONE", summary: "MateBook E (ARM) 无法安装银行客户端、无法连接惠普打印机 / Cannot install the bank's client or drive an HP printer", opened_at: daysAgo(5, "10:00"), closed_at: null, resolution: null, resolved_by: null, priority: "NORMAL", tier: "L2", order_number: "YG-20261010-0707", service_center_id: "SC-HW-NJ-XJK" },
  { number: "CS-HW-0708", owner_id: "MR-HW-7008", serial: "HW-P60-7008001", maker: "huawei", status: "OPEN", channel: "PHONE", summary: "屏幕碎裂、触控失灵 / Cracked screen, touch not responding", opened_at: daysAgo(3, "13:00"), closed_at: null, resolution: null, resolved_by: null, priority: "NORMAL", tier: "L1", order_number: null, service_center_id: "SC-HW-NJ-XJK" },
];

const PARTIES = (): Rows<"case_parties"> => [
  { id: "PTY-0001-1", case_number: "CS-AL-0001", organization: "yougou", name: "优购商城客服 / Yougou Mall service desk", role: "RETAILER", phone: "400-606-5500", joined_at: daysAgo(3, "10:15") },
  { id: "PTY-0001-2", case_number: "CS-AL-0001", organization: "aolan", name: "奥澜售后 / Aolan after-sales", role: "MAKER_AFTERSALES", phone: "400-870-1234", joined_at: daysAgo(3, "10:15") },
  { id: "PTY-0001-3", case_number: "CS-AL-0001", organization: "aolan", name: "奥澜武汉洪山服务中心 / Aolan Wuhan Hongshan Service Center", role: "FIELD_SERVICE", phone: "027-8711-2233", joined_at: daysAgo(3, "10:20") },
  { id: "PTY-4001-1", case_number: "CS-XH-4001", organization: "xinghai", name: "星海客服 / Xinghai customer care", role: "MAKER_AFTERSALES", phone: "400-811-4001", joined_at: daysAgo(40, "11:00") },
  { id: "PTY-0505-1", case_number: "CS-HT-0505", organization: "jiangcheng", name: "江城有线客服 / Jiangcheng Cable TV hotline", role: "PROVIDER", phone: "96516", joined_at: daysAgo(3, "16:30") },
  { id: "PTY-0505-2", case_number: "CS-HT-0505", organization: "hengtong", name: "恒通售后 / Hengtong after-sales", role: "MAKER_AFTERSALES", phone: "400-887-0505", joined_at: daysAgo(3, "16:35") },
  { id: "PTY-0505-3", case_number: "CS-HT-0505", organization: "hengtong", name: "恒通维修部 / Hengtong repair department", role: "FIELD_SERVICE", phone: "027-8555-0505", joined_at: daysAgo(3, "16:50") },
  { id: "PTY-0606-1", case_number: "CS-LNV-0606", organization: "lenovo", name: "联想服务热线 / Lenovo service hotline", role: "MAKER_AFTERSALES", phone: "400-990-8888", joined_at: daysAgo(1, "10:00") },
  { id: "PTY-0707-1", case_number: "CS-HW-0707", organization: "huawei", name: "华为服务热线 / Huawei hotline", role: "MAKER_AFTERSALES", phone: "950800", joined_at: daysAgo(5, "10:00") },
  { id: "PTY-0707-2", case_number: "CS-HW-0707", organization: "huawei", name: "华为南京新街口客户服务中心 / Huawei Nanjing Xinjiekou Customer Service Center", role: "SERVICE_CENTER", phone: "025-8471-0707", joined_at: daysAgo(1, "09:50") },
  { id: "PTY-0707-3", case_number: "CS-HW-0707", organization: "yougou", name: "优购南京新街口店 / Yougou Nanjing Xinjiekou store", role: "RETAILER", phone: null, joined_at: daysAgo(1, "09:50") },
  { id: "PTY-0708-1", case_number: "CS-HW-0708", organization: "huawei", name: "华为服务热线 / Huawei hotline", role: "MAKER_AFTERSALES", phone: "950800", joined_at: daysAgo(3, "13:00") },
];

function visit(row: Pick<VisitsTable, "id" | "case_number" | "owner_id" | "window_start" | "window_end" | "status" | "technician_id" | "service_center_id" | "created_at">): Insertable<VisitsTable> {
  return { ...row, cancel_reason: null, cancelled_by_name: null, cancelled_by_role: null, cancelled_by_org: null, cancelled_at: null, rescheduled_from: null, rescheduled_to: null };
}

const VISITS = (): Insertable<VisitsTable>[] => [
  visit({ id: "VIS-0001", case_number: "CS-AL-0001", owner_id: "MR-AOLAN-5001", window_start: daysFromNow(1, "14:00"), window_end: daysFromNow(1, "18:00"), status: "SCHEDULED", technician_id: "TEC-AL-0001", service_center_id: "SC-AL-WH-HS", created_at: daysAgo(2, "11:00") }),
  visit({ id: "VIS-4001", case_number: "CS-XH-4001", owner_id: "MR-XH-4001", window_start: daysAgo(33, "14:00"), window_end: daysAgo(33, "16:00"), status: "COMPLETED", technician_id: "TEC-XH-0001", service_center_id: "SC-XH-WH-WC", created_at: daysAgo(39, "10:00") }),
  visit({ id: "VIS-0505", case_number: "CS-HT-0505", owner_id: "MR-HT-5005", window_start: daysFromNow(3, "09:00"), window_end: daysFromNow(3, "13:00"), status: "SCHEDULED", technician_id: "TEC-HT-0001", service_center_id: "SC-HT-WH-JH", created_at: daysAgo(2, "15:00") }),
];

// Actors and handlers that appear in several places.
const AOLAN_DISPATCH: ActorInput = { name: "刘芳 Liu Fang", role: "rep", organization: "aolan", team: "奥澜武汉洪山服务中心调度 / Hongshan dispatch" };
const HENGTONG_WANG: ActorInput = { name: "王珊 Wang Shan", role: "rep", organization: "hengtong", team: "恒通售后 / Hengtong after-sales" };
const HENGTONG_REPAIR: ActorInput = { name: "恒通维修部 Hengtong repair department", role: "rep", organization: "hengtong", team: "Field service" };
const HUAWEI_L1: ActorInput = { name: "张敏 Zhang Min", role: "rep", organization: "huawei", team: "华为服务热线一线 / Hotline first line (L1)" };
const HUAWEI_L2: ActorInput = { name: "陈静怡 Chen Jingyi", role: "rep", organization: "huawei", team: "华为二线专家组 / Second-line experts (L2)" };
const HUAWEI_ENGINEER: ActorInput = { name: "刘伟 Liu Wei", role: "engineer", organization: "huawei", team: "华为 PC 工程验证组 / PC engineering verification" };

const HANDLERS: Record<string, HandlerInput> = {
  aolanCenter: { name: "奥澜武汉洪山服务中心 Aolan Wuhan Hongshan Service Center", team: "Dispatch 调度组", organization: "aolan", tier: "L1", phone: "027-8711-2233", hours: "09:00-18:00" },
  zhaoGang: { name: "赵刚 Zhao Gang", team: "奥澜武汉洪山服务中心 Aolan Wuhan Hongshan Service Center", organization: "aolan", phone: "+86 139-7100-2233", hours: "09:00-18:00" },
  xinghaiCare: { name: "星海客户关怀组 Xinghai customer care", organization: "xinghai", tier: "L1", phone: "400-811-4001", hours: "08:00-20:00" },
  hengtongAftersales: { name: "王珊 Wang Shan", team: "恒通售后 Hengtong after-sales", organization: "hengtong", tier: "L1", phone: "400-887-0505", hours: "08:30-17:30" },
  hengtongRepair: { name: "恒通维修部 Hengtong repair department", team: "Field service", organization: "hengtong", tier: "L1", phone: "027-8555-0505", hours: "09:00-17:00" },
  jiangcheng: { name: "江城有线客服 Jiangcheng Cable TV hotline", organization: "jiangcheng", tier: "L1", phone: "96516", hours: "08:00-22:00" },
  maChao: { name: "马超 Ma Chao", team: "恒通武汉江汉服务点 Hengtong Wuhan Jianghan Service Point", organization: "hengtong", phone: "+86 139-7100-0505", hours: "09:00-17:00" },
  lenovoHotline: { name: "联想服务热线 Lenovo service hotline", organization: "lenovo", tier: "L1", phone: "400-990-8888", hours: "09:00-21:00" },
  huaweiL1: { name: "张敏 Zhang Min", team: "华为服务热线一线 Huawei hotline first line", organization: "huawei", tier: "L1", phone: "950800", hours: "08:00-20:00" },
  huaweiL2: { name: "陈静怡 Chen Jingyi", team: "华为二线专家组 Huawei second-line experts", organization: "huawei", tier: "L2", phone: "950800 ext. 2", hours: "09:00-18:00" },
  huaweiEngineer: { name: "刘伟 Liu Wei", team: "华为 PC 工程验证组 Huawei PC engineering verification", organization: "huawei", tier: "L3", phone: "950800 ext. 3", hours: "09:00-18:00" },
  huaweiMailIn: { name: "华为寄修中心 Huawei mail-in repair center", organization: "huawei", tier: "L1", phone: "950800", hours: "08:00-20:00" },
};

async function seedS1(trx: Transaction<DB>): Promise<void> {
  const owner = "MR-AOLAN-5001";
  const caseMatter = { kind: MatterKind.SERVICE_CASE, id: "CS-AL-0001" };
  await assignHandler(trx, caseMatter, HANDLERS.aolanCenter, daysAgo(3, "10:20"), "assigned by area: Hongshan District");
  await assignHandler(trx, { kind: MatterKind.VISIT, id: "VIS-0001" }, HANDLERS.zhaoGang, daysAgo(2, "11:00"), "technician on duty for Hongshan");
  const system: ActorInput = { name: "奥澜售后系统 Aolan after-sales system", role: "system", organization: "aolan" };
  const events = [
    { id: "as-s1-01", at: daysAgo(10, "16:00"), kind: "DEVICE_REGISTERED", summary: "Aolan AL-EH60 water heater AL-EH60-88001 registered for warranty (sold with Yougou order YG-20261102-0001)", actor: system, subjectType: "Device", subjectId: "AL-EH60-88001" },
    { id: "as-s1-02", at: daysAgo(3, "10:15"), kind: "CASE_OPENED", summary: "Case CS-AL-0001 opened from Yougou repair request RT-0001: water heater leaks at the inlet after installation (安装后进水口漏水)", actor: system, subjectType: "ServiceCase", subjectId: "CS-AL-0001" },
    { id: "as-s1-03", at: daysAgo(3, "10:20"), kind: "CASE_ASSIGNED", summary: "Case CS-AL-0001 assigned to 奥澜武汉洪山服务中心 Aolan Wuhan Hongshan Service Center (027-8711-2233, 09:00-18:00)", actor: AOLAN_DISPATCH, subjectType: "ServiceCase", subjectId: "CS-AL-0001" },
    { id: "as-s1-04", at: daysAgo(2, "11:00"), kind: "VISIT_SCHEDULED", summary: `Technician visit VIS-0001 booked for ${beijingWindow(daysFromNow(1, "14:00"), daysFromNow(1, "18:00"))}: 赵刚 Zhao Gang, Aolan Wuhan Hongshan Service Center`, actor: AOLAN_DISPATCH, subjectType: "Visit", subjectId: "VIS-0001" },
  ];
  for (const event of events) await recordEvent(trx, { ...event, ownerId: owner });
}

async function seedS4(trx: Transaction<DB>): Promise<void> {
  const owner = "MR-XH-4001";
  const technician: ActorInput = { name: "孙强 Sun Qiang", role: "technician", organization: "xinghai", team: "星海电视武汉武昌服务中心 Xinghai Wuchang" };
  const care: ActorInput = { name: "星海客户关怀组 Xinghai customer care", role: "rep", organization: "xinghai" };
  await insert(trx, "callbacks", [
    { id: "CB-4001", case_number: "CS-XH-4001", owner_id: owner, purpose: "回访：提供再次上门检测 / Offer another technician visit after the 'normal' verdict", promised_at: daysAgo(33, "17:00"), due_at: daysFromNow(1, "14:00"), promised_by_name: care.name, promised_by_org: "xinghai", status: "OPEN", done_at: null, outcome: null },
  ]);
  await assignHandler(trx, { kind: MatterKind.SERVICE_CASE, id: "CS-XH-4001" }, HANDLERS.xinghaiCare, daysAgo(40, "11:00"));
  await assignHandler(trx, { kind: MatterKind.CALLBACK, id: "CB-4001" }, HANDLERS.xinghaiCare, daysAgo(33, "17:00"), "follow-up after case closure");
  await addCommitment(trx, { kind: MatterKind.SERVICE_CASE, id: "CS-XH-4001" }, { id: "CB-4001", description: "Call the customer to offer another technician visit", dueAt: daysFromNow(1, "14:00"), madeBy: { name: care.name, organization: "xinghai" } });
  const events = [
    { id: "as-s4-01", at: daysAgo(40, "11:00"), kind: "CASE_OPENED", summary: "Case CS-XH-4001 opened on the Xinghai hotline: 65Q7 TV screen flickers intermittently (屏幕间歇性闪烁)", actor: care, subjectType: "ServiceCase", subjectId: "CS-XH-4001" },
    { id: "as-s4-02", at: daysAgo(39, "10:00"), kind: "VISIT_SCHEDULED", summary: "Technician visit VIS-4001 booked: 孙强 Sun Qiang, Xinghai Wuhan Wuchang Service Center", actor: care, subjectType: "Visit", subjectId: "VIS-4001" },
    { id: "as-s4-03", at: daysAgo(33, "16:00"), kind: "VISIT_COMPLETED", summary: "Technician 孙强 Sun Qiang inspected the TV: fault judged \"normal\" (正常), nothing repaired", actor: technician, subjectType: "Visit", subjectId: "VIS-4001" },
    { id: "as-s4-04", at: daysAgo(33, "17:00"), kind: "CASE_CLOSED", summary: "Case CS-XH-4001 closed as \"normal\"; customer care promised a callback offering another visit", actor: care, subjectType: "ServiceCase", subjectId: "CS-XH-4001" },
  ];
  for (const event of events) await recordEvent(trx, { ...event, ownerId: owner });
}

async function seedS5(trx: Transaction<DB>): Promise<void> {
  const owner = "MR-HT-5005";
  const caseMatter = { kind: MatterKind.SERVICE_CASE, id: "CS-HT-0505" };
  const jiangcheng: ActorInput = { name: "江城有线客服 Jiangcheng Cable TV hotline", role: "rep", organization: "jiangcheng" };
  await insert(trx, "callbacks", [
    { id: "CB-0505-1", case_number: "CS-HT-0505", owner_id: owner, purpose: "恒通维修部确认上门时间 / Repair department to confirm the home-visit time the day before", promised_at: daysAgo(2, "10:00"), due_at: daysFromNow(2, "16:00"), promised_by_name: HENGTONG_REPAIR.name, promised_by_org: "hengtong", status: "OPEN", done_at: null, outcome: null },
    { id: "CB-0505-2", case_number: "CS-HT-0505", owner_id: owner, purpose: "江城有线回访投诉处理结果 / Jiangcheng to call back on the complaint's outcome", promised_at: daysAgo(3, "16:30"), due_at: daysAgo(0.25), promised_by_name: jiangcheng.name, promised_by_org: "jiangcheng", status: "OPEN", done_at: null, outcome: null },
  ]);
  await assignHandler(trx, caseMatter, HANDLERS.hengtongAftersales, daysAgo(3, "16:35"), "complaint forwarded by Jiangcheng Cable TV");
  await assignHandler(trx, { kind: MatterKind.VISIT, id: "VIS-0505" }, HANDLERS.maChao, daysAgo(2, "15:00"));
  await assignHandler(trx, { kind: MatterKind.CALLBACK, id: "CB-0505-1" }, HANDLERS.hengtongRepair, daysAgo(2, "10:00"));
  await assignHandler(trx, { kind: MatterKind.CALLBACK, id: "CB-0505-2" }, HANDLERS.jiangcheng, daysAgo(3, "16:30"));
  await addCommitment(trx, caseMatter, { id: "CB-0505-1", description: "Repair department calls to confirm the home-visit time", dueAt: daysFromNow(2, "16:00"), madeBy: { name: HENGTONG_REPAIR.name, organization: "hengtong" } });
  await addCommitment(trx, caseMatter, { id: "CB-0505-2", description: "Jiangcheng calls back on the complaint's outcome", dueAt: daysAgo(0.25), madeBy: { name: jiangcheng.name, organization: "jiangcheng" } });
  const window = beijingWindow(daysFromNow(3, "09:00"), daysFromNow(3, "13:00"));
  const events = [
    { id: "as-s5-01", at: daysAgo(3, "16:30"), kind: "CASE_OPENED", summary: "Case CS-HT-0505 opened from a Jiangcheng Cable TV complaint: remote stopped working after two power cuts (两次停电后遥控器失灵)", actor: jiangcheng, subjectType: "ServiceCase", subjectId: "CS-HT-0505" },
    { id: "as-s5-02", at: daysAgo(3, "16:35"), kind: "CALLBACK_MADE", summary: "Hengtong after-sales (王珊 Wang Shan) called back: advised bringing the box to a service point", actor: HENGTONG_WANG, subjectType: "ServiceCase", subjectId: "CS-HT-0505" },
    { id: "as-s5-03", at: daysAgo(3, "16:50"), kind: "CASE_SHARED", summary: "Customer given a third number for home visits: case shared with Hengtong repair department (027-8555-0505)", actor: HENGTONG_WANG, subjectType: "ServiceCase", subjectId: "CS-HT-0505" },
    { id: "as-s5-04", at: daysAgo(2, "10:00"), kind: "CALLBACK_PROMISED", summary: "Repair department: \"someone will contact you\"; promised to call the day before the visit to confirm the time", actor: HENGTONG_REPAIR, subjectType: "ServiceCase", subjectId: "CS-HT-0505" },
    { id: "as-s5-05", at: daysAgo(2, "15:00"), kind: "VISIT_SCHEDULED", summary: `Repair department booked home visit VIS-0505 for ${window}: 马超 Ma Chao, Hengtong Wuhan Jianghan Service Point`, actor: HENGTONG_REPAIR, subjectType: "Visit", subjectId: "VIS-0505" },
  ];
  for (const event of events) await recordEvent(trx, { ...event, ownerId: owner });
}

async function seedS6(trx: Transaction<DB>): Promise<void> {
  const owner = "MR-LNV-6006";
  const hotline: ActorInput = { name: "联想服务热线 Lenovo service hotline", role: "rep", organization: "lenovo" };
  await assignHandler(trx, { kind: MatterKind.SERVICE_CASE, id: "CS-LNV-0606" }, HANDLERS.lenovoHotline, daysAgo(1, "10:00"));
  const events = [
    { id: "as-s6-01", at: daysAgo(400, "12:00"), kind: "ENTITLEMENT_PURCHASED", summary: "Premier Support on-site service (联想尊享上门服务) purchased for ThinkPad LNV-PF3X6006: 899.00 yuan", actor: { name: "联想官方商城 Lenovo store", role: "system", organization: "lenovo" }, subjectType: "Device", subjectId: "LNV-PF3X6006" },
    { id: "as-s6-02", at: daysAgo(1, "10:00"), kind: "CASE_OPENED", summary: "Case CS-LNV-0606 opened: caller asked to bypass a front-desk PC's power-on password", actor: hotline, subjectType: "ServiceCase", subjectId: "CS-LNV-0606" },
    { id: "as-s6-03", at: daysAgo(1, "10:05"), kind: "REQUEST_REFUSED", summary: "Password bypass refused: the caller's ownership of the device is not verified (service red line)", actor: hotline, subjectType: "ServiceCase", subjectId: "CS-LNV-0606" },
  ];
  for (const event of events) await recordEvent(trx, { ...event, ownerId: owner });
}

async function seedS7(trx: Transaction<DB>): Promise<void> {
  const owner = "MR-HW-7007";
  const caseMatter = { kind: MatterKind.SERVICE_CASE, id: "CS-HW-0707" };
  await insert(trx, "engineering_tasks", [
    { id: "ENG-0707", case_number: "CS-HW-0707", owner_id: owner, title: "Verify the bank's client and the HP printer driver on MateBook E (ARM)", priority: "HIGH", status: "DONE", assignee_name: HUAWEI_ENGINEER.name, assignee_team: HUAWEI_ENGINEER.team ?? null, assignee_org: "huawei", opened_at: daysAgo(4, "09:00"), done_at: daysAgo(2, "17:00"), outcome: "Not supported on ARM: the bank client is x86-only and the HP printer has no ARM64 driver" },
  ]);
  await insert(trx, "callbacks", [
    { id: "CB-0707", case_number: "CS-HW-0707", owner_id: owner, purpose: "专家回电告知验证结果 / Expert calls back with the verification result", promised_at: daysAgo(4, "09:05"), due_at: daysAgo(1, "10:00"), promised_by_name: HUAWEI_L2.name, promised_by_org: "huawei", status: "KEPT", done_at: daysAgo(1, "09:30"), outcome: "Unsupported on ARM; return approved: certificate at the service center, refund at the store" },
  ]);
  await insert(trx, "arrangements", [
    { id: "ARR-0707", case_number: "CS-HW-0707", kind: "RETURN_CERTIFICATE", description: "退货检测证明：华为南京新街口客户服务中心开具，凭证到优购南京新街口店退款 / Return certificate at Huawei Nanjing Xinjiekou; refund at the Yougou Xinjiekou store", service_center_id: "SC-HW-NJ-XJK", scheduled_for: daysFromNow(1, "10:00"), arranged_at: daysAgo(1, "09:50"), arranged_by_name: HUAWEI_L2.name, arranged_by_org: "huawei", sms_sent_at: daysAgo(1, "09:52"), sms_to: "158****7777" },
  ]);
  await assignHandler(trx, caseMatter, HANDLERS.huaweiL1, daysAgo(5, "10:00"));
  await assignHandler(trx, caseMatter, HANDLERS.huaweiL2, daysAgo(5, "10:20"), "apps not in the first-line support list: escalated to a second-line expert, who owns the case");
  await assignHandler(trx, { kind: MatterKind.ENGINEERING_TASK, id: "ENG-0707" }, HANDLERS.huaweiEngineer, daysAgo(4, "09:00"), "weekend verification requested by the L2 expert");
  await releaseHandler(trx, { kind: MatterKind.ENGINEERING_TASK, id: "ENG-0707" }, daysAgo(2, "17:00"));
  await addCommitment(trx, caseMatter, { id: "CB-0707", description: "Call back with the engineering verification result", dueAt: daysAgo(1, "10:00"), madeBy: { name: HUAWEI_L2.name, organization: "huawei" }, status: "KEPT", keptAt: daysAgo(1, "09:30") });
  const appointment = beijingWindow(daysFromNow(1, "10:00"), daysFromNow(1, "11:00"));
  const events = [
    { id: "as-s7-01", at: daysAgo(5, "10:00"), kind: "CASE_OPENED", summary: "Case CS-HW-0707 opened on the Huawei hotline 950800: MateBook E (ARM) cannot install the bank's client or drive an HP printer", actor: HUAWEI_L1, subjectType: "ServiceCase", subjectId: "CS-HW-0707" },
    { id: "as-s7-02", at: daysAgo(5, "10:20"), kind: "CASE_ESCALATED", summary: "Escalated L1 -> L2: first line could not find the apps in its support list; expert 陈静怡 Chen Jingyi takes the case over", actor: HUAWEI_L1, subjectType: "ServiceCase", subjectId: "CS-HW-0707" },
    { id: "as-s7-03", at: daysAgo(4, "09:00"), kind: "TASK_OPENED", summary: "Engineering verification ENG-0707 (priority HIGH) assigned to 刘伟 Liu Wei: bank client + HP printer on MateBook E (ARM)", actor: HUAWEI_L2, subjectType: "ServiceCase", subjectId: "CS-HW-0707" },
    { id: "as-s7-04", at: daysAgo(4, "09:05"), kind: "CALLBACK_PROMISED", summary: "Expert 陈静怡 Chen Jingyi promised to call back with the verification result", actor: HUAWEI_L2, subjectType: "ServiceCase", subjectId: "CS-HW-0707" },
    { id: "as-s7-05", at: daysAgo(2, "17:00"), kind: "TASK_DONE", summary: "Verification done: not supported on ARM (x86-only bank client, no ARM64 driver for the HP printer)", actor: HUAWEI_ENGINEER, subjectType: "ServiceCase", subjectId: "CS-HW-0707" },
    { id: "as-s7-06", at: daysAgo(1, "09:30"), kind: "CALLBACK_KEPT", summary: "Expert called back as promised: unsupported, the laptop may be returned (certificate at the service center, refund at the store); no survey requested", actor: HUAWEI_L2, subjectType: "ServiceCase", subjectId: "CS-HW-0707" },
    { id: "as-s7-07", at: daysAgo(1, "09:50"), kind: "ARRANGEMENT_MADE", summary: `Return certificate arranged with 华为南京新街口客户服务中心 (025-8471-0707) for ${appointment}; address sent by SMS to 158****7777`, actor: HUAWEI_L2, subjectType: "ServiceCase", subjectId: "CS-HW-0707" },
  ];
  for (const event of events) await recordEvent(trx, { ...event, ownerId: owner });
}

async function seedS7Friend(trx: Transaction<DB>): Promise<void> {
  const owner = "MR-HW-7008";
  const mailIn: ActorInput = { name: "华为寄修中心 Huawei mail-in repair center", role: "rep", organization: "huawei" };
  await insert(trx, "replacements", [
    { id: "RPL-0708", case_number: "CS-HW-0708", owner_id: owner, product_name: "华为 P60 Pro 替换机 / Huawei P60 Pro replacement unit", carrier: "顺丰速运 SF Express", tracking_number: "SF1234567890", shipped_at: daysAgo(1, "16:00"), delivered_at: null, status: "IN_TRANSIT", old_unit_returned: 0 },
  ]);
  await assignHandler(trx, { kind: MatterKind.SERVICE_CASE, id: "CS-HW-0708" }, HANDLERS.huaweiL1, daysAgo(3, "13:00"));
  await assignHandler(trx, { kind: MatterKind.REPLACEMENT, id: "RPL-0708" }, HANDLERS.huaweiMailIn, daysAgo(1, "16:00"));
  const events = [
    { id: "as-s7f-01", at: daysAgo(3, "13:00"), kind: "CASE_OPENED", summary: "Case CS-HW-0708 opened: P60 Pro screen cracked, touch not responding (屏幕碎裂)", actor: { ...HUAWEI_L1 }, subjectType: "ServiceCase", subjectId: "CS-HW-0708" },
    { id: "as-s7f-02", at: daysAgo(2, "11:00"), kind: "REPLACEMENT_APPROVED", summary: "Care+ advance replacement approved: a new unit ships before the broken phone is returned", actor: mailIn, subjectType: "ServiceCase", subjectId: "CS-HW-0708" },
    { id: "as-s7f-03", at: daysAgo(1, "16:00"), kind: "REPLACEMENT_SHIPPED", summary: "Replacement P60 Pro shipped with 顺丰速运 SF Express, tracking SF1234567890", actor: mailIn, subjectType: "ServiceCase", subjectId: "CS-HW-0708" },
  ];
  for (const event of events) await recordEvent(trx, { ...event, ownerId: owner });
}

export async function seedStories(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insert(trx, "service_centers", SERVICE_CENTERS);
    await insert(trx, "cities", CITIES);
    await insert(trx, "technicians", TECHNICIANS);
    await insert(trx, "known_issues", KNOWN_ISSUES);
    await insert(trx, "maker_customers", MAKER_CUSTOMERS());
    await insert(trx, "devices", DEVICES());
    await insert(trx, "entitlements", ENTITLEMENTS());
    await insert(trx, "service_cases", CASES());
    await insert(trx, "case_parties", PARTIES());
    await insert(trx, "visits", VISITS());
    await seedS1(trx);
    await seedS4(trx);
    await seedS5(trx);
    await seedS6(trx);
    await seedS7(trx);
    await seedS7Friend(trx);
  });
}
