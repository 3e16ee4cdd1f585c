import type { Kysely } from "kysely";
import type { DB } from "../db/tables";
import { UNANSWERED_STATUSES } from "../complaints/complaintStates";
import { customersConfig } from "../config";

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
 * The rules surveyEligibility states on the read, checked on what this subgraph holds, in
 * the mutation's transaction: an unanswered complaint; a survey within the window; a matter
 * still handled here (a current handler in this subgraph's matter tables for anything other
 * than a complaint). Matters that live in other systems are not visible from this process:
 * the read's surveyEligibility (open matters merged from every source) covers them.
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
  if (handled.length) reasons.push({ code: SurveyRefusal.UNRESOLVED_MATTER, reason: `${handled.length} matter(s) not yet resolved (${handled.map((m) => `${m.matter_kind} ${m.matter_id}`).join(", ")})` });
  return reasons;
}
