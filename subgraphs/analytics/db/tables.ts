import type { EventTables } from "../../kit/events";

/**
 * Events the reaction accepted (in the inbox transaction) and the store has not taken yet:
 * the durable hand-over between the kit's database (inbox, dead letters) and DuckDB. The
 * event is JSON text as delivered; a drain moves rows in batches and deletes them.
 */
export interface AnalyticsStagingTable {
  id: string;
  event: string;
  staged_at: string;
}

export interface DB extends EventTables {
  analytics_staging: AnalyticsStagingTable;
}
