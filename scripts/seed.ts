import "reflect-metadata";
import { isEmpty, openDatabase, type Database, type SubgraphDefinition } from "../subgraphs/kit";
import { allSubgraphs } from "./lib/allSubgraphs";
import { syntheticPerson } from "./lib/syntheticPeople";

const USAGE = `usage: npm run seed -- --customers N [--events-per-source K] [--batch B]

Adds N synthetic customers with histories (orders, devices and cases, bills, logins,
contacts; about K timeline events per system each, default 2) to every subgraph's
database: SQLite files under DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL
is set. Story data (S1-S7) is seeded first if a database is empty. Running it again adds
more customers after the existing ones. Stop the graph first when using SQLite.`;

function intArg(args: string[], flag: string, fallback: number | undefined): number {
  const index = args.indexOf(flag);
  const raw = index >= 0 ? args[index + 1] : undefined;
  if (raw === undefined) {
    if (fallback === undefined) throw new Error(`${flag} is required`);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} must be a non-negative integer, got "${raw}"`);
  return value;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  let customers: number, eventsPerSource: number, batch: number;
  try {
    customers = intArg(args, "--customers", undefined);
    eventsPerSource = intArg(args, "--events-per-source", 2);
    batch = Math.max(1, intArg(args, "--batch", 2000));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  const databases: Array<{ name: string; database: Database<any>; seed: SubgraphDefinition<any, any>["seedSynthetic"] }> = [];
  try {
    for (const subgraph of allSubgraphs()) {
      const database = await openDatabase<any>({ name: subgraph.name, migrations: subgraph.migrations });
      if (await isEmpty(database.db, subgraph.seedMarkerTable)) await subgraph.seed(database.db);
      databases.push({ name: subgraph.name, database, seed: subgraph.seedSynthetic });
    }
    const customersDb = databases.find((d) => d.name === "customers")!.database.db;
    const existing = (await customersDb.selectFrom("customers").select((eb: any) => eb.fn.countAll().as("n")).where("id", "like", "C-0%").executeTakeFirst()) as { n?: number | string } | undefined;
    const offset = Number(existing?.n ?? 0);
    const started = Date.now();
    for (let from = offset; from < offset + customers; from += batch) {
      const people = [];
      for (let i = from; i < Math.min(offset + customers, from + batch); i++) people.push(syntheticPerson(i, eventsPerSource));
      for (const { seed, database } of databases) await seed(database.db, people);
      const done = from - offset + people.length;
      process.stdout.write(`\rseeded ${done}/${customers} customers (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    console.log(`\ndone: ${customers} synthetic customers after ${offset} existing, ${eventsPerSource} events per source each, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    for (const { database } of databases) await database.close();
  }
}

main().then((code) => (process.exitCode = code), (error: Error) => {
  console.error(`seed failed: ${error.message}`);
  process.exitCode = 1;
});
