import path from "node:path";
import { sql } from "kysely";
import { Pool } from "pg";
import { openDatabase, recordSeededEvents, seededRandom, type Database, type EventInput } from "../../subgraphs/kit";
import { syntheticPerson } from "../lib/syntheticPeople";
import { runToCompletion } from "./processes";

type SubgraphName = string;

/** Whose id owns a person's timeline events in each subgraph (fieldservice keys people by their maker registration). */
const OWNER_PREFIX: Record<string, string> = { customers: "C-", orders: "RC-S", aftersales: "MR-S", billing: "BA-S", security: "u-s", fieldservice: "MR-S" };

/** Where the bench's data lives: a temp DATA_DIR (SQLite) or a schema prefix (PostgreSQL). */
export interface DataTarget {
  /** Every subgraph in the supergraph under test (each has its own database). */
  subgraphs: string[];
  dataDir: string;
  databaseUrl: string; // "" = SQLite
  schemaPrefix: string;
}

export function targetEnv(target: DataTarget): NodeJS.ProcessEnv {
  return { DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl, DB_SCHEMA_PREFIX: target.schemaPrefix };
}

export interface Dataset {
  customers: number;
  eventsPerSource: number;
  /** The P3 customer (~10 events in all) who later gets a ~10,000-event history (addHeavyHistory). */
  probe: { index: number; customerId: string; phone: string; events: number };
  phones: string[];
  orderNumbers: string[];
  seedSeconds: number;
}

/**
 * Seeds N customers with `eventsPerSource` events per source (the load pool), then one more
 * with 2 per source (~10 events): the P3 customer, measured once as is and once after
 * addHeavyHistory gave them ~2,000 more timeline events per source (~10,000 in all).
 */
export async function seedDataset(distDir: string, target: DataTarget, customers: number, eventsPerSource: number, log: (line: string) => void): Promise<Dataset> {
  const seedScript = path.join(distDir, "scripts", "seed.js");
  const env = targetEnv(target);
  const started = Date.now();
  log(`seeding ${customers} customers (${eventsPerSource} events per source) ...`);
  await runToCompletion("seed", process.execPath, [seedScript, "--customers", String(customers), "--events-per-source", String(eventsPerSource)], env);
  await runToCompletion("seed", process.execPath, [seedScript, "--customers", "1", "--events-per-source", "2"], env);
  const seedSeconds = (Date.now() - started) / 1000;
  log(`seeded in ${seedSeconds.toFixed(1)} s`);

  const index = customers;
  const databases = new Map<SubgraphName, Database<any>>();
  try {
    for (const name of target.subgraphs) databases.set(name, await openDatabase<any>({ name, migrations: null, dataDir: target.dataDir, databaseUrl: target.databaseUrl, schemaPrefix: target.schemaPrefix }));
    const person = syntheticPerson(index, 2);
    const probe = { index, customerId: person.customerId, phone: person.phone, events: await countEvents(databases, index) };
    log(`P3 customer ${probe.customerId}: ${probe.events} events (gets a long history later)`);

    const random = seededRandom(20240601);
    const phones = new Set<string>();
    while (phones.size < Math.min(1000, customers)) phones.add(syntheticPerson(Math.floor(random() * customers), eventsPerSource).phone);
    const orders = await sql<{ number: string }>`select number from orders where customer_id like 'RC-S%' order by random() limit 1000`.execute(databases.get("orders")!.db);
    return { customers, eventsPerSource, probe, phones: [...phones], orderNumbers: orders.rows.map((r) => r.number), seedSeconds };
  } finally {
    for (const database of databases.values()) await database.close();
  }
}

function ownerIds(index: number, names: Iterable<string>): Record<SubgraphName, string> {
  const n = String(index).padStart(7, "0");
  return Object.fromEntries([...names].filter((name) => OWNER_PREFIX[name]).map((name) => [name, `${OWNER_PREFIX[name]}${n}`]));
}

async function countEvents(databases: Map<SubgraphName, Database<any>>, index: number): Promise<number> {
  const owners = ownerIds(index, databases.keys());
  let total = 0;
  for (const name of Object.keys(owners)) {
    const row = await sql<{ n: number | string }>`select count(*) as n from timeline_events where owner_id = ${owners[name]}`.execute(databases.get(name)!.db);
    total += Number(row.rows[0]?.n ?? 0);
  }
  return total;
}

/**
 * ~`perSource` extra timeline_events rows per source for one person, modelled on their own
 * events; written while the subgraphs run (SQLite WAL / PostgreSQL). Returns their event count.
 */
export async function addHeavyHistory(target: DataTarget, index: number, perSource: number): Promise<number> {
  const databases = new Map<SubgraphName, Database<any>>();
  try {
    for (const name of target.subgraphs) databases.set(name, await openDatabase<any>({ name, migrations: null, dataDir: target.dataDir, databaseUrl: target.databaseUrl, schemaPrefix: target.schemaPrefix }));
    await insertHistory(databases, index, perSource);
    return await countEvents(databases, index);
  } finally {
    for (const database of databases.values()) await database.close();
  }
}

async function insertHistory(databases: Map<SubgraphName, Database<any>>, index: number, perSource: number): Promise<void> {
  const owners = ownerIds(index, databases.keys());
  const now = Date.now();
  for (const name of Object.keys(owners)) {
    const db = databases.get(name)!.db;
    const existing = await sql<Record<string, string | null>>`select * from timeline_events where owner_id = ${owners[name]} limit 5`.execute(db);
    const templates = existing.rows.length
      ? existing.rows
      : [{ kind: "NOTE", summary: "Synthetic event", actor_name: "bench", actor_role: "system", actor_org: "platform", actor_team: null, subject_type: "Customer", subject_id: owners[name] }];
    const events: (EventInput & { id: string })[] = [];
    for (let i = 0; i < perSource; i++) {
      const t = templates[i % templates.length];
      events.push({
        id: `bench-heavy-${name}-${i}`,
        ownerId: owners[name],
        // spread over the last ~3 years, older than the person's own recent events
        at: new Date(now - (30 + (i * 1095) / perSource) * 86_400_000).toISOString(),
        kind: t.kind!,
        summary: `${t.summary} (history ${i})`,
        actor: t.actor_name ? { name: t.actor_name, role: t.actor_role, organization: t.actor_org ?? "", team: t.actor_team } : null,
        subjectType: t.subject_type!,
        subjectId: t.subject_id!,
      });
    }
    await recordSeededEvents(db, events);
  }
}

/** PostgreSQL: drop the bench's schemas. */
export async function dropSchemas(target: DataTarget): Promise<void> {
  if (!target.databaseUrl) return;
  const pool = new Pool({ connectionString: target.databaseUrl, max: 1 });
  try {
    for (const name of target.subgraphs) await pool.query(`DROP SCHEMA IF EXISTS ${target.schemaPrefix}${name} CASCADE`);
  } finally {
    await pool.end();
  }
}
