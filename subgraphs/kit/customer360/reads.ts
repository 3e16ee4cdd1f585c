import type { Kysely } from "kysely";
import { addHours, lateness } from "../clock";
import { decodeCursor, encodeCursor, type TimelineQuery } from "./queryKeys";
import { slaHours } from "./sla";
import type { CommitmentsTable, Customer360Tables, MatterHandlersTable, TimelineEventsTable } from "./tables";
import type { Commitment, Handler, Handoff, OpenMatter, TimelineEvent } from "./types";

/**
 * One source's contribution to a timeline page: at most `first + 1` events before the
 * cursor, newest first, in ONE indexed statement. The +1 tells the merge whether more exist;
 * the bound keeps a page O(first x sources) however long the history is.
 */
export async function loadTimelineSlice(db: Kysely<any>, source: string, query: TimelineQuery, ownerIds: string[] = query.ids[source] ?? []): Promise<TimelineEvent[]> {
  if (query.sources && !query.sources.includes(source)) return [];
  if (ownerIds.length === 0) return [];
  let select = (db as Kysely<Customer360Tables>).selectFrom("timeline_events").selectAll().where("owner_id", "in", ownerIds);
  if (query.kinds?.length) select = select.where("kind", "in", query.kinds);
  if (query.since) select = select.where("at", ">=", query.since);
  if (query.until) select = select.where("at", "<", query.until);
  if (query.after) {
    const cursor = decodeCursor(query.after);
    const tie = tieBreak(source, cursor.id);
    select = select.where((eb) =>
      tie === "all"
        ? eb("at", "<=", cursor.at)
        : tie === "none"
          ? eb("at", "<", cursor.at)
          : eb.or([eb("at", "<", cursor.at), eb.and([eb("at", "=", cursor.at), eb("id", "<", tie.localBefore)])]),
    );
  }
  const rows = await select.orderBy("at", "desc").orderBy("id", "desc").limit(query.first + 1).execute();
  return rows.map((row) => toTimelineEvent(source, row));
}

/**
 * Global order is (at desc, "source:localId" desc). For events at exactly the cursor's
 * time, which of this source's events come after the cursor depends on how "source:"
 * compares with the cursor's global id.
 */
function tieBreak(source: string, cursorGlobalId: string): "all" | "none" | { localBefore: string } {
  const prefix = `${source}:`;
  if (cursorGlobalId.startsWith(prefix)) return { localBefore: cursorGlobalId.slice(prefix.length) };
  return prefix < cursorGlobalId.slice(0, prefix.length) ? "all" : "none";
}

export function toTimelineEvent(source: string, row: TimelineEventsTable): TimelineEvent {
  const id = `${source}:${row.id}`;
  return {
    id,
    at: row.at,
    source,
    kind: row.kind,
    summary: row.summary,
    actor: row.actor_name ? { name: row.actor_name, role: row.actor_role ?? undefined, organization: row.actor_org ?? source, team: row.actor_team ?? undefined } : null,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    cursor: encodeCursor({ at: row.at, id }),
    redacted: false,
    redactedReason: null,
  };
}

/** What a source says about one of its open matters; the kit adds handler, history and promises. */
export interface MatterRecord {
  kind: string;
  id: string;
  title: string;
  status: string;
  openedAt: string;
  priority?: string | null;
  subjectType: string;
  subjectId: string;
  /** Explicit due time (a scheduled visit); otherwise opened + the kind's SLA. */
  dueAt?: string | null;
}

/**
 * Completes open matters with who handles them, their handoffs and their promises, in two
 * statements for all matters together.
 */
export async function completeMatters(db: Kysely<any>, source: string, records: MatterRecord[], now = new Date()): Promise<OpenMatter[]> {
  if (records.length === 0) return [];
  const typed = db as Kysely<Customer360Tables>;
  const ids = [...new Set(records.map((r) => r.id))];
  const [handlerRows, commitmentRows] = await Promise.all([
    typed.selectFrom("matter_handlers").selectAll().where("matter_id", "in", ids).orderBy("since", "asc").execute(),
    typed.selectFrom("commitments").selectAll().where("matter_id", "in", ids).orderBy("due_at", "asc").execute(),
  ]);
  return records.map((record) => {
    const mine = (row: { matter_id: string; matter_kind: string }) => row.matter_id === record.id && row.matter_kind === record.kind;
    const history = handlerRows.filter(mine);
    const promises = commitmentRows.filter(mine).map((row) => toCommitment(row, now));
    const dueAt = record.dueAt ?? addHours(record.openedAt, slaHours(record.kind));
    const current = history.find((row) => row.until === null);
    return {
      id: `${source}:${record.kind}:${record.id}`,
      source,
      kind: record.kind,
      title: record.title,
      status: record.status,
      openedAt: record.openedAt,
      priority: record.priority ?? undefined,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      handler: current ? toHandler(current) : null,
      handoffs: toHandoffs(history),
      promises,
      dueAt,
      overdue: new Date(dueAt).getTime() < now.getTime() || promises.some((p) => p.overdue),
      redacted: false,
      redactedReason: null,
    };
  });
}

export function toHandler(row: MatterHandlersTable): Handler {
  return {
    name: row.name,
    team: row.team ?? undefined,
    organization: row.organization,
    tier: row.tier ?? undefined,
    phone: row.phone ?? undefined,
    hours: row.hours ?? undefined,
    since: row.since,
  };
}

function toHandoffs(history: MatterHandlersTable[]): Handoff[] {
  return history.map((row, index) => ({
    from: index > 0 ? toHandler(history[index - 1]) : null,
    to: toHandler(row),
    at: row.since,
    reason: row.reason ?? undefined,
  }));
}

export function toCommitment(row: CommitmentsTable, now = new Date()): Commitment {
  const overdueMinutes = row.status === "OPEN" ? Math.max(0, Math.floor((now.getTime() - new Date(row.due_at).getTime()) / 60_000)) : 0;
  return {
    id: row.id,
    description: row.description,
    dueAt: row.due_at,
    madeBy: row.made_by_name ? { name: row.made_by_name, organization: row.made_by_org ?? "unknown" } : null,
    status: row.status,
    keptAt: row.kept_at ?? undefined,
    overdue: overdueMinutes > 0,
    overdueMinutes,
    overdueText: overdueMinutes > 0 ? lateness(overdueMinutes) : undefined,
  };
}
