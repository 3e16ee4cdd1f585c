/**
 * Issue 13 item 4: every system publishes its identities. Billing (a carrier's desk opens an
 * account: openBillingAccount) and security (the platform's desk registers a login:
 * registerLogin) publish `identity.registered` like the retailer and the maker do, and the
 * customers subgraph's reaction links them by the flat rules of docs/IDENTITY.md: the same
 * normalized mobile, typed differently in each system, is the same person; a different
 * mobile is a different person. Everything goes through the gateway, as each party's desk.
 */
import { randomUUID } from "node:crypto";
import { startGraph, type CallerClaims, type Graph } from "../helpers/graphHarness";
import { describeEachDatabase } from "../helpers/databases";
import { outboxOf, RECORD_ORDER } from "../helpers/newPerson";

const UNICOM_REP: CallerClaims = { role: "rep", org: "unicom", sub: "rep-unicom-sources", name: "李强 Li Qiang (Unicom Wuhan)" };
const UNICOM_REP_2: CallerClaims = { role: "rep", org: "unicom", sub: "rep-unicom-sources-2", name: "周婷 Zhou Ting (Unicom Wuhan)" };
const JIANGCHENG_REP: CallerClaims = { role: "rep", org: "jiangcheng", sub: "rep-jiangcheng-sources", name: "吴倩 Wu Qian (Jiangcheng hotline)" };
const PLATFORM_REP: CallerClaims = { role: "rep", org: "platform", sub: "rep-platform-sources", name: "何静 He Jing (account platform)" };
const RETAILER: CallerClaims = { role: "rep", org: "yougou", sub: "rep-yougou-sources", name: "陈晓 Chen Xiao (Yougou service desk)" };

const OPEN_ACCOUNT = `mutation($input: OpenBillingAccountInput!) { openBillingAccount(input: $input) { account { number provider type holderName contactPhoneMasked status } line { number kind memberRole status } } }`;
const REGISTER_LOGIN = `mutation($input: RegisterLoginInput!) { registerLogin(input: $input) { id displayName maskedPhone status isLocked } }`;
const FIND = `query($id: String!) { findCustomers(identifier: $id) { result { candidates { customer { id identities { system externalId } } } } } }`;
const PERSON = `query($id: ID!) { customer(id: $id) { id name identities { system externalId } billingAccounts { number holderName } securityLogins { id displayName } timeline(first: 50) { result { entries { source kind subjectId actor { organization } } } } } }`;

let counter = 0;
/** A mobile no seed has: 150 + pid + time + counter. */
function freshMobile(): string {
  return `150${String(process.pid % 10_000).padStart(4, "0")}${String((Date.now() + ++counter) % 10_000).padStart(4, "0")}`;
}
const key = (label: string) => `${label}-${randomUUID()}`;
const codesOf = (body: any): string[] => (body.errors ?? []).map((error: any) => error.extensions?.code);
const reasonsOf = (body: any): string[] => (body.errors ?? []).map((error: any) => error.extensions?.reason);
const identitiesOf = (person: any): string[] => person.identities.map((identity: any) => `${identity.system}:${identity.externalId}`).sort();

async function found(graph: Graph, identifier: string): Promise<any[]> {
  const { body } = await graph.query(FIND, { id: identifier }, { caller: RETAILER });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.findCustomers.result.candidates.map((candidate: any) => candidate.customer);
}

/** Polls findCustomers until `done` holds: the reaction links after the mutation commits. Bounded: fails after 10 s. */
async function pollFind(graph: Graph, identifier: string, done: (persons: any[]) => boolean): Promise<any[]> {
  const started = Date.now();
  for (;;) {
    const persons = await found(graph, identifier);
    if (done(persons)) return persons;
    if (Date.now() - started > 10_000) throw new Error(`findCustomers(${identifier}) after 10 s: ${JSON.stringify(persons)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function holder(mobile: string, extra: Record<string, unknown> = {}) {
  return { name: "新用户 New Subscriber", nameLatin: "Xin Yonghu", mobile, city: "武汉", address: "武汉市洪山区新路 9 号", ...extra };
}

describeEachDatabase("billing and security publish their identities to the identity graph", (target) => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph(target);
  }, 180_000);
  afterAll(() => graph?.stop());

  it("links a billing account and a security login with the same mobile to the retailer customer's person", async () => {
    const mobile = freshMobile();
    const email = `sources-${process.pid}-${Date.now()}@example.cn`;
    const order = await graph.query(
      RECORD_ORDER,
      { input: { buyer: { name: "新用户 New Subscriber", mobile, city: "武汉", address: "武汉市洪山区新路 9 号" }, lines: [{ sku: "AL-EH60" }], idempotencyKey: key("sources-order") } },
      { caller: RETAILER },
    );
    expect(order.body.errors).toBeUndefined();
    const retailerId = order.body.data.recordOrder.customerId;
    const [person] = await pollFind(graph, mobile, (persons) => persons.length === 1 && identitiesOf(persons[0]).includes(`orders:${retailerId}`));

    // The same number, typed as each desk would: +86 with dashes at the carrier, 0086 with spaces at the platform.
    const opened = await graph.query(OPEN_ACCOUNT, { input: { holder: holder(`+86 ${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`, { email: email.toUpperCase() }), plan: "uni-ind-59", idempotencyKey: key("sources-account") } }, { caller: UNICOM_REP });
    expect(opened.body.errors).toBeUndefined();
    const account = opened.body.data.openBillingAccount;
    expect(account.account).toMatchObject({ provider: "unicom", type: "INDIVIDUAL", holderName: "新用户 New Subscriber", status: "ACTIVE", contactPhoneMasked: `${mobile.slice(0, 3)}****${mobile.slice(-4)}` });
    expect(account.account.number).toMatch(/^BA-N\d{8}$/);
    // A mobile plan's line is the holder's own number.
    expect(account.line).toEqual({ number: mobile, kind: "MOBILE", memberRole: "HOLDER", status: "ACTIVE" });

    const registered = await graph.query(REGISTER_LOGIN, { input: { displayName: "新用户 New Subscriber", mobile: `0086 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`, email, idempotencyKey: key("sources-login") } }, { caller: PLATFORM_REP });
    expect(registered.body.errors).toBeUndefined();
    const login = registered.body.data.registerLogin;
    expect(login).toMatchObject({ displayName: "新用户 New Subscriber", status: "ACTIVE", isLocked: false, maskedPhone: `${mobile.slice(0, 3)}****${mobile.slice(-4)}` });
    expect(login.id).toMatch(/^u-n\d{8}$/);

    const wanted = [`billing:${account.account.number}`, `orders:${retailerId}`, `security:${login.id}`].sort();
    const persons = await pollFind(graph, mobile, (candidates) => candidates.length === 1 && wanted.every((id) => identitiesOf(candidates[0]).includes(id)));
    expect(persons[0].id).toBe(person.id);
    expect(identitiesOf(persons[0])).toEqual(wanted);
    // The email each system stated finds the same person.
    expect((await found(graph, email)).map((candidate) => candidate.id)).toEqual([person.id]);

    // The person's 360 follows the links into billing and security, and shows both records' events.
    const { body } = await graph.query(PERSON, { id: person.id }, { caller: RETAILER });
    expect(body.errors).toBeUndefined();
    expect(body.data.customer.billingAccounts).toEqual([{ number: account.account.number, holderName: "新用户 New Subscriber" }]);
    expect(body.data.customer.securityLogins).toEqual([{ id: login.id, displayName: "新用户 New Subscriber" }]);
    const entries = body.data.customer.timeline.result.entries.map((entry: any) => `${entry.source}:${entry.kind}:${entry.subjectId}:${entry.actor?.organization}`);
    expect(entries).toEqual(
      expect.arrayContaining([
        `billing:IDENTITY_REGISTERED:${account.account.number}:unicom`,
        `billing:BILLING_ACCOUNT_OPENED:${account.account.number}:unicom`,
        `security:IDENTITY_REGISTERED:${login.id}:platform`,
        `security:LOGIN_REGISTERED:${login.id}:platform`,
      ]),
    );

    // What each published: the typed events of the catalogue, with the normalized keys.
    const billing = (await outboxOf(graph, "billing")).filter((event) => event.ownerId === account.account.number);
    expect(billing.map((event) => event.type)).toEqual(["identity.registered", "account.opened"]);
    expect(billing[0].payload).toMatchObject({ system: "billing", identityId: account.account.number, mobile: `86${mobile}`, email, city: "武汉", organization: "unicom", sharedPhone: false });
    expect(billing[1].payload).toMatchObject({ accountNumber: account.account.number, provider: "unicom", accountType: "INDIVIDUAL", plan: "UNI-IND-59", lineKind: "MOBILE" });
    expect(JSON.stringify(billing[1].payload)).not.toContain(mobile);
    const security = (await outboxOf(graph, "security")).filter((event) => event.ownerId === login.id);
    expect(security.map((event) => event.type)).toEqual(["identity.registered", "login.registered"]);
    expect(security[0].payload).toMatchObject({ system: "security", identityId: login.id, mobile: `86${mobile}`, email, city: null, organization: "platform" });
  }, 60_000);

  it("makes a billing account with a different mobile a new person", async () => {
    const first = freshMobile();
    const firstAccount = await graph.query(OPEN_ACCOUNT, { input: { holder: holder(first), plan: "UNI-IND-39", idempotencyKey: key("sources-first") } }, { caller: UNICOM_REP });
    expect(firstAccount.body.errors).toBeUndefined();
    const [firstPerson] = await pollFind(graph, first, (persons) => persons.length === 1);

    const other = freshMobile();
    // A cable TV account at the other carrier: its line is an operator id, its holder a new person.
    const opened = await graph.query(OPEN_ACCOUNT, { input: { holder: holder(other, { name: "另一位 Other Subscriber" }), plan: "JC-HD-BASIC", idempotencyKey: key("sources-other") } }, { caller: JIANGCHENG_REP });
    expect(opened.body.errors).toBeUndefined();
    const number = opened.body.data.openBillingAccount.account.number;
    expect(opened.body.data.openBillingAccount.line).toMatchObject({ number: `JC-TV-${number.slice(3)}`, kind: "CABLE_TV" });
    const [person] = await pollFind(graph, other, (persons) => persons.length === 1);
    expect(person.id).not.toBe(firstPerson.id);
    expect(identitiesOf(person)).toEqual([`billing:${number}`]);
    expect(identitiesOf(firstPerson)).toEqual([`billing:${firstAccount.body.data.openBillingAccount.account.number}`]);
  }, 30_000);

  it("refuses bad input with codes, and writes nothing", async () => {
    const before = (await outboxOf(graph, "billing")).length + (await outboxOf(graph, "security")).length;
    const mobile = freshMobile();
    const accountCases: Array<[Record<string, unknown>, string, string]> = [
      [{ holder: holder("12345"), plan: "UNI-IND-39" }, "holder.mobile", "INVALID_PHONE"],
      [{ holder: holder("027-8765-4321"), plan: "UNI-IND-39" }, "holder.mobile", "NOT_A_MOBILE"],
      [{ holder: holder(mobile, { email: "not-an-email" }), plan: "UNI-IND-39" }, "holder.email", "INVALID_EMAIL"],
      [{ holder: holder(mobile, { name: "   " }), plan: "UNI-IND-39" }, "holder.name", "REQUIRED"],
      [{ holder: holder(mobile, { city: "" }), plan: "UNI-IND-39" }, "holder.city", "REQUIRED"],
      [{ holder: holder(mobile), plan: "UNI-FAM-199" }, "plan", "UNKNOWN_PLAN"],
      [{ holder: holder(mobile), plan: "JC-HD-BASIC" }, "plan", "OTHER_PROVIDER"],
    ];
    for (const [input, argument, reason] of accountCases) {
      const { body } = await graph.query(OPEN_ACCOUNT, { input: { ...input, idempotencyKey: key("sources-bad") } }, { caller: UNICOM_REP });
      expect(`${codesOf(body)}:${body.errors?.[0]?.extensions?.argument}:${reasonsOf(body)}`).toBe(`BAD_USER_INPUT:${argument}:${reason}`);
    }
    const noKey = await graph.query(OPEN_ACCOUNT, { input: { holder: holder(mobile), plan: "UNI-IND-39", idempotencyKey: " " } }, { caller: UNICOM_REP });
    expect(codesOf(noKey.body)).toEqual(["BAD_USER_INPUT"]);
    expect(noKey.body.errors[0].extensions.argument).toBe("idempotencyKey");

    const loginCases: Array<[Record<string, unknown>, string, string]> = [
      [{ displayName: "测试", mobile: "not a phone" }, "mobile", "INVALID_PHONE"],
      [{ displayName: "测试", mobile: "027 8765 4321" }, "mobile", "NOT_A_MOBILE"],
      [{ displayName: "测试", mobile, loginId: "-bad id" }, "loginId", "INVALID_LOGIN_ID"],
      [{ displayName: "", mobile }, "displayName", "REQUIRED"],
    ];
    for (const [input, argument, reason] of loginCases) {
      const { body } = await graph.query(REGISTER_LOGIN, { input: { ...input, idempotencyKey: key("sources-bad-login") } }, { caller: PLATFORM_REP });
      expect(`${codesOf(body)}:${body.errors?.[0]?.extensions?.argument}:${reasonsOf(body)}`).toBe(`BAD_USER_INPUT:${argument}:${reason}`);
    }
    // A chosen login id already in use (the seed's u-lina, in another case) and a mobile that holds a login (the seed's 李娜).
    const taken = await graph.query(REGISTER_LOGIN, { input: { displayName: "测试", mobile, loginId: "U-LINA", idempotencyKey: key("sources-taken") } }, { caller: PLATFORM_REP });
    expect(`${codesOf(taken.body)}:${reasonsOf(taken.body)}`).toBe("CONFLICT:LOGIN_TAKEN");
    const held = await graph.query(REGISTER_LOGIN, { input: { displayName: "测试", mobile: "139 1234 5678", idempotencyKey: key("sources-held") } }, { caller: PLATFORM_REP });
    expect(`${codesOf(held.body)}:${reasonsOf(held.body)}`).toBe("CONFLICT:MOBILE_TAKEN");
    // The seed's 王磊 line 13807191234 is billed on BA-1001: a mobile plan cannot bill it again.
    const billed = await graph.query(OPEN_ACCOUNT, { input: { holder: holder("138-0719-1234"), plan: "UNI-IND-39", idempotencyKey: key("sources-billed") } }, { caller: UNICOM_REP });
    expect(`${codesOf(billed.body)}:${reasonsOf(billed.body)}`).toBe("CONFLICT:LINE_EXISTS");
    expect(billed.body.errors[0].extensions.accountNumber).toBe("BA-1001");

    const after = (await outboxOf(graph, "billing")).length + (await outboxOf(graph, "security")).length;
    expect(after).toBe(before);
    const { db } = await graph.database("billing");
    expect(await db.selectFrom("billing_accounts").select("number").where("contact_phone", "=", mobile).execute()).toEqual([]);
  }, 30_000);

  it("refuses callers of another organization or role with FORBIDDEN, and writes nothing", async () => {
    const mobile = freshMobile();
    const before = (await outboxOf(graph, "billing")).length + (await outboxOf(graph, "security")).length;
    const outsiders: CallerClaims[] = [
      RETAILER,
      PLATFORM_REP,
      { role: "supervisor", org: "platform", sub: "sup-sources" },
      { role: "partner", org: "unicom", sub: "partner-unicom-sources" },
      { role: "analyst", org: "unicom", sub: "analyst-unicom-sources" },
    ];
    for (const caller of outsiders) {
      const { body } = await graph.query(OPEN_ACCOUNT, { input: { holder: holder(mobile), plan: "UNI-IND-39", idempotencyKey: key("sources-outsider") } }, { caller });
      expect(`${caller.role}/${caller.org}:${codesOf(body)}`).toBe(`${caller.role}/${caller.org}:FORBIDDEN`);
      expect(body.data?.openBillingAccount ?? null).toBeNull();
    }
    for (const caller of [UNICOM_REP, RETAILER, { role: "partner", org: "platform", sub: "partner-platform-sources" }, { role: "analyst", org: "platform", sub: "analyst-platform-sources" }] as CallerClaims[]) {
      const { body } = await graph.query(REGISTER_LOGIN, { input: { displayName: "测试", mobile, idempotencyKey: key("sources-outsider-login") } }, { caller });
      expect(`${caller.role}/${caller.org}:${codesOf(body)}`).toBe(`${caller.role}/${caller.org}:FORBIDDEN`);
    }
    const after = (await outboxOf(graph, "billing")).length + (await outboxOf(graph, "security")).length;
    expect(after).toBe(before);
  }, 30_000);

  it("writes nothing twice when the same caller retries with the same key", async () => {
    const mobile = freshMobile();
    const accountKey = key("sources-retry-account");
    const input = { holder: holder(mobile), plan: "UNI-BB-100M", idempotencyKey: accountKey };
    const first = await graph.query(OPEN_ACCOUNT, { input }, { caller: UNICOM_REP });
    expect(first.body.errors).toBeUndefined();
    const again = await graph.query(OPEN_ACCOUNT, { input: { ...input, holder: holder(` ${mobile} `) } }, { caller: UNICOM_REP });
    // The same request (the number normalizes the same): the same answer, replayed.
    expect(again.body).toEqual(first.body);
    const number = first.body.data.openBillingAccount.account.number;
    expect(first.body.data.openBillingAccount.line).toMatchObject({ number: `UNI-BB-${number.slice(3)}`, kind: "BROADBAND" });
    // The key bound to other arguments: CONFLICT, never a silent replay.
    const other = await graph.query(OPEN_ACCOUNT, { input: { ...input, plan: "UNI-IND-39" } }, { caller: UNICOM_REP });
    expect(codesOf(other.body)).toEqual(["CONFLICT"]);
    // Another caller's same key is its own: it opens its own account (a broadband line: the mobile is only the contact).
    const colleague = await graph.query(OPEN_ACCOUNT, { input }, { caller: UNICOM_REP_2 });
    expect(colleague.body.errors).toBeUndefined();
    expect(colleague.body.data.openBillingAccount.account.number).not.toBe(number);

    const loginInput = { displayName: "重试 Retry", mobile, loginId: `retry.${process.pid}.${counter}`, idempotencyKey: key("sources-retry-login") };
    const login = await graph.query(REGISTER_LOGIN, { input: loginInput }, { caller: PLATFORM_REP });
    expect(login.body.errors).toBeUndefined();
    expect(login.body.data.registerLogin.id).toBe(loginInput.loginId);
    const loginAgain = await graph.query(REGISTER_LOGIN, { input: loginInput }, { caller: PLATFORM_REP });
    expect(loginAgain.body).toEqual(login.body);

    const billing = await outboxOf(graph, "billing");
    expect(billing.filter((event) => event.ownerId === number).map((event) => event.type)).toEqual(["identity.registered", "account.opened"]);
    const { db } = await graph.database("billing");
    const accounts = await db.selectFrom("billing_accounts").select("number").where("contact_phone", "=", mobile).orderBy("number").execute();
    expect(accounts.map((row: any) => row.number).sort()).toEqual([number, colleague.body.data.openBillingAccount.account.number].sort());
    const security = await outboxOf(graph, "security");
    expect(security.filter((event) => event.ownerId === loginInput.loginId).map((event) => event.type)).toEqual(["identity.registered", "login.registered"]);

    // One person holds all three identities (the same mobile), each linked once.
    const [person] = await pollFind(graph, mobile, (persons) => persons.length === 1 && persons[0].identities.length === 3);
    expect(identitiesOf(person)).toEqual([`billing:${number}`, `billing:${colleague.body.data.openBillingAccount.account.number}`, `security:${loginInput.loginId}`].sort());
  }, 30_000);
});
