/**
 * Migration 002_idempotency_per_caller upgrades a database made before it in place: the
 * old global-key table (with a remembered answer in it) becomes the per-caller table, on
 * SQLite and on PostgreSQL, and withIdempotency works on it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { createCustomer360Tables, CUSTOMER360_MIGRATIONS, openDatabase, withIdempotency } from "../../subgraphs/kit";
import { describeEachDatabase } from "../helpers/databases";

describeEachDatabase("idempotency table upgrade (migration 002)", (target) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-idem-upgrade-"));
  const schemaPrefix = `u${randomBytes(4).toString("hex")}_`;
  const open = (migrations: Parameters<typeof openDatabase>[0]["migrations"]) =>
    openDatabase<any>({ name: "upgrade", migrations, dataDir, databaseUrl: target.databaseUrl ?? "", schemaPrefix });

  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (target.databaseUrl) {
      const pool = new Pool({ connectionString: target.databaseUrl, max: 1 });
      await pool.query(`DROP SCHEMA IF EXISTS ${schemaPrefix}upgrade CASCADE`);
      await pool.end();
    }
  });

  it("turns an existing global-key table into the per-caller one, keeping the database usable", async () => {
    const before = await open({ "001_initial": { up: createCustomer360Tables } });
    await before.db.insertInto("idempotency_keys").values({ key: "k-1", operation: "logContact", result: '{"id":"old"}', created_at: new Date().toISOString() }).execute();
    await before.close();

    const after = await open({ "001_initial": { up: createCustomer360Tables }, ...CUSTOMER360_MIGRATIONS });
    try {
      const applied = await after.db.selectFrom("schema_migrations").select("name").orderBy("name").execute();
      expect(applied.map((row: any) => row.name)).toEqual(["001_initial", "002_idempotency_per_caller", "004_event_outbox", "005_outbox_history"]);
      // The old answer recorded no caller: it is never replayed to anybody.
      expect(await after.db.selectFrom("idempotency_keys").selectAll().execute()).toEqual([]);
      let runs = 0;
      const run = async () => ({ run: ++runs });
      const scope = { subject: "rep-a", key: "k-1", operation: "logContact", args: { note: "x" } };
      expect(await withIdempotency(after.db, scope, run)).toEqual({ run: 1 });
      expect(await withIdempotency(after.db, scope, run)).toEqual({ run: 1 });
      expect(await withIdempotency(after.db, { ...scope, subject: "rep-b" }, run)).toEqual({ run: 2 });
      await expect(withIdempotency(after.db, { ...scope, args: { note: "y" } }, run)).rejects.toMatchObject({ extensions: { code: "CONFLICT", idempotencyKey: "k-1" } });
      expect(runs).toBe(2);
    } finally {
      await after.close();
    }
  });
});
