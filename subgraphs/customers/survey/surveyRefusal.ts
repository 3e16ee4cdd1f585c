import type { Kysely } from "kysely";
import type { DB } from "../db/tables";
import { UNANSWERED_STATUSES } from "../complaints/complaintStates";
import { customersConfig } from "../config";
import { identitySystemOf, SOURCES } from "../sources";
import type { SourceOpenMatter } from "../../kit/events/sourceState";

/** Why a survey may not be sent now, as codes a desk can switch on (S4). */
export const SurveyRefusal = {
  OPEN_COMPLAINT: "OPEN_COMPLAINT",
  RECENT_SURVEY: "RECENT_SURVEY",
  UNRESOLVED_MATTER: "UNRESOLVED_MATTER",
} as const;

export interface SurveyRefusalReason {
  code: (typeof SurveyRefusal)[keyof typeof SurveyRefusal];
  reason: string;
}

/**
 * The rules surveyEligibility states on the read, checked in the mutation's transaction: an
 * unanswered complaint; a survey within the window; a matter still handled here (a current
 * handler in this subgraph's matter tables for anything other than a complaint); a matter
 * open in another system, as that system's latest event said (source_open_matters, kept by
 * reactions/sourceOpenMatters.ts). The last is as fresh as event delivery (EVENTS_POLL_MS):
 * a matter opened a moment ago elsewhere may not be known yet; the read's surveyEligibility,
 * merged live from every source, says so at once.
 */
export async function surveyRefusals(db: Kysely<DB>, customerId: string, now: Date): Promise<SurveyRefusalReason[]> {
  const reasons: SurveyRefusalReason[] = [];
  const complaints = await db.selectFrom("complaints").select(["id", "status"]).where("customer_id", "=", customerId).where("status", "in", [...UNANSWERED_STATUSES]).orderBy("id").execute();
  if (complaints.length) reasons.push({ code: SurveyRefusal.OPEN_COMPLAINT, reason: `a complaint is open (${complaints.map((c) => `${c.id} ${c.status}`).join(", ")})` });
  const last = await db.selectFrom("surveys").select("sent_at").where("customer_id", "=", customerId).orderBy("sent_at", "desc").limit(1).executeTakeFirst();
  if (last) {
    const days = (now.getTime() - Date.parse(last.sent_at)) / 86_400_000;
    if (days < customersConfig().surveyWindowDays) reasons.push({ code: SurveyRefusal.RECENT_SURVEY, reason: `surveyed ${Math.floor(days)} day(s) ago; wait ${customersConfig().surveyWindowDays} days between surveys` });
  }
  const handled = await db
    .selectFrom("matter_handlers as h")
    .select(["h.matter_kind", "h.matter_id"])
    .where("h.until", "is", null)
    .where("h.matter_kind", "!=", "COMPLAINT")
    .where("h.matter_id", "in", db.selectFrom("identity_links").select("external_id").where("customer_id", "=", customerId))
    .execute();
  const unresolved = [...handled.map((m) => `${m.matter_kind} ${m.matter_id}`), ...(await openElsewhere(db, customerId)).map((m) => `${m.source} ${m.kind} ${m.id} ${m.status}`)];
  if (unresolved.length) reasons.push({ code: SurveyRefusal.UNRESOLVED_MATTER, reason: `${unresolved.length} matter(s) not yet resolved (${unresolved.join(", ")})` });
  return reasons;
}

/** The person's matters open in the merged sources, from each source's latest event about each of their ids there. */
async function openElsewhere(db: Kysely<DB>, customerId: string): Promise<(SourceOpenMatter & { source: string })[]> {
  const links = await db.selectFrom("identity_links").select(["system", "external_id"]).where("customer_id", "=", customerId).execute();
  if (links.length === 0) return [];
  const linked = new Set(links.map((l) => `${l.system}|${l.external_id}`));
  const rows = await db
    .selectFrom("source_open_matters")
    .select(["source", "owner_id", "matters"])
    .where("owner_id", "in", [...new Set(links.map((l) => l.external_id))])
    .where("source", "in", SOURCES.length ? SOURCES : [""])
    .orderBy("source")
    .orderBy("owner_id")
    .execute();
  // A source keyed by another system's ids (the contractor, by the maker's) matches the person's ids in that system.
  return rows
    .filter((row) => linked.has(`${identitySystemOf(row.source)}|${row.owner_id}`))
    .flatMap((row) => (JSON.parse(row.matters) as SourceOpenMatter[]).map((m) => ({ ...m, source: row.source })));
}
