import { badInput } from "../../common/errorCodes";

/*
 * Argument checks of the hand-over actions (issue 14), before any statement runs: a
 * malformed request is BAD_USER_INPUT naming the argument (validation.ts holds the older ones).
 */

const SHAPES = {
  returnNumber: { pattern: /^RT-\d{4,10}$/, example: "RT-0707" },
  taskId: { pattern: /^ENG-[A-Z0-9][A-Z0-9-]{0,60}$/, example: "ENG-0707" },
  callbackId: { pattern: /^CB-[A-Z0-9][A-Z0-9-]{0,60}$/, example: "CB-0707" },
} as const;

export function handOverId(raw: string, shape: keyof typeof SHAPES, argument: string): string {
  const value = raw.trim().toUpperCase();
  const { pattern, example } = SHAPES[shape];
  if (!pattern.test(value)) throw badInput(`${argument} "${raw.slice(0, 80)}" is not a valid ${shape} (e.g. ${example})`, { argument });
  return value;
}

export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;

export function priority(raw: string, argument = "priority"): string {
  const value = raw.trim().toUpperCase();
  if (!(PRIORITIES as readonly string[]).includes(value)) throw badInput(`${argument} must be one of ${PRIORITIES.join(", ")}`, { argument });
  return value;
}

export const NOTE_VISIBILITIES = ["INTERNAL", "SHARED"] as const;

export function optionalText(raw: string | null | undefined, argument: string, max: number): string | null {
  if (raw == null) return null;
  const value = raw.trim();
  if (value.length === 0) return null;
  if (value.length > max) throw badInput(`${argument} must be at most ${max} characters`, { argument });
  return value;
}

const MAX_DUE_DAYS = 30;

/** A due time: ISO 8601, in the future, at most 30 days ahead. */
export function dueTime(raw: string, argument: string, now = new Date()): string {
  const at = Date.parse(raw);
  if (Number.isNaN(at) || raw.length > 40) throw badInput(`${argument} "${raw.slice(0, 40)}" is not an ISO 8601 time`, { argument });
  if (at <= now.getTime()) throw badInput(`${argument} must be in the future`, { argument });
  if (at - now.getTime() > MAX_DUE_DAYS * 86_400_000) throw badInput(`${argument} is at most ${MAX_DUE_DAYS} days ahead`, { argument });
  return new Date(at).toISOString();
}
