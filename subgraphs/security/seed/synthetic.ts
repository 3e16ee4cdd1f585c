import type { Kysely } from "kysely";
import { assignSeededHandlers, insertInChunks, maskPhone, recordSeededEvents, seededRandom, type EventInput, type SeededHandler, type SyntheticPerson } from "../../kit";
import type { DB, LockoutsTable, LoginAttemptsTable, SecurityLoginsTable, SecurityNotificationsTable } from "../db/tables";
import { LOCKOUT_MATTER, SECURITY_DESK, SECURITY_SYSTEM } from "../domain/platform";

const DAY = 86_400_000;

/** Province and an IP prefix per city the generator uses (scripts/lib/syntheticPeople.ts); unknown cities fall back to their own name. */
const PLACES: Record<string, { city: string; province: string; prefix: string }> = {
  武汉: { city: "武汉 Wuhan", province: "湖北 Hubei", prefix: "58.49" },
  南京: { city: "南京 Nanjing", province: "江苏 Jiangsu", prefix: "180.110" },
  上海: { city: "上海 Shanghai", province: "上海 Shanghai", prefix: "116.228" },
  北京: { city: "北京 Beijing", province: "北京 Beijing", prefix: "123.112" },
  广州: { city: "广州 Guangzhou", province: "广东 Guangdong", prefix: "113.108" },
  成都: { city: "成都 Chengdu", province: "四川 Sichuan", prefix: "171.88" },
  杭州: { city: "杭州 Hangzhou", province: "浙江 Zhejiang", prefix: "115.236" },
  西安: { city: "西安 Xi'an", province: "陕西 Shaanxi", prefix: "113.200" },
};
const FAR_AWAY = [
  { city: "哈尔滨 Harbin", province: "黑龙江 Heilongjiang", prefix: "221.208" },
  { city: "昆明 Kunming", province: "云南 Yunnan", prefix: "112.112" },
  { city: "乌鲁木齐 Urumqi", province: "新疆 Xinjiang", prefix: "110.157" },
];
const DEVICES = ["优购 App 8.6 on iPhone 14 (iOS 17)", "优购 App 8.6 on Huawei P60 (HarmonyOS 4)", "Chrome 126 on Windows 11", "Safari 17 on macOS 14", "优购 App 8.5 on OPPO Reno 10 (Android 13)"];

interface Batch {
  logins: SecurityLoginsTable[];
  attempts: LoginAttemptsTable[];
  lockouts: LockoutsTable[];
  notifications: SecurityNotificationsTable[];
  events: (EventInput & { id: string })[];
  handlers: SeededHandler[];
}

function pick<T>(random: () => number, items: T[]): T {
  return items[Math.floor(random() * items.length)];
}

function addPerson(batch: Batch, person: SyntheticPerson, now: number): void {
  const random = seededRandom(person.index + 5_000_011);
  const loginId = person.ids.security;
  const home = PLACES[person.city] ?? { city: person.city, province: person.city, prefix: "36.112" };
  const device = pick(random, DEVICES);
  const masked = maskPhone(person.phone);
  const iso = (ms: number) => new Date(ms).toISOString();
  const place = () => ({ ip: `${home.prefix}.${Math.floor(random() * 254) + 1}.${Math.floor(random() * 254) + 1}`, city: home.city, province: home.province, country: "CN" });
  const locked = random() < 0.04;

  batch.logins.push({
    id: loginId,
    login_key: loginId.toUpperCase(),
    display_name: person.name,
    display_name_latin: person.nameLatin,
    phone: person.phone,
    email: person.email.toLowerCase(),
    status: locked ? "LOCKED" : "ACTIVE",
    created_at: iso(now - (400 + Math.floor(random() * 1500)) * DAY),
  });

  const attemptCount = person.eventsPerSource * 2;
  for (let i = 0; i < attemptCount; i++) {
    const at = now - Math.floor(random() * 180 * DAY) - DAY;
    batch.attempts.push({ id: `syn-la-${person.index}-${i}`, login_id: loginId, at: iso(at), ...place(), device, result: random() < 0.07 ? "WRONG_PASSWORD" : "SUCCESS" });
  }

  const event = (k: number, at: number, kind: string, summary: string) =>
    batch.events.push({
      id: `syn-sec-${person.index}-${k}`,
      ownerId: loginId,
      at: iso(at),
      kind,
      summary,
      actor: SECURITY_SYSTEM,
      subjectType: "SecurityLogin",
      subjectId: loginId,
    });
  const note = (k: number, at: number, channel: string, template: string, text: string) =>
    batch.notifications.push({ id: `syn-sn-${person.index}-${k}`, login_id: loginId, at: iso(at), channel, template_code: template, text, masked_destination: channel === "SMS" ? masked : "优购 App", delivery_status: "DELIVERED" });

  for (let k = 0; k < person.eventsPerSource; k++) {
    const at = now - Math.floor(random() * 180 * DAY) - DAY;
    if (random() < 0.6) {
      event(k, at, "NEW_DEVICE_LOGIN", "Signed in from a new device; the customer was notified in the app");
      note(k, at, "APP", "NEW_DEVICE_LOGIN", `New sign-in to your Yougou account from a new device, ${home.city}.`);
    } else {
      event(k, at, "PASSWORD_CHANGED", "Password changed by the customer (self-service)");
      note(k, at, "SMS", "PASSWORD_CHANGED", "【优购】您的账号密码已修改。 Your Yougou password was changed.");
    }
  }

  if (locked) {
    const far = pick(random, FAR_AWAY);
    const since = now - Math.floor(random() * 20 * 3_600_000) - 600_000;
    for (let i = 0; i < 5; i++) {
      batch.attempts.push({ id: `syn-la-${person.index}-fail-${i}`, login_id: loginId, at: iso(since - (5 - i) * 45_000), ip: `${far.prefix}.${i + 10}.${Math.floor(random() * 254) + 1}`, city: far.city, province: far.province, country: "CN", device: "Chrome 118 on Android 10 (unrecognized device)", result: "WRONG_PASSWORD" });
    }
    const lockoutId = `syn-lk-${person.index}`;
    batch.lockouts.push({ id: lockoutId, login_id: loginId, cause: "5 wrong passwords within 5 minutes from an unrecognized device", since: iso(since), until: null, active: 1, lifted_by: null, lift_method: null });
    event(person.eventsPerSource, since, "LOGIN_LOCKED", `Login locked after 5 wrong passwords; the platform sent the lockout SMS to ${masked}`);
    note(person.eventsPerSource, since, "SMS", "ACCOUNT_LOCKED", "【优购】您的账号因连续5次输错密码已被锁定，如非本人操作请注意账号安全。 Your Yougou login was locked after 5 wrong passwords.");
    batch.handlers.push({ id: `syn-mh-${person.index}`, matter: { kind: LOCKOUT_MATTER, id: lockoutId }, handler: SECURITY_DESK, since: iso(since), reason: "Automatic lockout" });
  }
}

/** Bulk logins for benchmark customers: arrays built in memory, written in chunks in one transaction. */
export async function seedSynthetic(db: Kysely<DB>, people: SyntheticPerson[]): Promise<void> {
  const batch: Batch = { logins: [], attempts: [], lockouts: [], notifications: [], events: [], handlers: [] };
  const now = Date.now();
  for (const person of people) addPerson(batch, person, now);
  await db.transaction().execute(async (trx) => {
    await insertInChunks(trx, "security_logins", batch.logins as unknown as Record<string, unknown>[]);
    await insertInChunks(trx, "login_attempts", batch.attempts as unknown as Record<string, unknown>[]);
    await insertInChunks(trx, "lockouts", batch.lockouts as unknown as Record<string, unknown>[]);
    await insertInChunks(trx, "security_notifications", batch.notifications as unknown as Record<string, unknown>[]);
    await recordSeededEvents(trx, batch.events);
    await assignSeededHandlers(trx, batch.handlers);
  });
}
