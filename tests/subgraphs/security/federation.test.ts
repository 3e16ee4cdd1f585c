import { REP_RETAILER } from "../../helpers/testCaller";
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { encodeKey, type TimelineQuery } from "../../../subgraphs/kit";
import { securitySubgraph } from "../../../subgraphs/security/subgraph";
import type { DB, LoginAttemptsTable } from "../../../subgraphs/security/db/tables";

const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on SecurityLogin { id isLocked attempts(first: 100) { id ip result } notifications(first: 5) { templateCode } }
  }
}`;

const IP = /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/;

describeEachDatabase("security: federation, batching and the customer 360 contribution", (target) => {
  let t: TestSubgraph<DB>;
  beforeAll(async () => {
    t = await startTestSubgraph(securitySubgraph, target);
    const db = t.running.database.db;
    const now = Date.now();
    const logins = Array.from({ length: 60 }, (_, i) => `u-bulk-${i}`);
    await db
      .insertInto("security_logins")
      .values(logins.map((id, i) => ({ id, login_key: id.toUpperCase(), display_name: `用户${i}`, display_name_latin: `User ${i}`, phone: `1370000${String(i).padStart(4, "0")}`, email: null, status: "ACTIVE", created_at: new Date(now).toISOString() })))
      .execute();
    // u-bulk-0 has 3 attempts, u-bulk-1 has 300; the rest a few each.
    const attempts: LoginAttemptsTable[] = [];
    logins.forEach((id, i) => {
      const n = i === 0 ? 3 : i === 1 ? 300 : 4;
      for (let k = 0; k < n; k++) {
        attempts.push({ id: `${id}-a${k}`, login_id: id, at: new Date(now - k * 60_000).toISOString(), ip: `10.0.${i}.${k % 250}`, city: "武汉 Wuhan", province: "湖北 Hubei", country: "CN", device: "Chrome", result: "SUCCESS" });
      }
    });
    for (let i = 0; i < attempts.length; i += 500) await db.insertInto("login_attempts").values(attempts.slice(i, i + 500)).execute();
    // The rep holds a verification for every bulk login, so the full gate path runs.
    const until = new Date(now + 3_600_000).toISOString();
    await db
      .insertInto("identity_verifications")
      .values(logins.map((id) => ({ id: `IV-${id}`, challenge_id: `VC-${id}`, login_id: id, caller_subject: REP_RETAILER.subject, caller_name: REP_RETAILER.name, method: "SMS_CODE", verified_at: new Date(now).toISOString(), verified_until: until })))
      .execute();
  });
  afterAll(() => t.stop());

  const refs = (ids: string[]) => ids.map((id) => ({ __typename: "SecurityLogin", id }));

  it("resolves SecurityLogin references with the same statement count for 3 or 300 attempts", async () => {
    const small = await t.query(ENTITIES, { representations: refs(["u-bulk-0"]) });
    const large = await t.query(ENTITIES, { representations: refs(["u-bulk-1"]) });
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(small.body.data._entities[0].attempts).toHaveLength(3);
    expect(large.body.data._entities[0].attempts).toHaveLength(100);
    expect(large.body.data._entities[0].attempts[0].id).toBe("u-bulk-1-a0");
    expect(small.sqlStatements).toBeGreaterThan(0);
    expect(large.sqlStatements).toBe(small.sqlStatements);
  });

  it("keeps the statement count flat from 2 to 60 logins in one _entities call", async () => {
    const few = await t.query(ENTITIES, { representations: refs(["u-bulk-2", "u-bulk-3"]) });
    const many = await t.query(ENTITIES, { representations: refs(Array.from({ length: 60 }, (_, i) => `u-bulk-${i}`).concat("u-nobody")) });
    expect(few.body.errors).toBeUndefined();
    expect(many.body.errors).toBeUndefined();
    expect(many.body.data._entities).toHaveLength(61);
    expect(many.body.data._entities[60]).toBeNull();
    expect(many.body.data._entities[1].attempts).toHaveLength(100);
    expect(many.sqlStatements).toBe(few.sqlStatements);
  });

  it("contributes u-lina's open lockout with its handler, without security detail in the title", async () => {
    const key = encodeKey({ customerId: "C-S2", ids: { security: ["u-lina", "u-wanglei"] } });
    const result = await t.query(
      `query M($reps: [_Any!]!) { _entities(representations: $reps) { ... on OpenMattersView { key securityMatters { id source kind title status subjectType subjectId priority dueAt overdue handler { name team organization phone hours since } } } } }`,
      { reps: [{ __typename: "OpenMattersView", key }] },
    );
    expect(result.body.errors).toBeUndefined();
    const matters = result.body.data._entities[0].securityMatters;
    expect(matters).toHaveLength(1);
    expect(matters[0]).toMatchObject({ id: "security:LOCKOUT:LK-LINA-0001", source: "security", kind: "LOCKOUT", subjectType: "SecurityLogin", subjectId: "u-lina", overdue: false });
    expect(matters[0].handler).toMatchObject({ organization: "platform", hours: expect.any(String), phone: expect.stringMatching(/\d/) });
    expect(matters[0].handler.name).toMatch(/Security Desk/);
    expect(matters[0].title).not.toMatch(IP);
    expect(matters[0].title).not.toMatch(/Guangzhou|wrong password/i);
    // Lockouts, handlers, commitments, and the caller's verifications (the S2 gate: this rep has none).
    expect(result.sqlStatements).toBeLessThanOrEqual(4);
  });

  it("contributes a timeline slice, newest first, with no IPs in summaries", async () => {
    const query: TimelineQuery = { customerId: "C-S2", first: 2, after: null, sources: null, kinds: null, since: null, until: null, ids: { security: ["u-lina"] } };
    const result = await t.query(
      `query T($reps: [_Any!]!) { _entities(representations: $reps) { ... on Timeline { securityEvents { id at source kind summary subjectType subjectId actor { name organization } cursor redacted redactedReason } } } }`,
      { reps: [{ __typename: "Timeline", key: encodeKey(query) }] },
    );
    expect(result.body.errors).toBeUndefined();
    const events = result.body.data._entities[0].securityEvents;
    expect(events).toHaveLength(3); // first + 1
    expect(events.map((e: any) => e.kind).slice(0, 2)).toEqual(["LOGIN_LOCKED", "SUSPICIOUS_LOGIN"]);
    expect(events[0]).toMatchObject({ source: "security", subjectType: "SecurityLogin", subjectId: "u-lina", actor: { organization: "platform" } });
    // This rep has not verified u-lina: the slice is redacted (tests/security/s2Redaction.test.ts has the rest).
    expect(events[0]).toMatchObject({ summary: expect.stringMatching(/verify the customer's identity/), redacted: true, redactedReason: "VERIFICATION_REQUIRED" });
    for (const event of events) expect(event.summary).not.toMatch(IP);
    const all = await t.running.database.db.selectFrom("timeline_events").select("summary").execute();
    for (const row of all) expect(row.summary).not.toMatch(IP);
  });

  it("finds a login by login id, email and phone", async () => {
    const lookup = async (kind: string, value: string) => {
      const result = await t.query(
        `query L($reps: [_Any!]!) { _entities(representations: $reps) { ... on CustomerLookup { securityMatches { system externalId matchedBy } } } }`,
        { reps: [{ __typename: "CustomerLookup", key: encodeKey({ kind, value }) }] },
      );
      expect(result.body.errors).toBeUndefined();
      return result.body.data._entities[0].securityMatches;
    };
    expect(await lookup("reference", "U-LINA")).toEqual([{ system: "security", externalId: "u-lina", matchedBy: "login" }]);
    expect(await lookup("email", "lina@example.cn")).toEqual([{ system: "security", externalId: "u-lina", matchedBy: "email" }]);
    expect(await lookup("phone", "13912345678")).toEqual([{ system: "security", externalId: "u-lina", matchedBy: "phone" }]);
    expect(await lookup("reference", "RC-1001")).toEqual([]);
  });
});
