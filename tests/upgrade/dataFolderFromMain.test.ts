/**
 * A data folder created by main of 2026-12-02 (tests/fixtures/data-main-2026-12-02: every
 * subgraph started once on SQLite, so its migrations 001-004 and the story seeds ran, with the
 * customer-360 tables made by each subgraph's own "001_initial") starts under today's code:
 * the kit adopts the tables it now owns (recorded in kit_migrations, not re-run), its later
 * steps run, the data is intact (the 360 of a story customer equals a fresh graph's), and a
 * mutation works. On PostgreSQL the same, on schemas made with the old migration list.
 *
 * The fixture was made by building that commit and starting each subgraph once with
 * DATA_DIR=tests/fixtures/data-main-2026-12-02 (startSubgraph, port 0), then stopping it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import SQLite from "better-sqlite3";
import type { Migration } from "kysely";
import { KIT_MIGRATIONS, openDatabase, type SubgraphDefinition } from "../../subgraphs/kit";
import { createCustomer360Tables } from "../../subgraphs/kit/customer360/tables";
import { describeEachDatabase, type DatabaseTarget } from "../helpers/databases";
import { ROOT, startGraph, SUBGRAPH_NAMES as ALL_SUBGRAPH_NAMES, type Graph } from "../helpers/graphHarness";

const FIXTURE = path.join(ROOT, "tests", "fixtures", "data-main-2026-12-02");
/** The subgraphs main had on that day (a subgraph added since, e.g. analytics, starts empty). */
const SUBGRAPH_NAMES = ALL_SUBGRAPH_NAMES.filter((name) => fs.existsSync(path.join(FIXTURE, `${name}.sqlite`)));
const YOUGOU = { role: "rep" as const, org: "yougou", sub: "rep-upgrade-chen", name: "陈晓 Chen Xiao (Yougou service desk)" };
const VIEW = `query View($id: ID!) { customer(id: $id) {
  timeline(first: 100) { result { missingSources entries { source kind summary subjectType subjectId actor { name organization } } } }
  openMatters { result { missingSources matters { source kind subjectId } } }
} }`;
const LOG_CONTACT = `mutation Log($input: ContactLogInput!, $key: String!) { logContact(input: $input, idempotencyKey: $key) { id note party } }`;

/** What main's data folder held for one subgraph: its recorded steps and whether it kept the 360 tables. */
function fixtureOf(name: string): { recorded: string[]; keptCustomer360Tables: boolean; timelineRows: number } {
  const db = new SQLite(path.join(FIXTURE, `${name}.sqlite`), { readonly: true });
  try {
    const recorded = (db.prepare("select name from schema_migrations order by name").all() as { name: string }[]).map((r) => r.name);
    const keptCustomer360Tables = Boolean(db.prepare("select 1 from sqlite_master where type = 'table' and name = 'timeline_events'").get());
    const timelineRows = keptCustomer360Tables ? (db.prepare("select count(*) as n from timeline_events").get() as { n: number }).n : 0;
    return { recorded, keptCustomer360Tables, timelineRows };
  } finally {
    db.close();
  }
}

function definitionOf(name: string): SubgraphDefinition<any, any> {
  return require(path.join(ROOT, "subgraphs", name, "subgraph"))[`${name}Subgraph`];
}

/**
 * The migration list a subgraph ran on main, rebuilt from the steps its data folder recorded:
 * "001_initial" also created the customer-360 tables, and the kit's later steps were listed
 * by every subgraph under the names they still have.
 */
function oldMigrationsOf(name: string): Record<string, Migration> {
  const { recorded, keptCustomer360Tables } = fixtureOf(name);
  const own = definitionOf(name).migrations;
  return Object.fromEntries(
    recorded.map((step): [string, Migration] => {
      if (step === "001_initial")
        return [step, { up: async (db) => {
          if (keptCustomer360Tables) await createCustomer360Tables(db);
          await own[step].up(db);
        } }];
      const migration = own[step] ?? KIT_MIGRATIONS[step];
      if (!migration) throw new Error(`${name}: main recorded ${step}, which neither the subgraph nor the kit lists now`);
      return [step, migration];
    }),
  );
}

/** The parts of a 360 view that do not depend on when the data was seeded (seeds use relative dates). */
function stableView(body: any) {
  expect(body.errors).toBeUndefined();
  const { timeline, openMatters } = body.data.customer;
  // The seeds date their stories relative to the day they ran ("tomorrow 14:00-18:00", "due in
  // 20 days"): main's folder was seeded on 2026-12-02 (China time), a fresh graph today. Calendar
  // dates in the words are masked; everything else (which entries, kinds, subjects, actors) must match.
  const key = (o: unknown) => JSON.stringify(o).replace(/\d{4}-\d\d(-\d\d)?/g, "<date>");
  return {
    timelineMissing: timeline.result.missingSources,
    entries: timeline.result.entries.map(key).sort(),
    mattersMissing: openMatters.result.missingSources,
    matters: openMatters.result.matters.map(key).sort(),
  };
}

/** Copies every row of main's SQLite data for a subgraph into the same tables on PostgreSQL. */
async function copyFixtureRows(name: string, db: any): Promise<void> {
  const fixture = new SQLite(path.join(FIXTURE, `${name}.sqlite`), { readonly: true });
  try {
    const tables = (fixture.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'schema_migrations%'").all() as { name: string }[]).map((t) => t.name);
    for (const table of tables) {
      const rows = fixture.prepare(`select * from "${table}"`).all() as Record<string, unknown>[];
      for (let at = 0; at < rows.length; at += 200) await db.insertInto(table).values(rows.slice(at, at + 200)).execute();
    }
  } finally {
    fixture.close();
  }
}

/** Prepares main's data for the target: a copy of the SQLite folder, or PostgreSQL schemas made with main's migrations holding main's rows. */
async function dataFromMain(target: DatabaseTarget): Promise<Record<string, string>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-upgrade-"));
  if (!target.databaseUrl) {
    for (const name of SUBGRAPH_NAMES) fs.copyFileSync(path.join(FIXTURE, `${name}.sqlite`), path.join(dataDir, `${name}.sqlite`));
    return { DATA_DIR: dataDir };
  }
  const prefix = `up${randomBytes(4).toString("hex")}_`;
  for (const name of SUBGRAPH_NAMES) {
    const database = await openDatabase<any>({ name, migrations: oldMigrationsOf(name), kitMigrations: {}, databaseUrl: target.databaseUrl, schemaPrefix: prefix });
    try {
      // main's rows, not today's seeds run again: today's seed code writes columns main's
      // schema did not have yet (the point of the test is that old data meets new code).
      await copyFixtureRows(name, database.db);
    } finally {
      await database.close();
    }
  }
  return { DATA_DIR: dataDir, DB_SCHEMA_PREFIX: prefix };
}

describeEachDatabase("a data folder created by main (2026-12-02) starts under today's code", (target) => {
  let upgraded: Graph;
  let fresh: Graph;
  beforeAll(async () => {
    const env = await dataFromMain(target);
    upgraded = await startGraph(target, env);
    fresh = await startGraph(target);
  }, 180_000);
  afterAll(async () => {
    await upgraded?.stop();
    await fresh?.stop();
  });

  it("records the kit's steps in kit_migrations (adopted, not re-run) and keeps each subgraph's own list", async () => {
    for (const name of SUBGRAPH_NAMES) {
      const { db } = await upgraded.database(name);
      const kit = await db.selectFrom("kit_migrations").select("name").orderBy("name").execute();
      expect(kit.map((row: any) => row.name)).toEqual(Object.keys(KIT_MIGRATIONS).sort());
      const own = await db.selectFrom("schema_migrations").select("name").execute();
      expect(own.map((row: any) => row.name)).toEqual(expect.arrayContaining(Object.keys(definitionOf(name).migrations)));
      // The rows main wrote are all there (a re-run 001 would have failed; nothing was dropped).
      const before = target.databaseUrl ? undefined : fixtureOf(name);
      if (before?.keptCustomer360Tables) {
        const after: any = await db.selectFrom("timeline_events").select((eb: any) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
        expect(Number(after.n)).toBe(before.timelineRows);
      }
      // The kit's step after main's (005) ran on main's outbox.
      await db.selectFrom("outbox").select(["id", "history"]).limit(1).execute();
    }
  });

  it.each(["C-S1", "C-S5"])("answers the 360 of story customer %s as a fresh graph does", async (id) => {
    const before = await upgraded.query(VIEW, { id }, { caller: YOUGOU });
    const expected = await fresh.query(VIEW, { id }, { caller: YOUGOU });
    expect(stableView(before.body).entries.length).toBeGreaterThan(0);
    expect(stableView(before.body)).toEqual(stableView(expected.body));
  });

  it("takes a mutation after the upgrade: the contact is in the timeline, its event in the outbox", async () => {
    const key = `upgrade-${randomBytes(4).toString("hex")}`;
    const input = { customerId: "C-S1", party: "yougou", channel: "PHONE", direction: "OUTBOUND", outcome: "REACHED", note: "called after the upgrade" };
    const first = await upgraded.query(LOG_CONTACT, { input, key }, { caller: YOUGOU });
    expect(first.body.errors).toBeUndefined();
    const again = await upgraded.query(LOG_CONTACT, { input, key }, { caller: YOUGOU });
    expect(again.body.data.logContact.id).toBe(first.body.data.logContact.id);
    const view = await upgraded.query(VIEW, { id: "C-S1" }, { caller: YOUGOU });
    const contacts = view.body.data.customer.timeline.result.entries.filter((e: any) => e.kind === "CONTACT_LOGGED" && e.summary.includes("after the upgrade"));
    expect(contacts).toHaveLength(1);
    const { db } = await upgraded.database("customers");
    const outbox = await db.selectFrom("outbox").select(["type", "history"]).where("owner_id", "=", "C-S1").execute();
    expect(outbox).toEqual([expect.objectContaining({ history: 0 })]);
  });
});
