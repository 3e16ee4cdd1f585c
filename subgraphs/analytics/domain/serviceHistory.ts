import { labelOf } from "./classify";
import { EVENT_COLUMNS, filterSql, type AnalyticsFilter } from "./analyticsFilter";
import type { AnalyticsStore } from "./analyticsStore";
import type { AnalyticsRow } from "./analyticsRow";

/** One event of the history page: the stored row's masked facts, its time as ISO text and its label. */
export type HistoryEvent = Pick<AnalyticsRow, "id" | "source" | "type" | "personKey" | "matterKey" | "matterType" | "organization" | "actorKey" | "actorRole" | "team" | "tier" | "city" | "deviceModel"> & {
  at: string;
  label: string;
};

export interface HistoryPage {
  events: HistoryEvent[];
  hasMore: boolean;
  /** Position of the last event (at ms, id), for the next page's cursor. */
  last: { atMs: number; id: string } | null;
}

/**
 * Masked events across customers, newest first, keyset-paged on (at, id). A page is two
 * reads: the time of the page's last event (one narrow column, the filter's columns), then
 * the page's columns only for events at or after that time. One read with ORDER BY ... LIMIT
 * decoded every column of every matching event to keep 51 of them (300 ms at 1M events).
 */
export async function loadServiceHistory(store: AnalyticsStore, filter: AnalyticsFilter, first: number, after: { atMs: number; id: string } | null): Promise<HistoryPage> {
  const { conditions, params } = filterSql(filter, EVENT_COLUMNS, "f");
  if (after) {
    // Bound as BIGINT like the column (a DOUBLE would compare every row converted).
    params.afterAt = BigInt(after.atMs);
    params.afterId = after.id;
    // "at_ms <= $afterAt" on its own as well, so DuckDB can skip row groups by their min/max.
    conditions.push("at_ms <= $afterAt", "(at_ms < $afterAt OR id < $afterId)");
  }
  params.limit = first + 1;
  params.offset = first;
  const where = (more: string[]) => (conditions.length + more.length ? `WHERE ${[...conditions, ...more].join(" AND ")}` : "");
  // The (first + 1)-th event's time: every event of the page (and the one telling hasMore) is at or after it.
  const [edge] = await store.query(`SELECT at_ms FROM events ${where([])} ORDER BY at_ms DESC LIMIT 1 OFFSET $offset`, params);
  if (edge) params.fromAt = edge.at_ms as bigint;
  const rows = await store.query(
    `SELECT id, at_ms::DOUBLE AS at, source, type, person_key, matter_key, matter_type, organization, actor_key, actor_role, team, tier, city, device_model
     FROM events ${where(edge ? ["at_ms >= $fromAt"] : [])}
     ORDER BY at_ms DESC, id DESC LIMIT $limit`,
    params,
  );
  const events = rows.slice(0, first).map(
    (row): HistoryEvent => ({
      id: String(row.id),
      at: new Date(Number(row.at)).toISOString(),
      source: String(row.source),
      type: String(row.type),
      label: labelOf(String(row.type)),
      personKey: String(row.person_key),
      matterKey: String(row.matter_key),
      matterType: String(row.matter_type),
      organization: (row.organization as string | null) ?? null,
      actorKey: (row.actor_key as string | null) ?? null,
      actorRole: (row.actor_role as string | null) ?? null,
      team: (row.team as string | null) ?? null,
      tier: (row.tier as string | null) ?? null,
      city: (row.city as string | null) ?? null,
      deviceModel: (row.device_model as string | null) ?? null,
    }),
  );
  const lastRow = rows.length > 0 ? rows[Math.min(first, rows.length) - 1] : undefined;
  return { events, hasMore: rows.length > first, last: lastRow ? { atMs: Number(lastRow.at), id: String(lastRow.id) } : null };
}
