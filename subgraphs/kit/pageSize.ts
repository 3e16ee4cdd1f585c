import { badInput } from "../../common/errorCodes";

/** The largest page any list field serves. */
export const MAX_PAGE = 100;

/** A page size argument: an integer 1..MAX_PAGE, else BAD_USER_INPUT naming the argument. */
export function checkPageSize(first: number, argument = "first"): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput(`${argument} must be between 1 and ${MAX_PAGE}, got ${first}`, { argument });
  return first;
}
