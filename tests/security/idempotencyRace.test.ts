/**
 * The same idempotency key sent twice at once (a double click) answers both alike, whatever
 * the second request trips over once the first has committed: a domain check that already
 * sees the first one's effect (CI saw "invoice already has an open dispute" on PostgreSQL),
 * or a unique index. And two DIFFERENT keys racing for one unique slot end with one winner
 * and the domain's own CONFLICT, never a raw constraint error.
 *
 * The interleaving is forced, not left to chance: the first request holds its transaction
 * open until the second has read "no remembered answer" (PostgreSQL runs both at once;
 * SQLite's single writer queues the second, which then finds the answer directly).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import type { Kysely, Migration } from "kysely";
import { conflict } from "../../common/errorCodes";
import { openDatabase, withIdempotency, type Database } from "../../subgraphs/kit";
import { describeEachDatabase } from "../helpers/databases";

interface Tables {
  slots: { slot: string; owner: string };
}

const MIGRATIONS: Record<string, Migration> = {
  "001_slots": {
    up: async (db: Kysely<any>) => {
      await db.schema.createTable("slots").addColumn("slot", "text", (c) => c.primaryKey()).addColumn("owner", "text", (c) => c.notNull()).execute();
    },
  },
};

function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describeEachDatabase("idempotency under a concurrent twin", (target) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-idem-race-"));
  const schemaPrefix = `r${randomBytes(4).toString("hex")}_`;
  let database: Database<Tables>;

  beforeAll(async () => {
    database = await openDatabase<Tables>({ name: "race", migrations: MIGRATIONS, dataDir, databaseUrl: target.databaseUrl ?? "", schemaPrefix });
  });

  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (target.databaseUrl) {
      const pool = new Pool({ connectionString: target.databaseUrl, max: 1 });
      await pool.query(`DROP SCHEMA IF EXISTS ${schemaPrefix}race CASCADE`);
      await pool.end();
    }
  });

  /** Takes `slot` for the caller, refusing with CONFLICT when it is visibly taken (the domain's own check). */
  async function take(trx: Kysely<Tables>, slot: string, owner: string): Promise<{ slot: string; owner: string }> {
    const taken = await trx.selectFrom("slots").selectAll().where("slot", "=", slot).executeTakeFirst();
    if (taken) throw conflict(`slot ${slot} is already taken by ${taken.owner}`, { slot });
    await trx.insertInto("slots").values({ slot, owner }).execute();
    return { slot, owner };
  }

  /**
   * Runs `first` and `second` so that `second` has passed its remembered-answer check (where
   * the database allows both at once) before `first` commits, and `second`'s own work starts
   * only after `first` committed.
   */
  async function interleave<T>(first: (hold: Promise<void>) => Promise<T>, second: (afterFirst: () => Promise<void>) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
    const release = gate();
    const secondStarted = gate();
    const firstDone = gate();
    const a = first(release.wait).finally(firstDone.open);
    await pause(20);
    const b = second(async () => {
      secondStarted.open();
      await firstDone.wait;
    });
    // PostgreSQL: the second's work begins while the first still holds its transaction.
    // SQLite: the second waits for the writer, so it never starts before the first ends.
    await Promise.race([secondStarted.wait, pause(300)]);
    release.open();
    return Promise.allSettled([a, b]);
  }

  it("the same key twice at once: the second sees the first's effect and replays its answer", async () => {
    let runs = 0;
    const scope = { subject: "rep-a", key: "double-click", operation: "takeSlot", args: { slot: "S-1" } };
    const [a, b] = await interleave(
      (hold) =>
        withIdempotency(database.db, scope, async (trx) => {
          runs += 1;
          const taken = await take(trx, "S-1", "rep-a");
          await hold;
          return taken;
        }),
      (afterFirst) =>
        withIdempotency(database.db, scope, async (trx) => {
          runs += 1;
          await afterFirst();
          return take(trx, "S-1", "rep-a");
        }),
    );
    expect(a).toEqual({ status: "fulfilled", value: { slot: "S-1", owner: "rep-a" } });
    expect(b).toEqual(a);
    expect(await database.db.selectFrom("slots").selectAll().where("slot", "=", "S-1").execute()).toHaveLength(1);
    expect(await database.db.selectFrom("idempotency_keys" as any).selectAll().where("key", "=", "double-click").execute()).toHaveLength(1);
    // PostgreSQL ran the second's work and threw it away; SQLite never ran it.
    expect(runs).toBe(target.label === "postgres" ? 2 : 1);
  });

  it("two keys at once for one slot: one wins, the other gets the domain's CONFLICT and writes nothing", async () => {
    const [a, b] = await interleave(
      (hold) =>
        withIdempotency(database.db, { subject: "rep-a", key: "k-a", operation: "takeSlot", args: { slot: "S-2" } }, async (trx) => {
          const taken = await take(trx, "S-2", "rep-a");
          await hold;
          return taken;
        }),
      (afterFirst) =>
        withIdempotency(database.db, { subject: "rep-b", key: "k-b", operation: "takeSlot", args: { slot: "S-2" } }, async (trx) => {
          await afterFirst();
          return take(trx, "S-2", "rep-b");
        }),
    );
    expect(a).toEqual({ status: "fulfilled", value: { slot: "S-2", owner: "rep-a" } });
    expect(b.status).toBe("rejected");
    expect((b as PromiseRejectedResult).reason).toMatchObject({ extensions: { code: "CONFLICT", slot: "S-2" } });
    expect(await database.db.selectFrom("slots").selectAll().where("slot", "=", "S-2").execute()).toEqual([{ slot: "S-2", owner: "rep-a" }]);
    expect(await database.db.selectFrom("idempotency_keys" as any).selectAll().where("key", "=", "k-b").execute()).toEqual([]);
  });

  it("two keys racing past the check: the loser's unique violation is decided again as CONFLICT", async () => {
    // Both check before either inserts: the second's insert meets the first's row in the index.
    const bothChecked = gate();
    let checks = 0;
    const checked = () => {
      checks += 1;
      if (checks === 2) bothChecked.open();
    };
    const racer = (owner: string) =>
      withIdempotency(database.db, { subject: owner, key: `k-${owner}`, operation: "takeSlot", args: { slot: "S-3" } }, async (trx) => {
        const taken = await trx.selectFrom("slots").selectAll().where("slot", "=", "S-3").executeTakeFirst();
        if (taken) throw conflict(`slot S-3 is already taken by ${taken.owner}`, { slot: "S-3" });
        checked();
        await Promise.race([bothChecked.wait, pause(300)]);
        await trx.insertInto("slots").values({ slot: "S-3", owner }).execute();
        return { slot: "S-3", owner };
      });
    const results = await Promise.allSettled([racer("rep-a"), racer("rep-b")]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.reason?.extensions?.code)).toEqual(["CONFLICT"]);
    expect(await database.db.selectFrom("slots").selectAll().where("slot", "=", "S-3").execute()).toHaveLength(1);
  });
});
