/**
 * What a rep types to find a customer, normalized the same way everywhere:
 * "+86 138-0719-1234", "8613807191234" and "138 0719 1234" all become "13807191234";
 * emails are lower-cased; other identifiers (order, case, account numbers, serials) are
 * trimmed and upper-cased.
 */
export type IdentifierKind = "phone" | "email" | "reference";

export interface NormalizedIdentifier {
  kind: IdentifierKind;
  value: string;
}

const CHINA_MOBILE = /^1\d{10}$/;

export function normalizePhone(raw: string): string | null {
  let digits = raw.replace(/[\s\-().]/g, "");
  if (digits.startsWith("+")) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return null;
  if (digits.startsWith("0086")) digits = digits.slice(4);
  else if (digits.startsWith("86") && digits.length === 13) digits = digits.slice(2);
  if (CHINA_MOBILE.test(digits)) return digits;
  // Landlines: area code with leading 0 plus 7-8 digits (027-8765-4321 -> 02787654321).
  if (/^0\d{9,11}$/.test(digits)) return digits;
  return null;
}

export function normalizeIdentifier(raw: string): NormalizedIdentifier | null {
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > 200) return null;
  if (trimmed.includes("@")) return { kind: "email", value: trimmed.toLowerCase() };
  const phone = normalizePhone(trimmed);
  if (phone) return { kind: "phone", value: phone };
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\-_.]*$/u.test(trimmed)) return null;
  return { kind: "reference", value: trimmed.toUpperCase() };
}

/** "13807191234" -> "138****1234": what may be shown or sent without exposing the number. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}
