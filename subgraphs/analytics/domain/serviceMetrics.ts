import { filterSql, type AnalyticsFilter, type FilterColumns } from "./analyticsFilter";
import type { AnalyticsStore, Params } from "./analyticsStore";

/*
 * serviceMetrics: every metric of docs/ANALYTICS.md in two statements over the store.
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
/** A promise whose event names no due time is due one day after it was made. */
export const DEFAULT_PROMISE_MS = DAY_MS;

/**
 * Per matter (built once per change of the data, analyticsStore.refreshDerived): attributes
 * from its events, when it opened, its first response, its resolution, and whether it is a
 * complaint. First response: the first event after opening by a party (not the customer,
 * not a system) other than an escalation or a survey.
 */
const MATTERS_TABLE = "derived_matters";
const MATTERS_SQL = `
  WITH m AS (
    SELECT matter_key,
      arg_min(matter_type, at_ms) AS matter_type,
      arg_min(person_key, at_ms) AS person_key,
      arg_min(source, at_ms) AS source,
      coalesce(arg_min(organization, at_ms) FILTER (WHERE organization IS NOT NULL AND coalesce(actor_role, '') <> 'customer'), arg_min(organization, at_ms)) AS organization,
      arg_min(tier, at_ms) FILTER (WHERE tier IS NOT NULL) AS tier,
      arg_min(city, at_ms) FILTER (WHERE city IS NOT NULL) AS city,
      arg_min(device_model, at_ms) FILTER (WHERE device_model IS NOT NULL) AS device_model,
      min(at_ms) FILTER (WHERE opens) AS opened_ms,
      arg_min(type, at_ms) FILTER (WHERE opens) AS opening_type,
      min(at_ms) FILTER (WHERE resolves) AS resolved_ms,
      bool_or(escalates) AS escalated,
      count(*) FILTER (WHERE hands_off) AS handoffs,
      count(DISTINCT organization) FILTER (WHERE coalesce(actor_role, '') <> 'customer') AS parties
    FROM events GROUP BY matter_key
  ),
  f AS (
    SELECT e.matter_key, min(e.at_ms) AS first_response_ms
    FROM events e JOIN m ON e.matter_key = m.matter_key
    WHERE m.opened_ms IS NOT NULL AND e.at_ms >= m.opened_ms AND NOT e.opens AND NOT e.escalates AND NOT e.surveys
      AND coalesce(e.actor_role, '') NOT IN ('customer', 'system')
    GROUP BY e.matter_key
  )
  SELECT m.*, f.first_response_ms,
    (m.opened_ms IS NOT NULL AND (m.matter_type ILIKE '%complaint%' OR m.matter_type ILIKE '%dispute%' OR m.opening_type IN ('complaint_opened', 'dispute_opened'))) AS is_complaint
  FROM m LEFT JOIN f ON f.matter_key = m.matter_key`;

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
  await store.refreshDerived(MATTERS_TABLE, MATTERS_SQL);
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
     FROM ${MATTERS_TABLE} m
     ${where(["m.opened_ms IS NOT NULL", ...matterFilter.conditions])}
     GROUP BY grp`,
    { ...base, ...matterFilter.params },
  );

  const eventColumns: FilterColumns = { source: "e.source", organization: "e.organization", tier: "coalesce(e.tier, m.tier)", city: "coalesce(e.city, m.city)", deviceModel: "coalesce(e.device_model, m.device_model)", time: "e.at_ms" };
  const eventFilter = filterSql(filter, eventColumns, "e");
  const eventRows = await store.query(
    `WITH counted AS (
       SELECT e.id, e.at_ms, e.matter_key, e.person_key, e.due_ms, e.contacts, e.promises, e.surveys, e.refuses_verification, m.resolved_ms,
         ${groupExpression(groupBy, eventColumns)} AS grp
       FROM events e JOIN ${MATTERS_TABLE} m ON e.matter_key = m.matter_key
       ${where(["(e.contacts OR e.promises OR e.surveys OR e.refuses_verification)", ...eventFilter.conditions])}
     ),
     -- A promise is kept by the first keeping event on its matter after it, up to "as of".
     promise_state AS (
       SELECT p.id, any_value(p.grp) AS grp, any_value(coalesce(p.due_ms, p.at_ms + ${DEFAULT_PROMISE_MS})) AS due_ms, min(k.at_ms) AS kept_ms
       FROM counted p LEFT JOIN events k ON k.matter_key = p.matter_key AND k.keeps_promise AND k.at_ms >= p.at_ms AND k.at_ms <= $asOf
       WHERE p.promises GROUP BY p.id
     ),
     overdue AS (
       SELECT grp, (coalesce(kept_ms, $asOf) - due_ms) / ${DAY_MS}.0 AS days_late
       FROM promise_state WHERE due_ms < $asOf AND (kept_ms IS NULL OR kept_ms > due_ms)
     ),
     surveys AS (
       SELECT s.grp, count(*)::INTEGER AS n FROM counted s
       WHERE s.surveys AND EXISTS (SELECT 1 FROM ${MATTERS_TABLE} c WHERE c.is_complaint AND c.person_key = s.person_key AND c.opened_ms <= s.at_ms AND (c.resolved_ms IS NULL OR c.resolved_ms > s.at_ms))
       GROUP BY s.grp
     ),
     simple AS (
       SELECT grp,
         count(*) FILTER (WHERE contacts AND resolved_ms IS NOT NULL AND at_ms > resolved_ms)::INTEGER AS repeat_contacts,
         count(*) FILTER (WHERE refuses_verification)::INTEGER AS refused
       FROM counted GROUP BY grp
     ),
     late AS (SELECT grp, count(*)::INTEGER AS n, avg(days_late) AS avg_late, max(days_late) AS max_late FROM overdue GROUP BY grp)
     SELECT s.grp, s.repeat_contacts, s.refused, coalesce(l.n, 0)::INTEGER AS overdue, l.avg_late, l.max_late, coalesce(v.n, 0)::INTEGER AS surveys
     FROM simple s LEFT JOIN late l ON l.grp = s.grp LEFT JOIN surveys v ON v.grp = s.grp`,
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
