import type { Kysely } from "kysely";
import { addCommitment, assignHandler, daysAgo, recordEvent } from "../../kit";
import type { DB } from "../db/tables";

/*
 * The people of STORIES.md S1-S7 and their identities in every system
 * (docs/STORY_DATA.md is the contract the other subgraphs seed against), plus what this
 * subgraph itself holds: the shared contact log (S5), complaints (S4) and surveys (S4).
 */

interface Person {
  id: string;
  name: string;
  nameLatin: string;
  city: string;
  cityLatin: string;
  address: string;
  email: string;
  phones: Array<[string, string]>;
  links: Array<[system: string, externalId: string, role: string | null]>;
}

const PEOPLE: Person[] = [
  { id: "C-S1", name: "王磊", nameLatin: "Wang Lei", city: "武汉", cityLatin: "Wuhan", address: "武汉市洪山区珞喻路 88 号 3 栋 1201", email: "wanglei@example.cn", phones: [["13807191234", "mobile"]], links: [["orders", "RC-1001", null], ["aftersales", "MR-AOLAN-5001", null], ["billing", "BA-1001", "holder"], ["security", "u-wanglei", null]] },
  { id: "C-S2", name: "李娜", nameLatin: "Li Na", city: "南京", cityLatin: "Nanjing", address: "南京市鼓楼区中山路 321 号", email: "lina@example.cn", phones: [["13912345678", "mobile"]], links: [["billing", "BA-1002", "holder"], ["security", "u-lina", null]] },
  { id: "C-S3", name: "张伟", nameLatin: "Zhang Wei", city: "武汉", cityLatin: "Wuhan", address: "武汉市江汉区建设大道 568 号", email: "zhangwei@example.cn", phones: [["13011112222", "mobile"], ["02787654321", "home"]], links: [["billing", "BA-2001", "holder"]] },
  { id: "C-S3P", name: "张建国", nameLatin: "Zhang Jianguo", city: "武汉", cityLatin: "Wuhan", address: "武汉市江汉区建设大道 568 号", email: "zhangjianguo@example.cn", phones: [["13122223333", "mobile"], ["02787654321", "home"]], links: [["billing", "BA-2001", "member"]] },
  { id: "C-S3C", name: "陈静", nameLatin: "Chen Jing", city: "武汉", cityLatin: "Wuhan", address: "武汉市东湖高新区光谷大道 77 号 光谷云科技有限公司", email: "chenjing@guanggu-cloud.example.cn", phones: [["13233334444", "mobile"]], links: [["billing", "BA-3001", "admin"]] },
  { id: "C-S4", name: "赵敏", nameLatin: "Zhao Min", city: "武汉", cityLatin: "Wuhan", address: "武汉市武昌区中北路 109 号", email: "zhaomin@example.cn", phones: [["18627004444", "mobile"]], links: [["aftersales", "MR-XH-4001", null], ["billing", "BA-4001", "holder"]] },
  { id: "C-S5", name: "刘洋", nameLatin: "Liu Yang", city: "武汉", cityLatin: "Wuhan", address: "武汉市青山区和平大道 1200 号", email: "liuyang@example.cn", phones: [["13555550505", "mobile"]], links: [["aftersales", "MR-HT-5005", null], ["billing", "BA-5001", "holder"]] },
  { id: "C-S6", name: "周杰", nameLatin: "Zhou Jie", city: "上海", cityLatin: "Shanghai", address: "上海市浦东新区世纪大道 100 号", email: "zhoujie@example.cn", phones: [["13766660606", "mobile"]], links: [["orders", "RC-1006", null], ["aftersales", "MR-LNV-6006", null], ["security", "u-zhoujie", null]] },
  { id: "C-S7", name: "孙丽", nameLatin: "Sun Li", city: "南京", cityLatin: "Nanjing", address: "南京市秦淮区中华路 50 号", email: "sunli@example.cn", phones: [["15800007777", "mobile"]], links: [["orders", "RC-1007", null], ["aftersales", "MR-HW-7007", null]] },
  { id: "C-S7F", name: "吴芳", nameLatin: "Wu Fang", city: "南京", cityLatin: "Nanjing", address: "南京市玄武区北京东路 12 号", email: "wufang@example.cn", phones: [["15900007008", "mobile"]], links: [["aftersales", "MR-HW-7008", null]] },
];

type Contact = [customerId: string, at: string, party: string, channel: string, direction: string, outcome: string, note: string, byName: string | null, subject: [string, string] | null];

/** S5: five calls after it was fixed; S4: the TV maker offering another visit; S1: the retailer's answer. */
function contacts(): Contact[] {
  const stbCase: [string, string] = ["ServiceCase", "CS-HT-0505"];
  return [
    ["C-S5", daysAgo(3, "10:05"), "jiangcheng", "PHONE", "INBOUND", "REACHED", "Remote stopped working after two power cuts. Hotline: it's the set-top box maker's; call brand H.", "江城有线客服 Jiangcheng hotline", null],
    ["C-S5", daysAgo(3, "10:40"), "hengtong", "PHONE", "INBOUND", "BUSY", "Brand H hotline busy.", null, null],
    ["C-S5", daysAgo(3, "14:10"), "hengtong", "PHONE", "INBOUND", "BUSY", "Brand H hotline still busy.", null, null],
    ["C-S5", daysAgo(3, "16:30"), "jiangcheng", "PHONE", "INBOUND", "REACHED", "Complained to the provider that H can't be reached.", "江城有线客服 Jiangcheng hotline", null],
    ["C-S5", daysAgo(3, "16:35"), "hengtong", "PHONE", "OUTBOUND", "REACHED", "H called back within five minutes: bring it to a service point.", "恒通客服 Hengtong after-sales", stbCase],
    ["C-S5", daysAgo(3, "16:50"), "hengtong", "PHONE", "OUTBOUND", "REACHED", "Given a third number for home visits.", "恒通客服 Hengtong after-sales", stbCase],
    ["C-S5", daysAgo(2, "10:00"), "hengtong-repair", "PHONE", "OUTBOUND", "CALLBACK_PROMISED", "Repair department: someone will contact you.", "恒通维修部 Hengtong repair", stbCase],
    ["C-S5", daysAgo(2, "15:00"), "hengtong-repair", "PHONE", "OUTBOUND", "REACHED", "Repair department: a technician will visit in three days.", "恒通维修部 Hengtong repair", stbCase],
    ["C-S5", daysAgo(1, "09:12"), "jiangcheng", "PHONE", "INBOUND", "TOLD_RESOLVED", "Customer fixed it himself (re-paired the remote); no visit needed. Please tell H.", "江城有线客服 Jiangcheng hotline", stbCase],
    ["C-S5", daysAgo(1, "11:00"), "hengtong", "PHONE", "OUTBOUND", "REACHED", "H after-sales called to arrange the visit, unaware it was resolved.", "恒通客服 Hengtong after-sales", stbCase],
    ["C-S5", daysAgo(1, "15:30"), "hengtong-repair", "PHONE", "OUTBOUND", "REACHED", "H repair department called to confirm the visit, unaware it was resolved.", "恒通维修部 Hengtong repair", stbCase],
    ["C-S4", daysAgo(20, "19:30"), "xinghai", "PHONE", "OUTBOUND", "REACHED", "Xinghai offered 'another technician visit' after the last one said the fault was normal.", "星海客服 Xinghai service", ["ServiceCase", "CS-XH-4001"]],
    ["C-S1", daysAgo(1, "20:15"), "yougou", "PHONE", "INBOUND", "REACHED", "Customer fixed the leak himself and asked to tell the technician not to come. Desk had no contact for the maker's after-sales.", "优购客服 Yougou service desk", ["Order", "YG-20261102-0001"]],
  ];
}

export async function seedStories(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const person of PEOPLE) {
      await trx
        .insertInto("customers")
        .values({ id: person.id, name: person.name, name_latin: person.nameLatin, city: person.city, city_latin: person.cityLatin, address: person.address, email: person.email, created_at: daysAgo(400) })
        .execute();
      for (const [phone, label] of person.phones) await trx.insertInto("customer_phones").values({ customer_id: person.id, phone, label }).execute();
      for (const [system, externalId, role] of person.links) await trx.insertInto("identity_links").values({ customer_id: person.id, system, external_id: externalId, role }).execute();
    }

    let n = 0;
    for (const [customerId, at, party, channel, direction, outcome, note, byName, subject] of contacts()) {
      const id = `CT-${String(++n).padStart(4, "0")}`;
      await trx.insertInto("contacts").values({ id, customer_id: customerId, at, party, channel, direction, outcome, note, by_name: byName, by_org: byName ? party : null, subject_type: subject?.[0] ?? null, subject_id: subject?.[1] ?? null }).execute();
      const who = direction === "INBOUND" ? `Customer called ${party}` : `${party} called the customer`;
      await recordEvent(trx, {
        id: `event-${id}`,
        ownerId: customerId,
        at,
        kind: "CONTACT_LOGGED",
        summary: `${who}: ${outcome.toLowerCase().replace(/_/g, " ")} — ${note}`,
        actor: byName ? { name: byName, role: "rep", organization: party } : { name: "Customer", role: "customer", organization: "customer" },
        subjectType: subject?.[0] ?? "Customer",
        subjectId: subject?.[1] ?? customerId,
      });
    }

    // S4: the complaint escalated two months ago, a reply promised within 7 days, never sent.
    const complaint = { kind: "COMPLAINT", id: "CMP-4001" };
    await trx
      .insertInto("complaints")
      .values({ id: complaint.id, customer_id: "C-S4", opened_at: daysAgo(64, "10:00"), against_org: "unicom", summary: "Network cut 2 days after a missed payment; a large outage got no explanation.", status: "ESCALATED", escalated: 1, resolved_at: null })
      .execute();
    await assignHandler(trx, complaint, { name: "联通热线 Hotline agent 0371", team: "Wuhan hotline", organization: "unicom", tier: "L1", phone: "10010", hours: "24h" }, daysAgo(64, "10:00"));
    await assignHandler(trx, complaint, { name: "投诉专员 Complaints officer Huang", team: "Complaints (escalation)", organization: "unicom", tier: "L2", phone: "027-8888-10010", hours: "09:00-17:30 Mon-Fri" }, daysAgo(62, "15:00"), "escalated by hotline");
    await addCommitment(trx, complaint, { id: "PR-CMP-4001", description: "Reply to the customer with an explanation of the outage and the suspension", dueAt: daysAgo(55, "15:00"), madeBy: { name: "联通热线 Hotline agent 0371", organization: "unicom" } });
    await recordEvent(trx, { id: "event-CMP-4001-open", ownerId: "C-S4", at: daysAgo(64, "10:00"), kind: "COMPLAINT_OPENED", summary: "Complaint to Unicom: cut off 2 days after a missed payment, outage unexplained", actor: { name: "赵敏 Zhao Min", role: "customer", organization: "customer" }, subjectType: "Complaint", subjectId: complaint.id });
    await recordEvent(trx, { id: "event-CMP-4001-esc", ownerId: "C-S4", at: daysAgo(62, "15:00"), kind: "COMPLAINT_ESCALATED", summary: "Complaint escalated to the complaints team; reply promised within 7 days", actor: { name: "联通热线 Hotline agent 0371", role: "rep", organization: "unicom" }, subjectType: "Complaint", subjectId: complaint.id });

    // S4: a survey arrived ten days ago, long after the service.
    await trx.insertInto("surveys").values({ id: "SV-4001", customer_id: "C-S4", sent_at: daysAgo(10, "12:00"), party: "xinghai", subject_type: "ServiceCase", subject_id: "CS-XH-4001" }).execute();
    await recordEvent(trx, { id: "event-SV-4001", ownerId: "C-S4", at: daysAgo(10, "12:00"), kind: "SURVEY_SENT", summary: "Satisfaction survey sent by Xinghai (press A for very satisfied ...)", actor: { name: "Xinghai survey system", role: "system", organization: "xinghai" }, subjectType: "ServiceCase", subjectId: "CS-XH-4001" });
  });
}
