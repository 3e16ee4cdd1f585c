/*
 * What an event means for the metrics, decided once at ingestion from its type (the
 * catalogue's "visit.cancelled" or a history kind's lower case "case_opened"): the rules
 * docs/ANALYTICS.md states, in one place, so the SQL only reads flags.
 */

/** The event type in one spelling: lower case, words joined by "_" ("visit.cancelled" -> "visit_cancelled"). */
export function normalizeType(type: string): string {
  return type.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
}

export interface EventFlags {
  /** Opens a matter (case, complaint, dispute, task, return or repair request). */
  opens: boolean;
  /** Resolves or closes a matter. */
  resolves: boolean;
  escalates: boolean;
  /** Hands the matter to another owner (assignment, share, transfer); escalations count too. */
  handsOff: boolean;
  /** A promise to the customer (callback promised, ...): due `dueAt` or 24 h later. */
  promises: boolean;
  /** Keeps a promise (the callback was made). */
  keepsPromise: boolean;
  /** A contact with the customer (logged contact, callback made, call). */
  contacts: boolean;
  surveys: boolean;
  /** An identity verification failed or a request was refused for lack of one (S2/S6). */
  refusesVerification: boolean;
}

/** Flags per type, decided once: there are a few dozen types and millions of events. */
const flagsByType = new Map<string, Readonly<EventFlags>>();
const REMEMBERED_TYPES = 10_000;

export function classify(type: string): Readonly<EventFlags> {
  let flags = flagsByType.get(type);
  if (flags === undefined) {
    flags = classifyNow(type);
    if (flagsByType.size >= REMEMBERED_TYPES) flagsByType.clear();
    flagsByType.set(type, flags);
  }
  return flags;
}

function classifyNow(type: string): EventFlags {
  const t = normalizeType(type);
  const escalates = /(^|_)escalated$/.test(t);
  return {
    opens: /(^|_)opened$/.test(t) || /(^|_)requested$/.test(t) || t === "repair_request",
    resolves: /(^|_)resolved(_|$)/.test(t) || /(^|_)closed$/.test(t) || t === "task_done",
    escalates,
    handsOff: escalates || /(^|_)(assigned|shared|transferred|handed_over|taken_over)$/.test(t),
    promises: /(^|_)promised$/.test(t),
    keepsPromise: /^(callback_made|callback_kept|promise_kept)$/.test(t),
    contacts: /^(contact_logged|callback_made|callback_kept)$/.test(t) || /^call_/.test(t),
    surveys: t === "survey_sent",
    refusesVerification: t === "verification_failed" || t === "request_refused",
  };
}

/** A readable label for a type, never the event's summary (summaries name people). */
export function labelOf(type: string): string {
  const words = normalizeType(type).replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Matter types that are complaints for the S4 metrics (complaints, billing disputes). */
export function isComplaintType(matterType: string, openingType: string | null): boolean {
  return /complaint|dispute/i.test(matterType) || (openingType !== null && /^(complaint|dispute)_opened$/.test(normalizeType(openingType)));
}
