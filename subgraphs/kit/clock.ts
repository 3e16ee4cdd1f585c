/**
 * Seed data is written relative to the moment of seeding, so the stories stay true on any
 * day ("the visit is tomorrow", "the reply is 55 days late"). All times are ISO 8601 UTC.
 */
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function nowIso(): string {
  return new Date().toISOString();
}

/** `days` ago at `hhmm` (UTC, "09:12"); fractional days are fine. */
export function daysAgo(days: number, hhmm?: string): string {
  return atTime(new Date(Date.now() - days * DAY), hhmm);
}

export function daysFromNow(days: number, hhmm?: string): string {
  return atTime(new Date(Date.now() + days * DAY), hhmm);
}

export function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * MINUTE).toISOString();
}

function atTime(date: Date, hhmm?: string): string {
  if (hhmm) {
    const [h, m] = hhmm.split(":").map(Number);
    date.setUTCHours(h, m, 0, 0);
  }
  return date.toISOString();
}

export function addHours(iso: string, hours: number): string {
  return new Date(new Date(iso).getTime() + hours * 60 * MINUTE).toISOString();
}

/** "3 hours late", "55 days late": what a rep says on the phone. */
export function lateness(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes late`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} hours late`;
  return `${Math.floor(minutes / (24 * 60))} days late`;
}
