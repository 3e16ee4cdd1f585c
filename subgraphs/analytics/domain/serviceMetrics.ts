import { filterSql, type AnalyticsFilter, type FilterColumns } from "./analyticsFilter";
import type { AnalyticsStore, Params } from "./analyticsStore";
import { MATTERS, METRIC_EVENTS } from "./derivedTables";

/*
 * serviceMetrics: every metric of docs/ANALYTICS.md in two statements, one over each derived
 * table (derivedTables.ts: per matter, per counted event), brought up to date first.
 * Matter metrics count the matters OPENED in the time range (a cohort), grouped and
 * filtered by the matter's attributes (its handling organization, first source, tier,
 * city, device model; day = the day it opened). Event metrics (repeat contacts, promises,
 * surveys, refusals) count events IN the range, by the event's own attributes (tier, city
 * and device model fall back to its matter's). "As of" is the range's end, else now.
 */

export type MetricsGroupBy = "ORGANIZATION" | "SOURCE" | "TIER" | "DAY" | "CITY" | "DEVICE_MODEL";

export interface Quantiles {
  median: number;
  p90: number;
}

export interface MetricsRow {
  group: string;
  mattersOpened: number;
  mattersResolved: number;
  firstResponseHours: Quantiles | null;
  resolutionHours: Quantiles | null;
  escalationRate: number | null;
  handoffsPerMatter: number | null;
  partiesPerMatter: number | null;
  complaintsUnanswered: number;
  repeatContactsAfterResolution: number;
  overduePromises: number;
  averageDaysLate: number | null;
  maxDaysLate: number | null;
  surveysDuringOpenComplaint: number;
  verificationsRefused: number;
}

export interface MetricsOptions {
  /** Reference time for "overdue" and "unanswered": the range's end, else now. */
  asOfMs: number;
  /** A complaint is unanswered after this many days without a response. */
  unansweredDays: number;
}

export const NO_GROUP = "(none)";
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
function groupExpression(groupBy: MetricsGroupBy, columns: { source: string; organization: string; tier: string; city: string; deviceModel: string; time: string }): string {
  const expression = {
    ORGANIZATION: columns.organization,
    SOURCE: columns.source,
    TIER: columns.tier,
    CITY: columns.city,
    DEVICE_MODEL: columns.deviceModel,
    DAY: `strftime(epoch_ms(${columns.time}::BIGINT), '%Y-%m-%d')`,
  }[groupBy];
  return `coalesce(${expression}, '${NO_GROUP}')`;
}

const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(" AND ")}` : "");

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export async function loadServiceMetrics(store: AnalyticsStore, groupBy: MetricsGroupBy, filter: AnalyticsFilter, options: MetricsOptions): Promise<MetricsRow[]> {
  const matterColumns: FilterColumns = { source: "m.source", organization: "m.organization", tier: "m.tier", city: "m.city", deviceModel: "m.device_model", time: "m.opened_ms" };
  const matterFilter = filterSql(filter, matterColumns, "m");
  const base: Params = { asOf: options.asOfMs, unansweredMs: options.unansweredDays * DAY_MS };
  await store.refreshDerived();
  const matterRows = await store.query(
    `SELECT ${groupExpression(groupBy, matterColumns)} AS grp,
       count(*)::INTEGER AS opened,
       count(*) FILTER (WHERE m.resolved_ms IS NOT NULL AND m.resolved_ms <= $asOf)::INTEGER AS resolved,
       median((m.first_response_ms - m.opened_ms) / ${HOUR_MS}.0) FILTER (WHERE m.first_response_ms <= $asOf) AS fr_median,
       quantile_cont((m.first_response_ms - m.opened_ms) / ${HOUR_MS}.0, 0.9) FILTER (WHERE m.first_response_ms <= $asOf) AS fr_p90,
       median((m.resolved_ms - m.opened_ms) / ${HOUR_MS}.0) FILTER (WHERE m.resolved_ms >= m.opened_ms AND m.resolved_ms <= $asOf) AS res_median,
       quantile_cont((m.resolved_ms - m.opened_ms) / ${HOUR_MS}.0, 0.9) FILTER (WHERE m.resolved_ms >= m.opened_ms AND m.resolved_ms <= $asOf) AS res_p90,
       avg(CASE WHEN m.escalated THEN 1.0 ELSE 0.0 END) AS escalation_rate,
       avg(m.handoffs)::DOUBLE AS handoffs,
       avg(m.parties)::DOUBLE AS parties,
       count(*) FILTER (WHERE m.is_complaint AND (m.first_response_ms IS NULL OR m.first_response_ms > $asOf)
         AND (m.resolved_ms IS NULL OR m.resolved_ms > $asOf) AND $asOf - m.opened_ms > $unansweredMs)::INTEGER AS unanswered
     FROM ${MATTERS} m
     ${where(["m.opened_ms IS NOT NULL", ...matterFilter.conditions])}
     GROUP BY grp`,
    { ...base, ...matterFilter.params },
  );

  // Tier, city and device model already fall back to the matter's in metric_events.
  const eventColumns: FilterColumns = { source: "e.source", organization: "e.organization", tier: "e.tier", city: "e.city", deviceModel: "e.device_model", time: "e.at_ms" };
  const eventFilter = filterSql(filter, eventColumns, "e");
  // A promise kept after "as of" is not kept as of then (kept_ms is its first keeping event, ever).
  const keptByAsOf = "CASE WHEN e.kept_ms <= $asOf THEN e.kept_ms END";
  const eventRows = await store.query(
    `WITH counted AS (
       SELECT ${groupExpression(groupBy, eventColumns)} AS grp, e.repeat_contact, e.refuses_verification, e.during_open_complaint,
         e.promises AND e.due_ms < $asOf AND (${keptByAsOf} IS NULL OR ${keptByAsOf} > e.due_ms) AS overdue,
         (coalesce(${keptByAsOf}, $asOf) - e.due_ms) / ${DAY_MS}.0 AS days_late
       FROM ${METRIC_EVENTS} e
       ${where(eventFilter.conditions)}
     )
     SELECT grp,
       count(*) FILTER (WHERE repeat_contact)::INTEGER AS repeat_contacts,
       count(*) FILTER (WHERE refuses_verification)::INTEGER AS refused,
       count(*) FILTER (WHERE overdue)::INTEGER AS overdue,
       avg(days_late) FILTER (WHERE overdue) AS avg_late,
       max(days_late) FILTER (WHERE overdue) AS max_late,
       count(*) FILTER (WHERE during_open_complaint)::INTEGER AS surveys
     FROM counted GROUP BY grp`,
    { ...base, ...eventFilter.params },
  );

  const rows = new Map<string, MetricsRow>();
  const rowFor = (group: string): MetricsRow => {
    let row = rows.get(group);
    if (!row) {
      row = {
        group,
        mattersOpened: 0,
        mattersResolved: 0,
        firstResponseHours: null,
        resolutionHours: null,
        escalationRate: null,
        handoffsPerMatter: null,
        partiesPerMatter: null,
        complaintsUnanswered: 0,
        repeatContactsAfterResolution: 0,
        overduePromises: 0,
        averageDaysLate: null,
        maxDaysLate: null,
        surveysDuringOpenComplaint: 0,
        verificationsRefused: 0,
      };
      rows.set(group, row);
    }
    return row;
  };
  for (const r of matterRows) {
    const row = rowFor(String(r.grp));
    row.mattersOpened = Number(r.opened);
    row.mattersResolved = Number(r.resolved);
    row.firstResponseHours = r.fr_median === null ? null : { median: Number(r.fr_median), p90: Number(r.fr_p90) };
    row.resolutionHours = r.res_median === null ? null : { median: Number(r.res_median), p90: Number(r.res_p90) };
    row.escalationRate = num(r.escalation_rate);
    row.handoffsPerMatter = num(r.handoffs);
    row.partiesPerMatter = num(r.parties);
    row.complaintsUnanswered = Number(r.unanswered);
  }
  for (const r of eventRows) {
    const row = rowFor(String(r.grp));
    row.repeatContactsAfterResolution = Number(r.repeat_contacts);
    row.verificationsRefused = Number(r.refused);
    row.overduePromises = Number(r.overdue);
    row.averageDaysLate = num(r.avg_late);
    row.maxDaysLate = num(r.max_late);
    row.surveysDuringOpenComplaint = Number(r.surveys);
  }
  return [...rows.values()].sort((a, b) => a.group.localeCompare(b.group));
}
