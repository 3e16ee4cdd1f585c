/**
 * The transactional outbox: a timeline entry written by a state change brings its domain
 * event with it in the same transaction (rolled back together), seeded history is flagged, and consumeOnce applies an event's effect once however often it arrives.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { createCustomer360Tables, CUSTOMER360_MIGRATIONS, openDatabase, recordEvent } from "../../subgraphs/kit";
import { consumeOnce } from "../../subgraphs/kit/events";
import { describeEachDatabase } from "../helpers/databases";

describeEachDatabase("transactional outbox", (target) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-outbox-"));
  const schemaPrefix = `o${randomBytes(4).toString("hex")}_`;
  let database: Awaited<ReturnType<typeof openDatabase<any>>>;

  beforeAll(async () => {
    database = await openDatabase<any>({ name: "outbox", migrations: { "001_initial": { up: createCustomer360Tables }, ...CUSTOMER360_MIGRATIONS }, dataDir, databaseUrl: target.databaseUrl ?? "", schemaPrefix });
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (target.databaseUrl) {
      const pool = new Pool({ connectionString: target.databaseUrl, max: 1 });
      await pool.query(`DROP SCHEMA IF EXISTS ${schemaPrefix}outbox CASCADE`);
      await pool.end();
    }
  });

  const cancel = { ownerId: "R-1", at: "2026-12-01T09:12:00.000Z", kind: "VISIT_CANCELLED", summary: "Visit cancelled: resolved by the customer", actor: { name: "Rep", role: "rep", organization: "yougou" }, subjectType: "Visit", subjectId: "VIS-9", payload: { caseNumber: "CS-9" } };

  it("writes the timeline entry and its typed domain event together, with one id", async () => {
    const id = await database.db.transaction().execute((trx) => recordEvent(trx, cancel));
    const row = await database.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ type: "visit.cancelled", version: 1, owner_id: "R-1", occurred_at: cancel.at, sent_at: null });
    expect(JSON.parse(row.payload)).toEqual({ subjectType: "Visit", subjectId: "VIS-9", summary: cancel.summary, caseNumber: "CS-9" });
    expect(JSON.parse(row.actor)).toMatchObject({ organization: "yougou" });
    expect(await database.db.selectFrom("timeline_events").select("id").where("id", "=", id).executeTakeFirst()).toEqual({ id });
  });

  it("rolls the event back with the state change", async () => {
    const before = await database.db.selectFrom("outbox").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await recordEvent(trx, cancel);
        throw new Error("state change failed");
      }),
    ).rejects.toThrow("state change failed");
    const after = await database.db.selectFrom("outbox").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("writes seeded history (a stable id) flagged history = 1, live events history = 0", async () => {
    await recordEvent(database.db, { ...cancel, id: "seed-1" });
    expect(await database.db.selectFrom("outbox").select(["id", "history"]).where("id", "=", "seed-1").executeTakeFirst()).toEqual({ id: "seed-1", history: 1 });
    const live = await recordEvent(database.db, cancel);
    expect(await database.db.selectFrom("outbox").select(["id", "history"]).where("id", "=", live).executeTakeFirst()).toEqual({ id: live, history: 0 });
  });

  it("applies a consumer's effect once per event, however often it is delivered", async () => {
    let effects = 0;
    const apply = () => consumeOnce(database.db, "ev-1", "fieldservice.visits", cancel.at, async () => void effects++);
    expect(await apply()).toBe(true);
    expect(await apply()).toBe(false);
    expect(await consumeOnce(database.db, "ev-1", "orders.cases", cancel.at, async () => void effects++)).toBe(true);
    expect(effects).toBe(2);
    // A failing effect leaves no inbox row, so the retry applies it.
    await expect(consumeOnce(database.db, "ev-2", "fieldservice.visits", cancel.at, async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await consumeOnce(database.db, "ev-2", "fieldservice.visits", cancel.at, async () => void effects++)).toBe(true);
    expect(effects).toBe(3);
  });
});
