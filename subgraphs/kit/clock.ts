/**
 * Seed data is written relative to the moment of seeding, so the stories stay true on any
 * day ("the visit is tomorrow", "the reply is 55 days late"). All times are ISO 8601 UTC.
 */
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const CST_OFFSET_MS = 8 * 60 * MINUTE;

export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * `days` ago at `hhmm` on the clock where the stories happen: China Standard Time (UTC+8),
 * so "09:12" reads as the customer lived it. Stored as UTC.
 */
export function daysAgo(days: number, hhmm?: string): string {
  const iso = atTime(new Date(Date.now() - days * DAY), hhmm);
  // "today at 23:40" seeded at 09:00 would be a story from the future: a past time is
  // what "ago" promises, so a wall time not reached yet today means the day before.
  return days === 0 && hhmm && Date.parse(iso) > Date.now() ? new Date(Date.parse(iso) - DAY).toISOString() : iso;
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
    // Pick the CST calendar day first, then set the CST wall time on it.
    const cst = new Date(date.getTime() + CST_OFFSET_MS);
    cst.setUTCHours(h, m, 0, 0);
    return new Date(cst.getTime() - CST_OFFSET_MS).toISOString();
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

/** "09:12 on 2026-11-22" in China Standard Time, for sentences a rep reads out. */
export function cstTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + CST_OFFSET_MS).toISOString();
  return `${shifted.slice(11, 16)} on ${shifted.slice(0, 10)}`;
}
