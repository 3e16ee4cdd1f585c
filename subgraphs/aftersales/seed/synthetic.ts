import type { Kysely } from "kysely";
import { assignSeededHandlers, insertInChunks, recordSeededEvents, seededRandom, type EventInput, type SeededHandler, type SyntheticPerson } from "../../kit";
import type { DB } from "../db/tables";

/*
 * Bulk after-sales records for benchmark customers: one registration, one device, and
 * cases with a visit each (opened, visit booked, closed: three events per case), so each
 * person gets about `eventsPerSource` timeline events from this source. About three in ten
 * people have a case still waiting for its visit (open matters). Deterministic per person
 * (seededRandom(index)); one transaction per call.
 */

const DAY = 86_400_000;

interface MakerProfile {
  maker: string;
  model: string;
  product: string;
  center: string;
  technician: string | null;
  faults: string[];
}

const MAKERS: MakerProfile[] = [
  { maker: "aolan", model: "AL-EH60", product: "奥澜 AL-EH60 电热水器 / Aolan AL-EH60 water heater", center: "SC-AL-WH-HS", technician: "TEC-AL-0001", faults: ["不加热 / Not heating", "进水口漏水 / Inlet leak", "显示 E2 故障码 / Error code E2"] },
  { maker: "xinghai", model: "XH-65Q7", product: "星海 65Q7 电视 / Xinghai 65Q7 TV", center: "SC-XH-WH-WC", technician: "TEC-XH-0001", faults: ["屏幕闪烁 / Screen flicker", "无法开机 / Does not power on", "无声音 / No sound"] },
  { maker: "hengtong", model: "HT-B860", product: "恒通 HT-B860 机顶盒 / Hengtong HT-B860 set-top box", center: "SC-HT-WH-JH", technician: "TEC-HT-0001", faults: ["遥控器失灵 / Remote not working", "无信号 / No signal"] },
  { maker: "lenovo", model: "TP-X1C-G11", product: "联想 ThinkPad X1 Carbon / Lenovo ThinkPad X1 Carbon", center: "SC-LNV-SH-XH", technician: "TEC-LNV-0001", faults: ["电池续航短 / Short battery life", "键盘失灵 / Keyboard fault"] },
  { maker: "huawei", model: "P60-PRO", product: "华为 P60 Pro / Huawei P60 Pro", center: "SC-HW-NJ-XJK", technician: null, faults: ["屏幕碎裂 / Cracked screen", "充电慢 / Slow charging", "无法开机 / Does not power on"] },
];

const EVENTS_PER_CASE = 3;

export async function seedSynthetic(db: Kysely<DB>, people: SyntheticPerson[]): Promise<void> {
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const customers: Record<string, unknown>[] = [];
  const devices: Record<string, unknown>[] = [];
  const entitlements: Record<string, unknown>[] = [];
  const cases: Record<string, unknown>[] = [];
  const visits: Record<string, unknown>[] = [];
  const events: (EventInput & { id: string })[] = [];
  const handlers: SeededHandler[] = [];

  for (const person of people) {
    const random = seededRandom(person.index + 1);
    const profile = MAKERS[Math.floor(random() * MAKERS.length)];
    const owner = person.ids.aftersales;
    const purchased = now - Math.floor((30 + random() * 700) * DAY);
    const serial = `${profile.model}-S${person.index}`;
    customers.push({ id: owner, maker: profile.maker, name: person.name, name_latin: person.nameLatin, phone: person.phone, city: person.city, address: null, registered_at: iso(purchased) });
    devices.push({ serial, owner_id: owner, maker: profile.maker, model: profile.model, product_name: profile.product, purchased_at: iso(purchased), retailer_order_number: null });
    entitlements.push({ id: `ENT-${serial}`, serial, kind: "WARRANTY", description: "整机保修 1 年 / 1-year warranty", starts_at: iso(purchased), ends_at: iso(purchased + 365 * DAY), paid: 0, price_fen: null });
    let eventNo = 0;
    const event = (at: number, kind: string, summary: string, subjectType: string, subjectId: string) =>
      events.push({ id: `syn-${person.index}-${eventNo++}`, ownerId: owner, at: iso(at), kind, summary, actor: { name: "售后系统 After-sales system", role: "system", organization: profile.maker }, subjectType, subjectId });
    const caseCount = Math.max(1, Math.round(person.eventsPerSource / EVENTS_PER_CASE));
    for (let c = 0; c < caseCount; c++) {
      const number = `CS-S${person.index}-${c + 1}`;
      const opened = purchased + Math.floor(((c + random()) / caseCount) * (now - purchased));
      const fault = profile.faults[Math.floor(random() * profile.faults.length)];
      const latestOpen = c === caseCount - 1 && random() < 0.3;
      const visitId = `VIS-S${person.index}-${c + 1}`;
      const windowStart = latestOpen ? now + Math.ceil(1 + random() * 5) * DAY : opened + 2 * DAY;
      cases.push({ number, owner_id: owner, serial, maker: profile.maker, status: latestOpen ? "SCHEDULED" : "CLOSED", channel: random() < 0.5 ? "PHONE" : "ONLINE", summary: fault, opened_at: iso(opened), closed_at: latestOpen ? null : iso(windowStart + 4 * 3_600_000), resolution: latestOpen ? null : "Repaired on site", resolved_by: latestOpen ? null : "TECHNICIAN", priority: "NORMAL", tier: "L1", order_number: null, service_center_id: profile.center });
      visits.push({ id: visitId, case_number: number, owner_id: owner, window_start: iso(windowStart), window_end: iso(windowStart + 4 * 3_600_000), status: latestOpen ? "SCHEDULED" : "COMPLETED", technician_id: profile.technician, service_center_id: profile.center, created_at: iso(opened + 3_600_000), cancel_reason: null, cancelled_by_name: null, cancelled_by_role: null, cancelled_by_org: null, cancelled_at: null, rescheduled_from: null, rescheduled_to: null });
      if (latestOpen) {
        const since = iso(opened + 3_600_000);
        const handler = { organization: profile.maker, hours: "09:00-18:00" };
        handlers.push({ id: `H-${number}`, matter: { kind: "SERVICE_CASE", id: number }, handler: { ...handler, name: `${profile.maker} after-sales`, tier: "L1" }, since });
        handlers.push({ id: `H-${visitId}`, matter: { kind: "VISIT", id: visitId }, handler: { ...handler, name: `${profile.maker} technician` }, since });
      }
      event(opened, "CASE_OPENED", `Case ${number} opened: ${fault}`, "ServiceCase", number);
      event(opened + 3_600_000, "VISIT_SCHEDULED", `Technician visit ${visitId} booked`, "Visit", visitId);
      if (!latestOpen) event(windowStart + 4 * 3_600_000, "CASE_CLOSED", `Case ${number} closed: repaired on site`, "ServiceCase", number);
    }
  }

  await db.transaction().execute(async (trx) => {
    await insertInChunks(trx, "maker_customers", customers);
    await insertInChunks(trx, "devices", devices);
    await insertInChunks(trx, "entitlements", entitlements);
    await insertInChunks(trx, "service_cases", cases);
    await insertInChunks(trx, "visits", visits);
    await recordSeededEvents(trx, events);
    await assignSeededHandlers(trx, handlers);
  });
}
