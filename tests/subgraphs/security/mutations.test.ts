import { REP_MAKER, REP_RETAILER, SUPERVISOR } from "../../helpers/testCaller";
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { securitySubgraph } from "../../../subgraphs/security/subgraph";
import type { DB } from "../../../subgraphs/security/db/tables";
import { CONFIRM, countRows, freshKey, insertLockedLogin, START, UNLOCK, verify } from "./helpers";

describeEachDatabase("security: verification and unlock mutations", (target) => {
  let t: TestSubgraph<DB>;
  beforeAll(async () => {
    t = await startTestSubgraph(securitySubgraph, target);
  });
  afterAll(() => t.stop());
  const db = () => t.running.database.db;

  it("startIdentityVerification sends one SMS, stores only a hash, and replays the same challenge for the same key", async () => {
    const key = freshKey("start-idem");
    const first = await t.query(START, { loginId: "u-wanglei", key }, REP_RETAILER);
    const challenge = first.body.data?.startIdentityVerification;
    expect(challenge).toMatchObject({ loginId: "u-wanglei", method: "SMS_CODE", maskedDestination: "138****1234", attemptsAllowed: 5 });
    expect(challenge.devCode).toMatch(/^\d{6}$/);

    const stored = await db().selectFrom("verification_challenges").selectAll().where("id", "=", challenge.id).executeTakeFirstOrThrow();
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(challenge.devCode);
    const idem = await db().selectFrom("idempotency_keys").select("result").where("key", "=", key).executeTakeFirstOrThrow();
    expect(idem.result).not.toContain(challenge.devCode);

    const counts = async () => [
      await countRows(db(), "verification_challenges", "login_id", "u-wanglei"),
      await countRows(db(), "security_notifications", "login_id", "u-wanglei"),
      await countRows(db(), "timeline_events", "owner_id", "u-wanglei"),
    ];
    const before = await counts();
    const again = await t.query(START, { loginId: "u-wanglei", key }, REP_RETAILER);
    expect(again.body.data?.startIdentityVerification).toEqual({ ...challenge, devCode: null });
    expect(await counts()).toEqual(before);
  });

  it("a wrong code is BAD_USER_INPUT and counts; the fifth closes the challenge", async () => {
    const started = await t.query(START, { loginId: "u-zhoujie", key: freshKey("start-wrong") }, REP_RETAILER);
    const { id, devCode } = started.body.data.startIdentityVerification;
    const wrong = devCode === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 0; left--) {
      const result = await t.query(CONFIRM, { id, code: wrong }, REP_RETAILER);
      expect(result.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", remainingAttempts: left });
    }
    const late = await t.query(CONFIRM, { id, code: devCode }, REP_RETAILER);
    expect(late.body.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(late.body.data).toBeNull();
    const status = await t.query(`{ verificationStatus(loginId: "u-zhoujie") { loginId } }`, {}, REP_RETAILER);
    expect(status.body.data.verificationStatus).toBeNull();
    const failed = await db().selectFrom("timeline_events").select("kind").where("owner_id", "=", "u-zhoujie").where("kind", "=", "VERIFICATION_FAILED").execute();
    expect(failed).toHaveLength(1);
  });

  it("confirming is idempotent, belongs to the caller who started it, and rejects malformed input", async () => {
    const started = await t.query(START, { loginId: "u-zhoujie", key: freshKey("start-own") }, REP_MAKER);
    const { id, devCode } = started.body.data.startIdentityVerification;

    const stranger = await t.query(CONFIRM, { id, code: devCode }, REP_RETAILER);
    expect(stranger.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    const [a, b] = await Promise.all([t.query(CONFIRM, { id, code: devCode }, REP_MAKER), t.query(CONFIRM, { id, code: devCode }, REP_MAKER)]);
    expect(a.body.data?.confirmIdentityVerification).toMatchObject({ loginId: "u-zhoujie", verifiedBy: REP_MAKER.subject });
    expect(b.body.data?.confirmIdentityVerification).toEqual(a.body.data?.confirmIdentityVerification);
    expect(await db().selectFrom("identity_verifications").select("id").where("challenge_id", "=", id).execute()).toHaveLength(1);
    const passed = await db().selectFrom("timeline_events").select("summary").where("owner_id", "=", "u-zhoujie").where("kind", "=", "VERIFICATION_PASSED").execute();
    expect(passed).toHaveLength(1);
    expect(passed[0].summary).toContain(REP_MAKER.name);

    for (const variables of [{ id, code: "12" }, { id: "nope", code: "123456" }]) {
      const result = await t.query(CONFIRM, variables, REP_MAKER);
      expect(result.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
    const unknownLogin = await t.query(START, { loginId: "u-nobody", key: freshKey("start-unknown") }, REP_MAKER);
    expect(unknownLogin.body.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const badKey = await t.query(START, { loginId: "u-zhoujie", key: "" }, REP_MAKER);
    expect(badKey.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("unlockLogin requires verification, ends the lockout once, and a repeat changes nothing", async () => {
    await insertLockedLogin(db(), "u-unlock-1");
    const key = freshKey("unlock");
    const refused = await t.query(UNLOCK, { loginId: "u-unlock-1", key }, REP_RETAILER);
    expect(refused.body.errors?.[0].extensions?.code).toBe("VERIFICATION_REQUIRED");
    expect(refused.body.errors?.[0].message).toMatch(/identity must be verified first/);
    expect((await db().selectFrom("lockouts").select("active").where("id", "=", "LK-u-unlock-1").executeTakeFirstOrThrow()).active).toBe(1);

    await verify(t, REP_RETAILER, "u-unlock-1");
    const done = await t.query(UNLOCK, { loginId: "u-unlock-1", key }, REP_RETAILER);
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data.unlockLogin).toEqual({ id: "u-unlock-1", status: "ACTIVE", isLocked: false, maskedPhone: "137****1111" });

    const lockout = await db().selectFrom("lockouts").selectAll().where("id", "=", "LK-u-unlock-1").executeTakeFirstOrThrow();
    expect(lockout.active).toBe(0);
    expect(lockout.lifted_by).toContain(REP_RETAILER.name);
    const events = await db().selectFrom("timeline_events").selectAll().where("owner_id", "=", "u-unlock-1").where("kind", "=", "LOGIN_UNLOCKED").execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_name: REP_RETAILER.name, actor_org: "yougou", subject_type: "SecurityLogin", subject_id: "u-unlock-1" });
    const sms = await db().selectFrom("security_notifications").selectAll().where("login_id", "=", "u-unlock-1").where("template_code", "=", "ACCOUNT_UNLOCKED").execute();
    expect(sms).toHaveLength(1);

    const before = [await countRows(db(), "timeline_events", "owner_id", "u-unlock-1"), await countRows(db(), "security_notifications", "login_id", "u-unlock-1")];
    const repeat = await t.query(UNLOCK, { loginId: "u-unlock-1", key }, REP_RETAILER);
    expect(repeat.body.data?.unlockLogin).toEqual(done.body.data.unlockLogin);
    expect([await countRows(db(), "timeline_events", "owner_id", "u-unlock-1"), await countRows(db(), "security_notifications", "login_id", "u-unlock-1")]).toEqual(before);

    const again = await t.query(UNLOCK, { loginId: "u-unlock-1", key: freshKey("unlock-again") }, REP_RETAILER);
    expect(again.body.errors?.[0].extensions?.code).toBe("CONFLICT");
  });

  it("two verified reps unlocking at once: one wins, the other gets CONFLICT", async () => {
    await insertLockedLogin(db(), "u-unlock-2");
    await verify(t, REP_RETAILER, "u-unlock-2");
    await verify(t, SUPERVISOR, "u-unlock-2");
    const [a, b] = await Promise.all([
      t.query(UNLOCK, { loginId: "u-unlock-2", key: freshKey("race-a") }, REP_RETAILER),
      t.query(UNLOCK, { loginId: "u-unlock-2", key: freshKey("race-b") }, SUPERVISOR),
    ]);
    const outcomes = [a, b].map((r) => (r.body.errors ? r.body.errors[0].extensions?.code : r.body.data.unlockLogin.status)).sort();
    expect(outcomes).toEqual(["ACTIVE", "CONFLICT"]);
    const unlocked = await db().selectFrom("timeline_events").select("id").where("owner_id", "=", "u-unlock-2").where("kind", "=", "LOGIN_UNLOCKED").execute();
    expect(unlocked).toHaveLength(1);
    const login = await db().selectFrom("security_logins").select("status").where("id", "=", "u-unlock-2").executeTakeFirstOrThrow();
    expect(login.status).toBe("ACTIVE");
  });

  it("unlocking u-lina closes her LOCKOUT open matter's handler", async () => {
    await verify(t, REP_RETAILER, "u-lina");
    const done = await t.query(UNLOCK, { loginId: "u-lina", key: freshKey("unlock-lina") }, REP_RETAILER);
    expect(done.body.data?.unlockLogin.isLocked).toBe(false);
    const open = await db().selectFrom("matter_handlers").select("id").where("matter_id", "=", "LK-LINA-0001").where("until", "is", null).execute();
    expect(open).toHaveLength(0);
    const detail = await t.query(`{ securityLogin(id: "u-lina") { lockouts(first: 1) { active until liftedBy } activeLockout { id } } }`, {}, REP_RETAILER);
    expect(detail.body.data.securityLogin.activeLockout).toBeNull();
    expect(detail.body.data.securityLogin.lockouts[0]).toMatchObject({ active: false, liftedBy: expect.stringContaining(REP_RETAILER.name) });
  });
});
