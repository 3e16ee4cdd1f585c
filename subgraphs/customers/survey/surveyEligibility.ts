import type { OpenMatter } from "../../kit";
import type { SurveyEligibility } from "../types/OpenMattersView";

import { DEFAULT_SURVEY_WINDOW_DAYS } from "../config";

/**
 * S4's rules: never while a complaint is open, never twice within the window, and only
 * once everything is resolved (an open matter means the service isn't over yet). If a
 * source is missing we can't know, so we say no.
 */
export function surveyEligibility(input: { matters: OpenMatter[]; missingSources: string[]; lastSurveyAt: string | null; now?: Date; /** No two surveys within this many days (S4: surveys arriving again and again); SURVEY_WINDOW_DAYS. */ windowDays?: number }): SurveyEligibility {
  const now = input.now ?? new Date();
  const windowDays = input.windowDays ?? DEFAULT_SURVEY_WINDOW_DAYS;
  const reasons: string[] = [];
  const complaints = input.matters.filter((m) => m.kind === "COMPLAINT");
  if (complaints.length) reasons.push(`a complaint is open (${complaints.map((c) => c.subjectId).join(", ")})`);
  const unresolved = input.matters.filter((m) => m.kind !== "COMPLAINT");
  if (unresolved.length) reasons.push(`${unresolved.length} matter(s) not yet resolved`);
  if (input.lastSurveyAt) {
    const days = (now.getTime() - new Date(input.lastSurveyAt).getTime()) / 86_400_000;
    if (days < windowDays) reasons.push(`surveyed ${Math.floor(days)} day(s) ago; wait ${windowDays} days between surveys`);
  }
  if (input.missingSources.length) reasons.push(`cannot check ${input.missingSources.join(", ")} right now`);
  return { eligible: reasons.length === 0, reasons };
}
