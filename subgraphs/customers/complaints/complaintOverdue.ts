import { addHours, cstTime, lateness, slaHours } from "../../kit";
import { COMPLAINT_MATTER, UNANSWERED_STATUSES } from "./complaintStates";

/** The promised reply date; complaints recorded without one get the kind's SLA, as open matters do. */
export function complaintDueAt(row: { opened_at: string; due_at?: string | null }): string {
  return row.due_at ?? addHours(row.opened_at, slaHours(COMPLAINT_MATTER));
}

/**
 * S4: "escalated and, two months later, still unanswered" said as a rep would read it:
 * "escalated and unanswered: reply promised by 10:00 on 2026-10-05, 58 days late".
 * Null once answered, or while not yet due.
 */
export function complaintOverdue(row: { status: string; escalated: number | boolean; opened_at: string; due_at?: string | null }, now = new Date()): { overdue: boolean; overdueText: string | null } {
  if (!UNANSWERED_STATUSES.includes(row.status)) return { overdue: false, overdueText: null };
  const dueAt = complaintDueAt(row);
  const minutes = Math.floor((now.getTime() - Date.parse(dueAt)) / 60_000);
  if (minutes <= 0) return { overdue: false, overdueText: null };
  const state = Number(row.escalated) ? "escalated and unanswered" : "unanswered";
  return { overdue: true, overdueText: `${state}: reply promised by ${cstTime(dueAt)}, ${lateness(minutes)}` };
}
