/**
 * The complaint state machine (docs/state-machines/complaints-surveys-replacements.md).
 * Every transition is a conditional update on the current status, so of two racing
 * actions exactly one moves the complaint and the other gets CONFLICT with the status it met.
 */
export const ComplaintStatus = {
  OPEN: "OPEN",
  ESCALATED: "ESCALATED",
  ANSWERED: "ANSWERED",
  RESOLVED: "RESOLVED",
} as const;

/** Waiting for an answer: an open matter, blocks surveys, can be overdue. */
export const UNANSWERED_STATUSES: readonly string[] = [ComplaintStatus.OPEN, ComplaintStatus.ESCALATED];

export const COMPLAINT_TRANSITIONS = {
  escalateComplaint: { from: [ComplaintStatus.OPEN], to: ComplaintStatus.ESCALATED },
  answerComplaint: { from: [ComplaintStatus.OPEN, ComplaintStatus.ESCALATED], to: ComplaintStatus.ANSWERED },
  closeComplaint: { from: [ComplaintStatus.ANSWERED], to: ComplaintStatus.RESOLVED },
} as const;

/** Matter kind of a complaint (kit customer360/sla.ts). */
export const COMPLAINT_MATTER = "COMPLAINT";
