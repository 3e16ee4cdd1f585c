import { badInput } from "./errorCodes";

/*
 * How every system states a person's contact identifiers when it publishes an identity
 * (`identity.registered`, subgraphs/kit/events/catalogue.ts), so the identity graph can match
 * them flatly: the same person typed three ways in three systems yields the same strings.
 *
 * - Mobile: E.164-like, digits only, with the country code; China (+86) by default.
 *   "138 0719 1234", "+86 138-0719-1234", "0086 13807191234" and "8613807191234" all become
 *   "8613807191234". A landline ("027-8765-4321", area code with its leading 0) becomes
 *   "862787654321" and is a home/shared phone by nature. Numbers with another country code
 *   ("+852 9123 4567") keep it. Anything else is not a phone number (null).
 * - Email: trimmed and lower-cased; must look like local@domain.tld (null otherwise).
 * - Name and city: trimmed, inner whitespace collapsed; case is kept (Chinese has none).
 */

export const DEFAULT_COUNTRY_CODE = "86";

export interface NormalizedPhone {
  /** Digits only, country code first: "8613807191234". */
  value: string;
  /** A China landline (area code + number) is a household's phone, not one person's. */
  landline: boolean;
}

const SEPARATORS = /[\s\-().\u00a0]/g;
const CHINA_MOBILE = /^1[3-9]\d{9}$/;
const CHINA_LANDLINE = /^0[1-9]\d{8,10}$/;

export function normalizePhoneNumber(raw: string): NormalizedPhone | null {
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > 32) return null;
  let digits = trimmed.replace(SEPARATORS, "");
  let international = false;
  if (digits.startsWith("+")) {
    digits = digits.slice(1);
    international = true;
  } else if (digits.startsWith("00")) {
    digits = digits.slice(2);
    international = true;
  }
  if (!/^\d+$/.test(digits)) return null;
  if (!international && digits.startsWith(DEFAULT_COUNTRY_CODE) && CHINA_MOBILE.test(digits.slice(2))) international = true;
  if (international) {
    if (digits.startsWith(DEFAULT_COUNTRY_CODE)) return chinaNational(digits.slice(DEFAULT_COUNTRY_CODE.length), true);
    // Another country: E.164 allows at most 15 digits; the shortest real numbers have 8.
    if (digits.length < 8 || digits.length > 15 || digits.startsWith("0")) return null;
    return { value: digits, landline: false };
  }
  return chinaNational(digits, false);
}

/** A Chinese number without the country code ("13807191234", "02787654321"; after +86 the trunk 0 may be missing). */
function chinaNational(national: string, afterCountryCode: boolean): NormalizedPhone | null {
  if (CHINA_MOBILE.test(national)) return { value: DEFAULT_COUNTRY_CODE + national, landline: false };
  const withTrunk = afterCountryCode && !national.startsWith("0") ? `0${national}` : national;
  if (CHINA_LANDLINE.test(withTrunk)) return { value: DEFAULT_COUNTRY_CODE + withTrunk.slice(1), landline: true };
  return null;
}

/** "8613807191234" -> "13807191234": the national form the rest of the graph searches by (kit normalizePhone). */
export function nationalMobile(normalized: string): string {
  if (!normalized.startsWith(DEFAULT_COUNTRY_CODE)) return normalized;
  const national = normalized.slice(DEFAULT_COUNTRY_CODE.length);
  return CHINA_MOBILE.test(national) ? national : `0${national}`;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

export function normalizeEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  if (value.length === 0 || value.length > 254 || !EMAIL.test(value)) return null;
  return value;
}

export function normalizeName(raw: string): string {
  return raw.trim().replace(/\s+/g, " ");
}

/** What a system states about a person it registered, ready for the `identity.registered` payload. */
export interface NormalizedIdentity {
  mobile: string | null;
  email: string | null;
  name: string;
  city: string | null;
  /** True when the number is known to be a household's or shared; null when the system does not know. */
  sharedPhone: boolean | null;
}

export interface ContactInput {
  name: string;
  mobile?: string | null;
  email?: string | null;
  city?: string | null;
  /** The system says the number is a shared/home phone (a landline always is). */
  sharedPhone?: boolean | null;
}

export const MAX_NAME = 60;
export const MAX_CITY = 40;

/**
 * Validates and normalizes a new customer's contact details. Refusals are BAD_USER_INPUT with
 * `argument` (which field) and `reason`: REQUIRED, TOO_LONG, INVALID_PHONE, INVALID_EMAIL.
 * `prefix` names the input object in `argument` ("buyer.mobile").
 */
export function normalizeContact(input: ContactInput, prefix: string, options: { mobileRequired: boolean }): NormalizedIdentity {
  const name = normalizeName(input.name ?? "");
  requireText(name, `${prefix}.name`, MAX_NAME);
  let mobile: string | null = null;
  let landline = false;
  const rawMobile = input.mobile?.trim() ?? "";
  if (rawMobile.length > 0) {
    const phone = normalizePhoneNumber(rawMobile);
    if (!phone) throw badInput(`${prefix}.mobile "${rawMobile.slice(0, 32)}" is not a phone number (e.g. 138 0719 1234 or +86 138-0719-1234)`, { argument: `${prefix}.mobile`, reason: "INVALID_PHONE" });
    mobile = phone.value;
    landline = phone.landline;
  } else if (options.mobileRequired) {
    throw badInput(`${prefix}.mobile is required`, { argument: `${prefix}.mobile`, reason: "REQUIRED" });
  }
  let email: string | null = null;
  const rawEmail = input.email?.trim() ?? "";
  if (rawEmail.length > 0) {
    email = normalizeEmail(rawEmail);
    if (!email) throw badInput(`${prefix}.email "${rawEmail.slice(0, 60)}" is not an email address`, { argument: `${prefix}.email`, reason: "INVALID_EMAIL" });
  }
  let city: string | null = null;
  if (input.city != null && input.city.trim().length > 0) {
    city = normalizeName(input.city);
    requireText(city, `${prefix}.city`, MAX_CITY);
  }
  const sharedPhone = landline ? true : input.sharedPhone ?? null;
  return { mobile, email, name, city, sharedPhone: mobile ? sharedPhone : null };
}

/** Free text of a new record (address, summary): 1..max characters after trimming. */
export function requireText(value: string, argument: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(`${argument} is required`, { argument, reason: "REQUIRED" });
  if (trimmed.length > max) throw badInput(`${argument} is at most ${max} characters`, { argument, reason: "TOO_LONG", max });
  return trimmed;
}

/** Optional free text: null when empty, else as requireText. */
export function optionalText(value: string | null | undefined, argument: string, max: number): string | null {
  if (value == null || value.trim().length === 0) return null;
  return requireText(value, argument, max);
}
