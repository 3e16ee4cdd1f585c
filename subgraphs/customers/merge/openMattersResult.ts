import { completeMatters, maskEntries, ownsOrNotPartner, type MattersQuery, type OpenMatter } from "../../kit";
import type { Context } from "../context";
import { identitySystemOf, SELF } from "../sources";
import { customersConfig } from "../config";
import { surveyEligibility } from "../survey/surveyEligibility";
import { UNANSWERED_STATUSES } from "../complaints/complaintStates";
import type { OpenMattersResult } from "../types/OpenMattersView";
import { mergeMatters } from "./mergeMatters";
import { collectSources } from "./sourceFields";

/** Every open matter: the sources' (in `representation`) and this subgraph's complaints, overdue first. */
export async function openMattersResult(ctx: Context, representation: Record<string, unknown>, query: MattersQuery): Promise<OpenMattersResult> {
  ctx.servedCustomerIds.add(query.customerId);
  const asked = (source: string) => (query.ids[identitySystemOf(source)]?.length ?? 0) > 0;
  const { values, missing } = collectSources<OpenMatter>(representation, "Matters", asked);
  const complaints = await ctx.loaders.complaints.load(query.customerId);
  // A partner sees the complaints about itself, as on Customer.complaints.
  // Answered complaints wait only for closing: no longer open matters (complaints/complaintStates.ts).
  const openComplaints = complaints.filter((c) => UNANSWERED_STATUSES.includes(c.status) && ownsOrNotPartner(ctx.caller, c.against_org));
  const own = await completeMatters(
    ctx.db,
    SELF,
    openComplaints.map((c) => ({
      kind: "COMPLAINT",
      id: c.id,
      title: `Complaint about ${c.against_org}: ${c.summary}`,
      status: c.status,
      openedAt: c.opened_at,
      priority: c.escalated ? "HIGH" : "NORMAL",
      subjectType: "Complaint",
      subjectId: c.id,
      dueAt: c.due_at ?? null,
    })),
  );
  const matters = mergeMatters([...values, ...own]);
  const lastSurvey = await ctx.loaders.lastSurvey.load(query.customerId);
  return {
    matters: maskEntries(ctx.caller, matters),
    count: matters.length,
    overdueCount: matters.filter((m) => m.overdue).length,
    missingSources: missing,
    surveyEligibility: surveyEligibility({ matters, missingSources: missing, lastSurveyAt: lastSurvey?.sent_at ?? null, windowDays: customersConfig().surveyWindowDays }),
  };
}
