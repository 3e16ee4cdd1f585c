import type { Kysely } from "kysely";
import type { DB } from "./db/tables";
import { ensureDrainTimer } from "./domain/ingest";

/**
 * No DataLoaders: every answer is one aggregate or one page over DuckDB, not per-row reads.
 * Building the (empty) loaders is also where the background drain starts: the first request
 * a subgraph serves comes with its database handle.
 */
export function createLoaders(db: Kysely<DB>) {
  void ensureDrainTimer(db).catch((error: unknown) => console.error(`[analytics] ${(error as Error).message}`));
  return {};
}

export type Loaders = ReturnType<typeof createLoaders>;
