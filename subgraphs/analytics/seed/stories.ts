import type { Kysely } from "kysely";
import type { DB } from "../db/tables";

/**
 * Nothing to write: the story customers' history (S1-S7) reaches analytics through the
 * event backbone's backfill (the reaction's includeHistory), from the sources that hold it.
 */
export async function seedStories(_db: Kysely<DB>): Promise<void> {}
