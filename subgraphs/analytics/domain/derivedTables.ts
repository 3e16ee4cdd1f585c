/*
 * What serviceMetrics reads instead of the raw events: two tables derived from them, kept up
 * to date incrementally. Everything a metric needs that does not depend on the question
 * (grouping, filter, "as of") is worked out here once, so a metrics query is one scan of
 * each table with no joins (docs/ANALYTICS.md, "How it is stored").
 *
 * - matters: one row per matter: its attributes, when it opened, its first response and
 *   resolution, escalation, handoffs, parties, whether it is a complaint.
 * - metric_events: one row per event an event metric counts (contacts, promises, surveys,
 *   refused verifications), with its matter's fallbacks (tier, city, device model) and what
 *   the metric needs from other events: a contact after its matter's resolution, a
 *   promise's effective due time and the first keeping event after it on its matter, a
 *   survey sent while the same person had a complaint open.
 *
 * Each insert lists the matters it touched in changed_matters; a refresh recomputes exactly
 * those matters' rows, their metric events, and the survey flags of their persons (a
 * complaint's dates decide whether another matter's survey counted). When most matters
 * changed (a backfill, a new file), rebuilding both tables outright is cheaper.
 */

export const CHANGED_MATTERS = "changed_matters";
export const MATTERS = "matters";
export const METRIC_EVENTS = "metric_events";

/** A promise whose event names no due time is due one day after it was made. */
export const DEFAULT_PROMISE_MS = 86_400_000;

/** Rebuild everything when more than this share of the known matters changed. */
const FULL_REBUILD_SHARE = 0.25;

export interface DerivedSql {
  run(sql: string): Promise<void>;
  /** The first column of the first row, as a number. */
  count(sql: string): Promise<number>;
}

const CHANGED = `matter_key IN (SELECT matter_key FROM ${CHANGED_MATTERS})`;

/**
 * Per matter, from the events `scope` admits (whole matters only): attributes from its first
 * events, opening, resolution, and its first response: the first event at or after opening
 * by a party (not the customer, not a system) other than an opening, an escalation or a
 * survey. Response times are collected in the same pass and filtered against the opening
 * time afterwards, so the events are scanned once.
 */
function mattersSql(scope: string): string {
  return `
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
      count(DISTINCT organization) FILTER (WHERE coalesce(actor_role, '') <> 'customer') AS parties,
      list(at_ms) FILTER (WHERE NOT opens AND NOT escalates AND NOT surveys AND coalesce(actor_role, '') NOT IN ('customer', 'system')) AS response_times
    FROM events WHERE ${scope} GROUP BY matter_key
  )
  SELECT matter_key, matter_type, person_key, source, organization, tier, city, device_model, opened_ms, resolved_ms, escalated, handoffs, parties,
    CASE WHEN opened_ms IS NOT NULL THEN list_min(list_filter(response_times, lambda t: t >= opened_ms)) END AS first_response_ms,
    (opened_ms IS NOT NULL AND (matter_type ILIKE '%complaint%' OR matter_type ILIKE '%dispute%' OR opening_type IN ('complaint_opened', 'dispute_opened'))) AS is_complaint
  FROM m`;
}

/** A survey of person `s` counts when one of that person's complaints was open at its time. */
const DURING_OPEN_COMPLAINT = (s: string) => `EXISTS (
    SELECT 1 FROM ${MATTERS} c WHERE c.is_complaint AND c.person_key = ${s}.person_key
      AND c.opened_ms <= ${s}.at_ms AND (c.resolved_ms IS NULL OR c.resolved_ms > ${s}.at_ms))`;

/**
 * The metric events of the matters `scope` admits, against the matters table as it is. A
 * promise's kept time is the first keeping event on its matter at or after it, whenever that
 * is: "kept by as of" is then just kept_ms <= as of (the first one by "as of", if any, is
 * that same event).
 */
function metricEventsSql(scope: string): string {
  return `
  WITH scoped AS MATERIALIZED (
    SELECT id, matter_key, person_key, at_ms, source, organization, tier, city, device_model, due_ms, contacts, promises, surveys, refuses_verification, keeps_promise
    FROM events WHERE ${scope} AND (contacts OR promises OR surveys OR refuses_verification OR keeps_promise)
  ),
  kept AS (
    SELECT p.id, min(k.at_ms) AS kept_ms
    FROM scoped p JOIN scoped k ON k.matter_key = p.matter_key AND k.keeps_promise AND k.at_ms >= p.at_ms
    WHERE p.promises GROUP BY p.id
  )
  SELECT e.id, e.matter_key, e.person_key, e.at_ms, e.source, e.organization,
    coalesce(e.tier, m.tier) AS tier, coalesce(e.city, m.city) AS city, coalesce(e.device_model, m.device_model) AS device_model,
    e.contacts, e.promises, e.surveys, e.refuses_verification,
    (e.contacts AND m.resolved_ms IS NOT NULL AND e.at_ms > m.resolved_ms) AS repeat_contact,
    CASE WHEN e.promises THEN coalesce(e.due_ms, e.at_ms + ${DEFAULT_PROMISE_MS}) END AS due_ms,
    CASE WHEN e.promises THEN k.kept_ms END AS kept_ms,
    (e.surveys AND ${DURING_OPEN_COMPLAINT("e")}) AS during_open_complaint
  FROM scoped e JOIN ${MATTERS} m ON m.matter_key = e.matter_key
  LEFT JOIN kept k ON k.id = e.id
  WHERE e.contacts OR e.promises OR e.surveys OR e.refuses_verification`;
}

/** What a refresh did: nothing to do, the changed matters recomputed, or both tables rebuilt. */
export type DerivedRefresh = "current" | "changed" | "rebuilt";

/** Runs inside the caller's transaction. */
export async function refreshDerivedTables(sql: DerivedSql): Promise<DerivedRefresh> {
  const built = await sql.count(
    `SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name IN ('${MATTERS}', '${METRIC_EVENTS}')`,
  );
  const changed = await sql.count(`SELECT count(DISTINCT matter_key) FROM ${CHANGED_MATTERS}`);
  if (built === 2 && changed === 0) return "current";
  const known = built === 2 ? await sql.count(`SELECT count(*) FROM ${MATTERS}`) : 0;
  const rebuild = built < 2 || changed > known * FULL_REBUILD_SHARE;
  if (rebuild) {
    await sql.run(`CREATE OR REPLACE TABLE ${MATTERS} AS ${mattersSql("true")}`);
    await sql.run(`CREATE OR REPLACE TABLE ${METRIC_EVENTS} AS ${metricEventsSql("true")}`);
  } else {
    // Persons whose complaints may have changed: the changed matters' persons before and after.
    await sql.run(`CREATE OR REPLACE TEMP TABLE changed_persons AS SELECT DISTINCT person_key FROM ${MATTERS} WHERE ${CHANGED}`);
    await sql.run(`DELETE FROM ${MATTERS} WHERE ${CHANGED}`);
    await sql.run(`INSERT INTO ${MATTERS} ${mattersSql(CHANGED)}`);
    await sql.run(`INSERT INTO changed_persons SELECT DISTINCT person_key FROM ${MATTERS} WHERE ${CHANGED}`);
    await sql.run(`DELETE FROM ${METRIC_EVENTS} WHERE ${CHANGED}`);
    await sql.run(`INSERT INTO ${METRIC_EVENTS} ${metricEventsSql(CHANGED)}`);
    await sql.run(
      `UPDATE ${METRIC_EVENTS} s SET during_open_complaint = ${DURING_OPEN_COMPLAINT("s")}
       WHERE s.surveys AND s.person_key IN (SELECT person_key FROM changed_persons)`,
    );
    await sql.run(`DROP TABLE changed_persons`);
  }
  await sql.run(`DELETE FROM ${CHANGED_MATTERS}`);
  return rebuild ? "rebuilt" : "changed";
}
