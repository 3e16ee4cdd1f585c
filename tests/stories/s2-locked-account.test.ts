/**
 * S2. "Your account is locked": was that SMS even ours? The platform's rep finds Li Na by
 * phone; security detail is refused until the caller's identity is verified, then shows the
 * attempts, the active lockout and the lockout SMS the platform really sent.
 */
import { describeEachDatabase } from "../helpers/databases";
import type { Graph } from "../helpers/graphHarness";
import { sharedGraph } from "../helpers/sharedGraph";
import { PEOPLE } from "../helpers/people";
import { ask, codesOf, HOUR, isNewestFirst, verifyIdentity } from "./storyKit";

const DETAIL = `
query Detail($id: ID!) {
  securityLogin(id: $id) {
    id isLocked maskedPhone
    attempts(first: 20) { id at ip location { city province country } device result }
    lockouts { id cause since until active howToLift }
    activeLockout { id cause since until active howToLift }
    notifications { id at channel templateCode text maskedDestination deliveryStatus }
  }
}`;

const SECRET_FIELDS = ["attempts", "lockouts", "activeLockout", "notifications"];

describeEachDatabase("S2 the locked account: security detail only after verification", (target) => {
  let graph: Graph;
  let loginId: string;
  beforeAll(async () => {
    graph = await sharedGraph(target);
  });
  afterAll(() => graph?.stop());

  it("finds Li Na by her phone however it is typed, with her login locked", async () => {
    const ids = new Set<string>();
    for (const phone of ["+86 139 1234 5678", "13912345678", "139-1234-5678"]) {
      const data = await ask(
        graph,
        PEOPLE.platformRep,
        `query Find($phone: String!) { findCustomers(identifier: $phone) { result { kind candidates { matchedBy customer { id name nameLatin city securityLogins { id isLocked status maskedPhone } } } } } }`,
        { phone },
      );
      const result = data.findCustomers.result;
      expect(result.kind).toBe("phone");
      expect(result.candidates).toHaveLength(1);
      const customer = result.candidates[0].customer;
      expect(customer).toMatchObject({ id: "C-S2", name: "李娜", nameLatin: "Li Na" });
      expect(customer.securityLogins).toEqual([{ id: "u-lina", isLocked: true, status: "LOCKED", maskedPhone: "139****5678" }]);
      ids.add(customer.id);
    }
    expect([...ids]).toEqual(["C-S2"]);
    loginId = "u-lina";
  });

  it("refuses security detail before verification: null fields, VERIFICATION_REQUIRED, nothing leaked", async () => {
    const { status, body } = await graph.query(DETAIL, { id: loginId }, { caller: PEOPLE.platformRep });
    expect(status).toBe(200);
    expect(body.data.securityLogin).toMatchObject({ id: "u-lina", isLocked: true });
    for (const field of SECRET_FIELDS) expect(body.data.securityLogin[field]).toBeNull();
    expect(body.errors.length).toBeGreaterThanOrEqual(SECRET_FIELDS.length);
    expect(new Set(codesOf(body))).toEqual(new Set(["VERIFICATION_REQUIRED"]));
    expect(body.errors.map((e: any) => e.path.join(".")).sort()).toEqual(SECRET_FIELDS.map((f) => `securityLogin.${f}`).sort());
    for (const error of body.errors) expect(error.message).toMatch(/verif/i);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/\b\d{1,3}\.\d{1,3}\.(\d{1,3}|\*)\.(\d{1,3}|\*)\b/); // no IP addresses
    expect(text).not.toMatch(/WRONG_PASSWORD|ACCOUNT_LOCKED|howToLift|stack/i);

    // The same refusal through the customer, as the rep would navigate it.
    const viaCustomer = await graph.query(`{ customer(id: "C-S2") { securityLogins { id attempts { ip } notifications { text } } } }`, {}, { caller: PEOPLE.platformRep });
    expect(viaCustomer.body.data.customer.securityLogins[0]).toEqual({ id: "u-lina", attempts: null, notifications: null });
    expect(new Set(codesOf(viaCustomer.body))).toEqual(new Set(["VERIFICATION_REQUIRED"]));

    const status0 = await ask(graph, PEOPLE.platformRep, `query S($id: ID!) { verificationStatus(loginId: $id) { verifiedBy } }`, { id: loginId });
    expect(status0.verificationStatus).toBeNull();
  });

  it("after verification shows the attempts, the active lockout and the lockout SMS the platform really sent", async () => {
    const challenge = await verifyIdentity(graph, PEOPLE.platformRep, loginId);
    expect(challenge.maskedDestination).toBe("139****5678");
    const login = (await ask(graph, PEOPLE.platformRep, DETAIL, { id: loginId })).securityLogin;

    // Recent attempts: time, IP, rough location, device, result; newest first.
    expect(login.attempts.length).toBeGreaterThan(0);
    expect(isNewestFirst(login.attempts.map((a: any) => a.at))).toBe(true);
    for (const attempt of login.attempts) {
      expect(Number.isNaN(Date.parse(attempt.at))).toBe(false);
      expect(attempt.ip).toMatch(/^\d{1,3}(\.\d{1,3}){3}$|:/); // full IP for a verified rep
      expect(attempt.location.city).toBeTruthy();
      expect(attempt.location.country).toBeTruthy();
      expect(attempt.device).toBeTruthy();
      expect(["SUCCESS", "WRONG_PASSWORD", "LOCKED", "WRONG_SMS_CODE"]).toContain(attempt.result);
    }
    // The failed attempts came from an unknown IP in another city than Li Na's (Nanjing).
    const failed = login.attempts.filter((a: any) => a.result === "WRONG_PASSWORD");
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.some((a: any) => !a.location.city.includes("南京") && !/nanjing/i.test(a.location.city))).toBe(true);
    const successIps = new Set(login.attempts.filter((a: any) => a.result === "SUCCESS").map((a: any) => a.ip));
    expect(failed.some((a: any) => !successIps.has(a.ip))).toBe(true);

    // The lockout: cause, since (about 2 hours ago), still active, how it is lifted.
    const lockout = login.activeLockout;
    expect(lockout).toMatchObject({ active: true, until: null });
    expect(lockout.cause).toBeTruthy();
    expect(lockout.howToLift).toBeTruthy();
    const age = Date.now() - Date.parse(lockout.since);
    expect(age).toBeGreaterThan(1 * HOUR);
    expect(age).toBeLessThan(3 * HOUR);
    expect(login.lockouts.map((l: any) => l.id)).toContain(lockout.id);
    expect(login.lockouts.filter((l: any) => l.active)).toHaveLength(1);

    // The lockout SMS the platform really sent: channel, template, time, masked destination.
    const sms = login.notifications.filter((n: any) => n.channel === "SMS" && /LOCK/i.test(n.templateCode));
    expect(sms.length).toBeGreaterThanOrEqual(1);
    const lockSms = sms[0];
    expect(lockSms.maskedDestination).toBe(login.maskedPhone);
    expect(lockSms.maskedDestination).toBe("139****5678");
    expect(Date.parse(lockSms.at)).toBeGreaterThanOrEqual(Date.parse(lockout.since) - 60_000);
    expect(Date.parse(lockSms.at)).toBeLessThanOrEqual(Date.now());
    expect(["SENT", "DELIVERED"]).toContain(lockSms.deliveryStatus);
    expect(lockSms.text).toBeTruthy();
  });

  it("the verification belongs to the rep who did it: a colleague is still refused", async () => {
    const { body } = await graph.query(DETAIL, { id: loginId }, { caller: PEOPLE.platformRep2 });
    for (const field of SECRET_FIELDS) expect(body.data.securityLogin[field]).toBeNull();
    expect(new Set(codesOf(body))).toEqual(new Set(["VERIFICATION_REQUIRED"]));
  });
});
