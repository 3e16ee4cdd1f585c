import type { Kysely } from "kysely";
import { assignHandler, daysAgo, maskPhone, minutesAgo, recordEvent } from "../../kit";
import type { DB, LoginAttemptsTable, SecurityLoginsTable, SecurityNotificationsTable } from "../db/tables";
import { LOCKOUT_MATTER, SECURITY_DESK, SECURITY_SYSTEM } from "../domain/platform";

/*
 * docs/STORY_DATA.md, security column: u-lina (S2), u-wanglei (S1), u-zhoujie (S6).
 * Only u-lina's story matters for the stories; the others have ordinary histories.
 */

interface Place {
  ip: string;
  city: string;
  province: string;
  country: string;
}

const NANJING_HOME: Place = { ip: "180.110.22.47", city: "南京 Nanjing", province: "江苏 Jiangsu", country: "CN" };
const NANJING_OFFICE: Place = { ip: "221.226.5.130", city: "南京 Nanjing", province: "江苏 Jiangsu", country: "CN" };
const GUANGZHOU_UNKNOWN: Place = { ip: "223.104.63.18", city: "广州 Guangzhou", province: "广东 Guangdong", country: "CN" };
const WUHAN: Place = { ip: "58.49.101.23", city: "武汉 Wuhan", province: "湖北 Hubei", country: "CN" };
const SHANGHAI: Place = { ip: "116.228.88.14", city: "上海 Shanghai", province: "上海 Shanghai", country: "CN" };

const LINA_PHONE = "13912345678";

function login(id: string, name: string, latin: string, phone: string, email: string, status: string, createdDaysAgo: number): SecurityLoginsTable {
  return { id, login_key: id.toUpperCase(), display_name: name, display_name_latin: latin, phone, email, status, created_at: daysAgo(createdDaysAgo, "11:00") };
}

function attempt(id: string, loginId: string, at: string, place: Place, device: string, result: string): LoginAttemptsTable {
  return { id, login_id: loginId, at, ip: place.ip, city: place.city, province: place.province, country: place.country, device, result };
}

function notification(
  id: string,
  loginId: string,
  at: string,
  channel: string,
  template: string,
  text: string,
  destination: string,
  status = "DELIVERED",
): SecurityNotificationsTable {
  return { id, login_id: loginId, at, channel, template_code: template, text, masked_destination: destination, delivery_status: status };
}

/** Li Na's usual two weeks (China time): her phone app mornings, her office PC some afternoons, all from Nanjing. */
function linaUsualLogins(): LoginAttemptsTable[] {
  const rows: LoginAttemptsTable[] = [];
  for (let day = 14; day >= 1; day--) {
    rows.push(attempt(`LA-LINA-${day}-AM`, "u-lina", daysAgo(day, "08:40"), NANJING_HOME, "优购 App 8.6 on iPhone 13 (iOS 17.5)", "SUCCESS"));
    if (day % 2 === 0) rows.push(attempt(`LA-LINA-${day}-PM`, "u-lina", daysAgo(day, "14:15"), NANJING_OFFICE, "Chrome 126 on Windows 11", "SUCCESS"));
  }
  return rows;
}

async function seedLina(db: Kysely<DB>): Promise<void> {
  await db.insertInto("security_logins").values(login("u-lina", "李娜", "Li Na", LINA_PHONE, "lina@example.cn", "LOCKED", 900)).execute();

  // Five wrong passwords in four minutes from a device and province she never used, two hours ago.
  const failures = [124, 123, 122, 121, 120].map((minutes, i) =>
    attempt(`LA-LINA-FAIL-${i + 1}`, "u-lina", minutesAgo(minutes + 1), GUANGZHOU_UNKNOWN, "Chrome 118 on Android 10 (unrecognized device)", "WRONG_PASSWORD"),
  );
  await db.insertInto("login_attempts").values([...linaUsualLogins(), ...failures]).execute();

  const lockedAt = minutesAgo(120);
  await db
    .insertInto("lockouts")
    .values({ id: "LK-LINA-0001", login_id: "u-lina", cause: "5 wrong passwords within 5 minutes from an unrecognized device", since: lockedAt, until: null, active: 1, lifted_by: null, lift_method: null })
    .execute();

  const masked = maskPhone(LINA_PHONE);
  await db
    .insertInto("security_notifications")
    .values([
      notification("SN-LINA-0001", "u-lina", daysAgo(45, "09:05"), "APP", "NEW_DEVICE_LOGIN", "新设备登录提醒：Chrome on Windows 11，南京。 New sign-in to your Yougou account: Chrome on Windows 11, Nanjing.", "优购 App (iPhone 13)"),
      notification("SN-LINA-0002", "u-lina", daysAgo(40, "20:30"), "EMAIL", "PASSWORD_CHANGED", "您的优购账号密码已修改。 Your Yougou password was changed.", "l***@example.cn"),
      notification(
        "SN-LINA-0003",
        "u-lina",
        lockedAt,
        "SMS",
        "ACCOUNT_LOCKED",
        "【优购】您的账号因连续5次输错密码已被锁定，如非本人操作请注意账号安全。 Your Yougou login was locked after 5 wrong passwords. If this wasn't you, watch your account security.",
        masked,
      ),
    ])
    .execute();

  await recordEvent(db, { id: "sec-lina-pw", ownerId: "u-lina", at: daysAgo(40, "20:30"), kind: "PASSWORD_CHANGED", summary: "Password changed by the customer (self-service)", actor: { name: "李娜 Li Na", role: "customer", organization: "platform" }, subjectType: "SecurityLogin", subjectId: "u-lina" });
  await recordEvent(db, {
    id: "sec-lina-suspicious",
    ownerId: "u-lina",
    at: minutesAgo(121),
    kind: "SUSPICIOUS_LOGIN",
    summary: "Suspicious sign-in attempts: 5 wrong passwords in 4 minutes from an unrecognized device and location",
    actor: SECURITY_SYSTEM,
    subjectType: "SecurityLogin",
    subjectId: "u-lina",
  });
  await recordEvent(db, {
    id: "sec-lina-locked",
    ownerId: "u-lina",
    at: lockedAt,
    kind: "LOGIN_LOCKED",
    summary: `Login locked after 5 wrong passwords; the platform sent the lockout SMS to ${masked}`,
    actor: SECURITY_SYSTEM,
    subjectType: "SecurityLogin",
    subjectId: "u-lina",
  });
  await assignHandler(db, { kind: LOCKOUT_MATTER, id: "LK-LINA-0001" }, SECURITY_DESK, lockedAt, "Automatic lockout: the security desk lifts it after verifying the customer");
}

async function seedWangLei(db: Kysely<DB>): Promise<void> {
  const phone = "13807191234";
  await db.insertInto("security_logins").values(login("u-wanglei", "王磊", "Wang Lei", phone, "wanglei@example.cn", "ACTIVE", 1200)).execute();
  const device = "优购 App 8.6 on Huawei Mate 60 (HarmonyOS 4)";
  const rows = [30, 26, 21, 20, 15, 11, 8, 5, 3, 1].map((day) => attempt(`LA-WANGLEI-${day}`, "u-wanglei", daysAgo(day, "19:20"), WUHAN, device, "SUCCESS"));
  rows.push(attempt("LA-WANGLEI-20-WRONG", "u-wanglei", daysAgo(20, "19:18"), WUHAN, device, "WRONG_PASSWORD"));
  await db.insertInto("login_attempts").values(rows).execute();

  const lockedAt = daysAgo(200, "10:10");
  const liftedAt = daysAgo(200, "10:25");
  await db
    .insertInto("lockouts")
    .values({ id: "LK-WANGLEI-0001", login_id: "u-wanglei", cause: "5 wrong passwords within 10 minutes", since: lockedAt, until: liftedAt, active: 0, lifted_by: "王磊 Wang Lei (self-service)", lift_method: "Self-service with an SMS code on the login page" })
    .execute();
  const masked = maskPhone(phone);
  await db
    .insertInto("security_notifications")
    .values([
      notification("SN-WANGLEI-0001", "u-wanglei", lockedAt, "SMS", "ACCOUNT_LOCKED", "【优购】您的账号因连续5次输错密码已被锁定，如非本人操作请注意账号安全。 Your Yougou login was locked after 5 wrong passwords. If this wasn't you, watch your account security.", masked),
      notification("SN-WANGLEI-0002", "u-wanglei", liftedAt, "SMS", "ACCOUNT_UNLOCKED", "【优购】您已通过短信验证码解锁账号。 You unlocked your Yougou account with an SMS code.", masked),
    ])
    .execute();
  await recordEvent(db, { id: "sec-wanglei-locked", ownerId: "u-wanglei", at: lockedAt, kind: "LOGIN_LOCKED", summary: `Login locked after 5 wrong passwords; lockout SMS sent to ${masked}`, actor: SECURITY_SYSTEM, subjectType: "SecurityLogin", subjectId: "u-wanglei" });
  await recordEvent(db, { id: "sec-wanglei-unlocked", ownerId: "u-wanglei", at: liftedAt, kind: "LOGIN_UNLOCKED", summary: "Login unlocked by the customer with an SMS code (self-service)", actor: { name: "王磊 Wang Lei", role: "customer", organization: "platform" }, subjectType: "SecurityLogin", subjectId: "u-wanglei" });
}

async function seedZhouJie(db: Kysely<DB>): Promise<void> {
  const phone = "13766660606";
  await db.insertInto("security_logins").values(login("u-zhoujie", "周杰", "Zhou Jie", phone, "zhoujie@example.cn", "ACTIVE", 700)).execute();
  const pc = "Edge 125 on Windows 11 (Lenovo ThinkPad)";
  const app = "优购 App 8.6 on Xiaomi 14 (Android 14)";
  const rows = [29, 22, 16, 9, 4, 2].flatMap((day) => [
    attempt(`LA-ZHOUJIE-${day}-PC`, "u-zhoujie", daysAgo(day, "09:30"), SHANGHAI, pc, "SUCCESS"),
    attempt(`LA-ZHOUJIE-${day}-APP`, "u-zhoujie", daysAgo(day, "20:45"), SHANGHAI, app, "SUCCESS"),
  ]);
  await db.insertInto("login_attempts").values(rows).execute();
  const at = daysAgo(29, "09:30");
  await db
    .insertInto("security_notifications")
    .values(notification("SN-ZHOUJIE-0001", "u-zhoujie", at, "APP", "NEW_DEVICE_LOGIN", "新设备登录提醒：Edge on Windows 11，上海。 New sign-in to your Yougou account: Edge on Windows 11, Shanghai.", "优购 App (Xiaomi 14)"))
    .execute();
  await recordEvent(db, { id: "sec-zhoujie-newdevice", ownerId: "u-zhoujie", at, kind: "NEW_DEVICE_LOGIN", summary: "Signed in from a new device (a Windows PC); the customer was notified in the app", actor: SECURITY_SYSTEM, subjectType: "SecurityLogin", subjectId: "u-zhoujie" });
}

export async function seedStories(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await seedLina(trx);
    await seedWangLei(trx);
    await seedZhouJie(trx);
  });
}
