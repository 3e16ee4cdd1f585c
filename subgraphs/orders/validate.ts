import { badInput } from "../../common/errorCodes";
import { checkPageSize } from "../kit";

/*
 * Shapes of the identifiers the retailer issues. A lookup with a value of the wrong shape
 * is the caller's mistake (BAD_USER_INPUT); a well-formed unknown one is simply null.
 * Input is trimmed and upper-cased first, as reps type "yg-20261102-0001" too.
 */
const SHAPES = {
  orderNumber: /^YG-\d{8}-\d{4,9}$/,
  returnNumber: /^RT-\d{4,10}$/,
  vasNumber: /^VAS-[A-Z0-9-]{1,40}$/,
  storeId: /^ST-[A-Z0-9-]{1,40}$/,
  caseNumber: /^CS-[A-Z0-9-]{1,40}$/,
  // Customer ids come from outside too (synthetic people), so any plain id is accepted as typed.
  customerId: /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
  serviceCode: /^[A-Z0-9_]{1,40}$/,
} as const;

export type Shape = keyof typeof SHAPES;

export function parseId(shape: Shape, raw: string, argument: string): string {
  const trimmed = raw.trim();
  const value = shape === "customerId" ? trimmed : trimmed.toUpperCase();
  if (value.length > 80 || !SHAPES[shape].test(value)) {
    throw badInput(`"${raw.slice(0, 80)}" is not a valid ${argument}`, { argument });
  }
  return value;
}

/** Does the value have the shape, without throwing (lookups try several kinds). */
export function hasShape(shape: Shape, value: string): boolean {
  return SHAPES[shape].test(value);
}

export const DEFAULT_PAGE = 20;

export function parseFirst(first: number | null | undefined): number {
  const value = first ?? DEFAULT_PAGE;
  return checkPageSize(value);
}
