import { badInput } from "../../common/errorCodes";

/*
 * Arguments are checked before any statement runs, so a malformed request costs nothing
 * and always comes back as BAD_USER_INPUT naming the argument.
 */

export { checkPageSize as pageSize, MAX_PAGE } from "../kit";

const SHAPES = {
  caseNumber: { pattern: /^CS-[A-Z0-9][A-Z0-9-]{0,60}$/, example: "CS-AL-0001" },
  visitId: { pattern: /^VIS-[A-Z0-9][A-Z0-9-]{0,60}$/, example: "VIS-0001" },
  makerCustomerId: { pattern: /^MR-[A-Z0-9][A-Z0-9-]{0,60}$/, example: "MR-AOLAN-5001" },
  serial: { pattern: /^[A-Z0-9][A-Z0-9\-_.]{0,63}$/, example: "AL-EH60-88001" },
  model: { pattern: /^[A-Z0-9][A-Z0-9\-_. ]{0,63}$/, example: "HT-B860" },
} as const;

export type IdShape = keyof typeof SHAPES;

/** Ids are matched upper-cased and trimmed, as the kit normalizes what reps type. */
export function identifier(raw: string, shape: IdShape, argument: string): string {
  const value = raw.trim().toUpperCase();
  const { pattern, example } = SHAPES[shape];
  if (!pattern.test(value)) throw badInput(`${argument} "${raw.slice(0, 80)}" is not a valid ${shape} (e.g. ${example})`, { argument });
  return value;
}

export function text(raw: string, argument: string, max = 500): string {
  const value = raw.trim();
  if (value.length === 0 || value.length > max) throw badInput(`${argument} must be 1-${max} characters`, { argument });
  return value;
}

const MAX_WINDOW_HOURS = 12;

/** A visit window: valid ISO times, end after start, in the future, at most 12 hours long. */
export function visitWindow(startRaw: string, endRaw: string, now = new Date()): { start: string; end: string } {
  const start = Date.parse(startRaw);
  const end = Date.parse(endRaw);
  if (Number.isNaN(start) || startRaw.length > 40) throw badInput(`windowStart "${startRaw.slice(0, 40)}" is not an ISO 8601 time`, { argument: "windowStart" });
  if (Number.isNaN(end) || endRaw.length > 40) throw badInput(`windowEnd "${endRaw.slice(0, 40)}" is not an ISO 8601 time`, { argument: "windowEnd" });
  if (end <= start) throw badInput("windowEnd must be after windowStart", { argument: "windowEnd" });
  if (end - start > MAX_WINDOW_HOURS * 3_600_000) throw badInput(`a visit window is at most ${MAX_WINDOW_HOURS} hours`, { argument: "windowEnd" });
  if (start <= now.getTime()) throw badInput("a visit can only be rescheduled to a future window", { argument: "windowStart" });
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

/** City as typed, Chinese or Latin ("南京", "Nanjing", "nanjing"). */
export function city(raw: string): string {
  const value = raw.trim();
  if (value.length === 0 || value.length > 40 || !/^[\p{L} '\-]+$/u.test(value)) throw badInput(`city "${raw.slice(0, 40)}" is not a city name`, { argument: "city" });
  return value;
}

export function makerCode(raw: string): string {
  const value = raw.trim().toLowerCase();
  if (!/^[a-z][a-z0-9]{1,19}$/.test(value)) throw badInput(`maker "${raw.slice(0, 40)}" is not an organization code (e.g. huawei)`, { argument: "maker" });
  return value;
}
