import { badInput } from "../../common/errorCodes";
import { normalizePhone } from "../kit";

const REFERENCE = /^[A-Z0-9][A-Z0-9-]*$/;
const MAX_REFERENCE = 40;

/** Account, invoice, outage and dispute ids: trimmed, upper-cased, refused when malformed. */
export function parseReference(raw: string, argument: string): string {
  const value = raw.trim().toUpperCase();
  if (value.length === 0 || value.length > MAX_REFERENCE || !REFERENCE.test(value)) {
    throw badInput(`"${raw.slice(0, 60)}" is not a valid ${argument}: letters, digits and dashes, at most ${MAX_REFERENCE}`, { argument });
  }
  return value;
}

/** A line is a phone number however it was typed, or an operator id (broadband, cable TV). */
export function parseLineNumber(raw: string, argument = "number"): string {
  return normalizePhone(raw) ?? parseReference(raw, argument);
}

export { checkPageSize as pageSize } from "../kit";
