import type { Kysely } from "kysely";

/**
 * Synthetic customers for benchmarks (`npm run seed -- --customers N`). The generator
 * (scripts/seed.ts) invents the people and their ids in every system; each subgraph's
 * seeder writes its own records and timeline events for them, in bulk.
 */
export interface SyntheticPerson {
  /** 0-based position; also the seed of everything random about this person. */
  index: number;
  customerId: string;
  name: string;
  nameLatin: string;
  /** Normalized 11-digit mobile number. */
  phone: string;
  email: string;
  city: string;
  /** The person's id in each system, by subgraph name. */
  ids: { orders: string; aftersales: string; billing: string; security: string };
  /** Roughly how many timeline events each source should write for this person. */
  eventsPerSource: number;
}

export type SyntheticSeeder<DB> = (db: Kysely<DB>, people: SyntheticPerson[]) => Promise<void>;

/** Deterministic pseudo-random numbers (mulberry32): the same N gives the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inserts rows in chunks that stay under SQLite's and PostgreSQL's parameter limits. */
export async function insertInChunks(db: Kysely<any>, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).length;
  const chunk = Math.max(1, Math.floor(30000 / columns));
  for (let i = 0; i < rows.length; i += chunk) {
    await db.insertInto(table).values(rows.slice(i, i + chunk)).execute();
  }
}
