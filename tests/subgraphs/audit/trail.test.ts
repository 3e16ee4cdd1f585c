import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { REP_MAKER, REP_RETAILER, SUPERVISOR } from "../../helpers/testCaller";
import { auditSubgraph } from "../../../subgraphs/audit/subgraph";
import type { DB } from "../../../subgraphs/audit/db/tables";
import { ANALYST, PARTNER, RECORD, SYSTEM, TRAIL, entry } from "./helpers";

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describeEachDatabase("audit: recording and reviewing the trail", (target) => {
  let t: TestSubgraph<DB>;
  beforeAll(async () => {
    t = await startTestSubgraph(auditSubgraph, target);
  });
  afterAll(() => t.stop());

  const trail = (variables: Record<string, unknown>) => t.query(TRAIL, variables, SUPERVISOR);

  it("holds the S6 story: who looked at 周杰 Zhou Jie (C-S6), including the refused security detail", async () => {
    const result = await trail({ customerId: "C-S6" });
    expect(result.body.errors).toBeUndefined();
    const entries = result.body.data.auditTrail.entries;
    expect(entries.length).toBeGreaterThanOrEqual(3);
    const denied = entries.find((e: any) => e.outcome === "DENIED");
    expect(denied).toMatchObject({ organization: "lenovo", role: "rep", errorCodes: ["VERIFICATION_REQUIRED"], customerIds: ["C-S6"] });
    const times = entries.map((e: any) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("records entries from the gateway and answers per customer, per actor and both", async () => {
    const a = `C-REC-A-${target.label}`;
    const b = `C-REC-B-${target.label}`;
    const entries = [
      entry({ customerIds: [a, b], at: iso(-3000) }, REP_RETAILER),
      entry({ customerIds: [a], at: iso(-2000), operationName: "Devices", fields: ["customer.devices.serial"] }, REP_MAKER),
      entry({ customerIds: [b], at: iso(-1000), operationType: "MUTATION", operationName: "OrderVisit", fields: ["orderValueAddedService.id"], outcome: "PARTIAL", errorCodes: ["CONFLICT"] }, REP_RETAILER),
    ];
    const recorded = await t.query(RECORD, { entries }, SYSTEM);
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data.recordAuditEntries).toBe(3);

    const perA = await trail({ customerId: a });
    expect(perA.body.errors).toBeUndefined();
    expect(perA.body.data.auditTrail.entries.map((e: any) => e.id)).toEqual([entries[1].id, entries[0].id]);
    expect(perA.body.data.auditTrail.entries[0]).toMatchObject({
      actorSubject: REP_MAKER.subject,
      actorName: REP_MAKER.name,
      role: "rep",
      organization: "aolan",
      operationType: "QUERY",
      operationName: "Devices",
      fields: ["customer.devices.serial"],
      outcome: "OK",
      errorCodes: [],
      customerIds: [a],
    });
    expect(perA.body.data.auditTrail.entries[1].customerIds).toEqual([a, b]);

    const both = await trail({ customerId: b, actorSubject: REP_RETAILER.subject });
    expect(both.body.data.auditTrail.entries.map((e: any) => e.id)).toEqual([entries[2].id, entries[0].id]);
    expect(both.body.data.auditTrail.entries[0]).toMatchObject({ operationType: "MUTATION", outcome: "PARTIAL", errorCodes: ["CONFLICT"] });

    const maker = await trail({ actorSubject: REP_MAKER.subject });
    expect(maker.body.data.auditTrail.entries.map((e: any) => e.id)).toContain(entries[1].id);
    expect(maker.body.data.auditTrail.entries.every((e: any) => e.actorSubject === REP_MAKER.subject)).toBe(true);
  });

  it("records a repeated entry once and never rewrites it", async () => {
    const customer = `C-REPEAT-${target.label}`;
    const first = entry({ customerIds: [customer] }, REP_RETAILER);
    expect((await t.query(RECORD, { entries: [first] }, SYSTEM)).body.data.recordAuditEntries).toBe(1);
    const forged = { ...first, outcome: "OK", actorSubject: "someone-else", fields: ["nothing"], customerIds: [customer, "C-OTHER"] };
    const again = await t.query(RECORD, { entries: [forged, forged] }, SYSTEM);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.recordAuditEntries).toBe(1);
    const page = await trail({ customerId: customer });
    expect(page.body.data.auditTrail.entries).toHaveLength(1);
    expect(page.body.data.auditTrail.entries[0]).toMatchObject({ actorSubject: REP_RETAILER.subject, fields: first.fields, customerIds: [customer] });
    expect((await trail({ customerId: "C-OTHER" })).body.data.auditTrail.entries).toHaveLength(0);
  });

  it("lets only the gateway write and only supervisors read", async () => {
    const probe = entry({ customerIds: [`C-PROBE-${target.label}`] }, REP_RETAILER);
    for (const caller of [REP_RETAILER, ANALYST, PARTNER, SUPERVISOR]) {
      const write = await t.query(RECORD, { entries: [probe] }, caller);
      expect(write.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(write.body.data?.recordAuditEntries ?? null).toBeNull();
    }
    for (const caller of [REP_RETAILER, REP_MAKER, ANALYST, PARTNER, SYSTEM]) {
      const read = await t.query(TRAIL, { customerId: "C-S6" }, caller);
      expect(read.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(read.body.data?.auditTrail ?? null).toBeNull();
    }
    // Nothing the refused writes carried reached the trail.
    expect((await trail({ customerId: probe.customerIds[0] })).body.data.auditTrail.entries).toHaveLength(0);
  });

  it("refuses a request without the gateway token with 401", async () => {
    const result = await t.query(TRAIL, { customerId: "C-S6" }, null);
    expect(result.status).toBe(401);
    expect(result.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("answers bad input with BAD_USER_INPUT and records nothing of a bad batch", async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ["no filter", {}],
      ["first 0", { customerId: "C-S6", first: 0 }],
      ["first 101", { customerId: "C-S6", first: 101 }],
      ["bad cursor", { customerId: "C-S6", after: "not-a-cursor" }],
      ["empty customer", { customerId: "" }],
      ["huge actor", { actorSubject: "x".repeat(500) }],
    ];
    for (const [label, variables] of cases) {
      const result = await trail(variables);
      expect([label, result.body.errors?.[0]?.extensions?.code]).toEqual([label, "BAD_USER_INPUT"]);
    }
    const customer = `C-BAD-${target.label}`;
    const good = entry({ customerIds: [customer] }, REP_RETAILER);
    const badBatches = [
      [good, entry({ customerIds: [customer], role: "janitor" }, REP_RETAILER)],
      [good, entry({ customerIds: [customer], at: "yesterday" }, REP_RETAILER)],
      [good, entry({ customerIds: [customer], id: "has spaces in it" }, REP_RETAILER)],
      [good, entry({ customerIds: [customer], errorCodes: ["not a code"] }, REP_RETAILER)],
      [good, entry({ customerIds: [customer], fields: Array.from({ length: 300 }, (_, i) => `f${i}`) }, REP_RETAILER)],
    ];
    for (const batch of badBatches) {
      const result = await t.query(RECORD, { entries: batch }, SYSTEM);
      expect(result.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect((await trail({ customerId: customer })).body.data.auditTrail.entries).toHaveLength(0);
  });

  it("pages newest first with a keyset cursor, ties on the same instant included", async () => {
    const customer = `C-PAGE-${target.label}`;
    const sameInstant = iso(-60_000);
    const entries = Array.from({ length: 7 }, (_, i) => entry({ customerIds: [customer], at: i < 3 ? sameInstant : iso(-50_000 + i * 1000) }, i % 2 ? REP_MAKER : REP_RETAILER));
    expect((await t.query(RECORD, { entries }, SYSTEM)).body.data.recordAuditEntries).toBe(7);
    const expected = [...entries].sort((x, y) => (x.at === y.at ? (x.id < y.id ? 1 : -1) : x.at < y.at ? 1 : -1)).map((e) => e.id);

    const seen: string[] = [];
    const hasMore: boolean[] = [];
    let after: string | null = null;
    do {
      const page: any = await trail({ customerId: customer, first: 3, after });
      expect(page.body.errors).toBeUndefined();
      seen.push(...page.body.data.auditTrail.entries.map((e: any) => e.id));
      hasMore.push(page.body.data.auditTrail.hasMore);
      after = page.body.data.auditTrail.hasMore ? page.body.data.auditTrail.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
    expect(hasMore).toEqual([true, true, false]);

    // Per actor too, with the actor's own index.
    const makerIds = entries.filter((_, i) => i % 2).map((e) => e.id);
    const makerPage = await trail({ customerId: customer, actorSubject: REP_MAKER.subject, first: 2 });
    expect(makerPage.body.data.auditTrail.entries.map((e: any) => e.id)).toEqual(expected.filter((id) => makerIds.includes(id)).slice(0, 2));
    expect(makerPage.body.data.auditTrail.hasMore).toBe(true);
  });

  it("costs the same SQL statements for a page of a customer with 3 entries as with 300", async () => {
    const db = t.running.database.db;
    const rows = (customer: string, n: number, actor: string) =>
      Array.from({ length: n }, (_, i) => ({
        id: `${customer}-${i}`,
        at: new Date(Date.now() - i * 1000).toISOString(),
        request_id: `r-${customer}-${i}`,
        actor_subject: actor,
        actor_name: actor,
        role: "rep",
        organization: "yougou",
        operation_type: "QUERY",
        operation_name: null,
        fields: "customer.name",
        outcome: "OK",
        error_codes: "",
        identities: "",
        arguments: null,
      }));
    const small = rows(`C-SMALL-${target.label}`, 3, `rep-small-${target.label}`);
    const large = rows(`C-LARGE-${target.label}`, 300, `rep-large-${target.label}`);
    await db.insertInto("audit_entries").values([...small, ...large]).execute();
    await db
      .insertInto("audit_entry_customers")
      .values([...small, ...large].map((r) => ({ entry_id: r.id, customer_id: r.id.replace(/-\d+$/, ""), at: r.at })))
      .execute();

    const fewer = await trail({ customerId: `C-SMALL-${target.label}`, first: 100 });
    const more = await trail({ customerId: `C-LARGE-${target.label}`, first: 100 });
    expect(fewer.body.data.auditTrail.entries).toHaveLength(3);
    expect(more.body.data.auditTrail.entries).toHaveLength(100);
    expect(more.body.data.auditTrail.entries.every((e: any) => e.customerIds.length === 1)).toBe(true);
    expect(fewer.sqlStatements).toBeGreaterThan(0);
    expect(more.sqlStatements).toBe(fewer.sqlStatements);

    const byActor = await trail({ actorSubject: `rep-large-${target.label}`, first: 100 });
    expect(byActor.body.data.auditTrail.entries).toHaveLength(100);
    expect(byActor.sqlStatements).toBe(fewer.sqlStatements);
  });

  it("has no update path: the API only appends and the database refuses UPDATE and DELETE", async () => {
    const schema = await t.query(`{ __schema { mutationType { fields { name } } } }`, {}, SUPERVISOR);
    expect(schema.body.data.__schema.mutationType.fields.map((f: any) => f.name)).toEqual(["recordAuditEntries"]);

    const customer = `C-IMMUTABLE-${target.label}`;
    const kept = entry({ customerIds: [customer] }, REP_RETAILER);
    const recorded = await t.query(RECORD, { entries: [kept] }, SYSTEM);
    expect(recorded.body.errors).toBeUndefined();
    const db = t.running.database.db;
    expect(await db.selectFrom("audit_entries").select("id").where("id", "=", kept.id).execute()).toHaveLength(1);
    // The rejection is read by hand: better-sqlite3's native addon keeps the SqliteError class of
    // the first jest test file that loaded it, so in later files it is not `instanceof Error`
    // of this file's realm and `rejects.toThrow` would report "did not throw".
    const refusal = (statement: Promise<unknown>) => statement.then(() => "not refused", (error: { message?: string }) => String(error?.message));
    expect(await refusal(db.updateTable("audit_entries").set({ outcome: "ERROR" }).where("id", "=", kept.id).execute())).toMatch(/append-only/);
    expect(await refusal(db.deleteFrom("audit_entries").where("id", "=", kept.id).execute())).toMatch(/append-only/);
    expect(await refusal(db.deleteFrom("audit_entry_customers").where("entry_id", "=", kept.id).execute())).toMatch(/append-only/);
    const page = await trail({ customerId: customer });
    expect(page.body.data.auditTrail.entries).toHaveLength(1);
    expect(page.body.data.auditTrail.entries[0].outcome).toBe("OK");
  });
});
