import { REP_MAKER, REP_RETAILER, SUPERVISOR } from "../../helpers/testCaller";
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { readSecurityConfig, useSecurityConfig } from "../../../subgraphs/security/config";
import { securitySubgraph } from "../../../subgraphs/security/subgraph";
import type { DB } from "../../../subgraphs/security/db/tables";
import { ANALYST, verify } from "./helpers";

const LINA = `query Lina {
  securityLogin(id: "u-lina") {
    id status isLocked maskedPhone displayName
    attempts(first: 30) { at ip device result location { city province country } }
    activeLockout { cause since active howToLift }
    lockouts { id active until }
    notifications { at channel templateCode text maskedDestination deliveryStatus }
  }
}`;

const DAY = 86_400_000;

describeEachDatabase("security: the identity verification gate (S2, S6)", (target) => {
  let t: TestSubgraph<DB>;
  beforeAll(async () => {
    t = await startTestSubgraph(securitySubgraph, target);
  });
  afterAll(() => t.stop());

  it("refuses security detail before verification, keeping id/status/isLocked visible", async () => {
    const result = await t.query(LINA, {}, REP_RETAILER);
    const login = result.body.data?.securityLogin;
    expect(login).toMatchObject({ id: "u-lina", status: "LOCKED", isLocked: true, maskedPhone: "139****5678" });
    expect(login.attempts).toBeNull();
    expect(login.activeLockout).toBeNull();
    expect(login.notifications).toBeNull();
    expect(login.lockouts).toBeNull();
    const errors = result.body.errors ?? [];
    expect(errors.length).toBe(4);
    for (const error of errors) {
      expect(error.extensions?.code).toBe("VERIFICATION_REQUIRED");
      expect(error.message).toMatch(/identity must be verified first/);
    }
    // The refusal itself must not leak detail.
    expect(JSON.stringify(result.body)).not.toMatch(/223\.104|Guangzhou|Android/);
  });

  it("a supervisor needs verification too", async () => {
    const result = await t.query(LINA, {}, SUPERVISOR);
    expect(result.body.data?.securityLogin.attempts).toBeNull();
    expect(result.body.errors?.[0].extensions?.code).toBe("VERIFICATION_REQUIRED");
  });

  it("after verification the rep sees the S2 story; another caller still does not", async () => {
    const before = await t.query(`{ verificationStatus(loginId: "u-lina") { verifiedBy } }`, {}, REP_RETAILER);
    expect(before.body.data?.verificationStatus).toBeNull();

    await verify(t, REP_RETAILER, "u-lina");

    const status = await t.query(`{ verificationStatus(loginId: "u-lina") { loginId verifiedBy method verifiedUntil } }`, {}, REP_RETAILER);
    expect(status.body.data?.verificationStatus).toMatchObject({ loginId: "u-lina", verifiedBy: REP_RETAILER.subject, method: "SMS_CODE" });
    const minutesLeft = (Date.parse(status.body.data.verificationStatus.verifiedUntil) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(14);
    expect(minutesLeft).toBeLessThanOrEqual(15);

    const result = await t.query(LINA, {}, REP_RETAILER);
    expect(result.body.errors).toBeUndefined();
    const login = result.body.data.securityLogin;

    // Newest first: the five wrong passwords from an unknown IP in another province...
    const failures = login.attempts.slice(0, 5);
    expect(failures.every((a: any) => a.result === "WRONG_PASSWORD")).toBe(true);
    expect(new Set(failures.map((a: any) => a.ip)).size).toBe(1);
    expect(failures[0].location.province).not.toMatch(/Jiangsu/);
    const ages = failures.map((a: any) => (Date.now() - Date.parse(a.at)) / 3_600_000);
    expect(Math.max(...ages)).toBeLessThan(2.5);
    // ...after two weeks of her usual successful logins from Nanjing.
    const usual = login.attempts.slice(5);
    expect(usual.length).toBeGreaterThanOrEqual(14);
    expect(usual.every((a: any) => a.result === "SUCCESS" && /Nanjing/.test(a.location.city) && a.ip !== failures[0].ip)).toBe(true);
    expect((Date.now() - Date.parse(usual[usual.length - 1].at)) / DAY).toBeGreaterThan(13);
    for (let i = 1; i < login.attempts.length; i++) expect(login.attempts[i - 1].at >= login.attempts[i].at).toBe(true);

    expect(login.activeLockout).toMatchObject({ active: true });
    expect(login.activeLockout.cause).toMatch(/5 wrong passwords/);
    expect(login.activeLockout.howToLift).toMatch(/hotline/);
    expect(login.activeLockout.howToLift).toMatch(/SMS code/);
    expect(Math.abs(Date.now() - Date.parse(login.activeLockout.since) - 2 * 3_600_000)).toBeLessThan(10 * 60_000);

    // The lockout SMS the platform really sent, and nothing else before the rep's own code that day.
    const lockedSms = login.notifications.filter((n: any) => n.templateCode === "ACCOUNT_LOCKED");
    expect(lockedSms).toHaveLength(1);
    expect(lockedSms[0]).toMatchObject({ channel: "SMS", maskedDestination: "139****5678", deliveryStatus: "DELIVERED" });
    expect(lockedSms[0].text).toMatch(/5 wrong passwords/);
    const sameDay = login.notifications.filter((n: any) => Date.now() - Date.parse(n.at) < DAY && n.templateCode !== "IDENTITY_VERIFICATION_CODE");
    expect(sameDay).toHaveLength(1);
    const codeSms = login.notifications.find((n: any) => n.templateCode === "IDENTITY_VERIFICATION_CODE");
    expect(codeSms).toMatchObject({ channel: "SMS", maskedDestination: "139****5678" });

    // A verification belongs to the caller who made it.
    const other = await t.query(LINA, {}, REP_MAKER);
    expect(other.body.data?.securityLogin.attempts).toBeNull();
    expect(other.body.errors?.[0].extensions?.code).toBe("VERIFICATION_REQUIRED");
    // And to the login it was made for.
    const wanglei = await t.query(`{ securityLogin(id: "u-wanglei") { id attempts { ip } } }`, {}, REP_RETAILER);
    expect(wanglei.body.data?.securityLogin).toEqual({ id: "u-wanglei", attempts: null });
    expect(wanglei.body.errors?.[0].extensions?.code).toBe("VERIFICATION_REQUIRED");
  });

  it("an analyst sees detail without verification, with IPs masked", async () => {
    const masked = await t.query(`{ securityLogin(id: "u-lina") { attempts(first: 5) { ip result } } }`, {}, ANALYST);
    expect(masked.body.errors).toBeUndefined();
    await verify(t, REP_MAKER, "u-lina");
    const full = await t.query(`{ securityLogin(id: "u-lina") { attempts(first: 5) { ip result } } }`, {}, REP_MAKER);
    const maskedAttempts = masked.body.data.securityLogin.attempts;
    const fullAttempts = full.body.data.securityLogin.attempts;
    expect(maskedAttempts).toHaveLength(5);
    maskedAttempts.forEach((attempt: any, i: number) => {
      const [a, b] = fullAttempts[i].ip.split(".");
      expect(attempt.ip).toBe(`${a}.${b}.*.*`);
      expect(attempt.ip).not.toBe(fullAttempts[i].ip);
    });
  });

  it("a verification expires after VERIFICATION_MINUTES", async () => {
    // The subgraph runs in this process: its options as if started with VERIFICATION_MINUTES=0.005 (300 ms).
    useSecurityConfig(readSecurityConfig({ VERIFICATION_MINUTES: "0.005" }));
    try {
      await verify(t, SUPERVISOR, "u-zhoujie");
    } finally {
      useSecurityConfig(readSecurityConfig({}));
    }
    const during = await t.query(`{ securityLogin(id: "u-zhoujie") { attempts(first: 1) { result } } }`, {}, SUPERVISOR);
    expect(during.body.data?.securityLogin.attempts).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = await t.query(`{ securityLogin(id: "u-zhoujie") { attempts(first: 1) { result } } verificationStatus(loginId: "u-zhoujie") { verifiedUntil } }`, {}, SUPERVISOR);
    expect(after.body.data?.securityLogin.attempts).toBeNull();
    expect(after.body.data?.verificationStatus).toBeNull();
    expect(after.body.errors?.[0].extensions?.code).toBe("VERIFICATION_REQUIRED");
  });

  it("refuses a request without the gateway token with HTTP 401", async () => {
    const result = await t.query(`{ securityLogin(id: "u-lina") { id } }`, {}, null);
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("answers bad input with BAD_USER_INPUT and unknown ids with null", async () => {
    const unknown = await t.query(`{ securityLogin(id: "u-nobody") { id } }`);
    expect(unknown.body.errors).toBeUndefined();
    expect(unknown.body.data?.securityLogin).toBeNull();
    for (const [document, caller] of [
      [`{ securityLogin(id: "u lina; drop table") { id } }`, ANALYST],
      [`{ securityLogin(id: "${"x".repeat(65)}") { id } }`, ANALYST],
      // verificationStatus is the caller's own verification: reps and supervisors only (accessMatrix.ts).
      [`{ verificationStatus(loginId: "") { loginId } }`, REP_RETAILER],
      [`{ securityLogin(id: "u-lina") { attempts(first: 0) { ip } } }`, ANALYST],
      [`{ securityLogin(id: "u-lina") { notifications(first: 101) { text } } }`, ANALYST],
    ] as const) {
      const result = await t.query(document, {}, caller);
      expect(result.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});
