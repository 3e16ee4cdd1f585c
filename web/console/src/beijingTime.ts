/**
 * The stories happen in Beijing time; the API speaks UTC. China has had no daylight saving
 * since 1991, so Beijing time is UTC+8 all year: a fixed shift, no time-zone database needed.
 */
const EIGHT_HOURS = 8 * 3_600_000;

/** "2026-11-03 14:00" on the Beijing clock. */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + EIGHT_HOURS).toISOString().slice(0, 16).replace("T", " ");
}

/** "2026-11-03 06:00 UTC", for the hover text. */
export function utcTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
