import type { Kysely } from "kysely";
import { insertInChunks } from "../../kit";
import type { DB } from "../db/tables";
import type { EntryRows } from "./validation";

/**
 * Appends entries in one transaction: all of a call is recorded or none is.
 * Entry ids are the idempotency keys: an id already in the trail is skipped, so a gateway
 * retry after a lost answer records nothing twice and never rewrites what is there.
 * Returns how many of the given entries are now in the trail (all of them).
 */
export async function appendEntries(db: Kysely<DB>, batch: EntryRows[]): Promise<number> {
  const unique = [...new Map(batch.map((rows) => [rows.entry.id, rows] as const)).values()];
  if (unique.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("audit_entries").select("id").where("id", "in", unique.map((rows) => rows.entry.id)).execute();
    const seen = new Set(existing.map((row) => row.id));
    const fresh = unique.filter((rows) => !seen.has(rows.entry.id));
    await insertInChunks(trx, "audit_entries", fresh.map((rows) => ({ ...rows.entry })));
    await insertInChunks(trx, "audit_entry_customers", fresh.flatMap((rows) => rows.customers.map((c) => ({ ...c }))));
  });
  return unique.length;
}
