import { badInput } from "../../../common/errorCodes";

/* Arguments of the complaint and survey mutations, checked before any statement runs. */

const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const COMPLAINT_ID = /^CMP-[A-Z0-9][A-Z0-9-]{0,60}$/;
const SURVEY_ID = /^SVY?-[A-Z0-9][A-Z0-9-]{0,60}$/;
const ORGANIZATION = /^[a-z][a-z0-9-]{1,40}$/;

export function customerId(raw: string): string {
  const value = raw.trim();
  if (!CUSTOMER_ID.test(value)) throw badInput(`"${raw.slice(0, 80)}" is not a customer id`, { argument: "customerId" });
  return value;
}

export function complaintId(raw: string): string {
  const value = raw.trim().toUpperCase();
  if (!COMPLAINT_ID.test(value)) throw badInput(`"${raw.slice(0, 80)}" is not a complaint id (e.g. CMP-4001)`, { argument: "complaintId" });
  return value;
}

export function surveyId(raw: string): string {
  const value = raw.trim().toUpperCase();
  if (!SURVEY_ID.test(value)) throw badInput(`"${raw.slice(0, 80)}" is not a survey id (e.g. SVY-20261202-AB12CD)`, { argument: "surveyId" });
  return value;
}

export function organization(raw: string, argument: string): string {
  const value = raw.trim().toLowerCase();
  if (!ORGANIZATION.test(value)) throw badInput(`${argument} must be an organization code (e.g. unicom), got "${raw.slice(0, 40)}"`, { argument });
  return value;
}

export function text(raw: string, argument: string, max = 500): string {
  const value = raw.trim();
  if (value.length === 0 || value.length > max) throw badInput(`${argument} must be 1-${max} characters`, { argument });
  return value;
}

export function optionalText(raw: string | null | undefined, argument: string, max = 500): string | null {
  if (raw === null || raw === undefined || raw.trim() === "") return null;
  return text(raw, argument, max);
}

/** A due date: an ISO time in the future, at most a year ahead. */
export function futureTime(raw: string, argument: string, now = new Date()): string {
  const at = Date.parse(raw);
  if (raw.length > 40 || Number.isNaN(at)) throw badInput(`${argument} "${raw.slice(0, 40)}" is not an ISO 8601 time`, { argument });
  if (at <= now.getTime()) throw badInput(`${argument} must be in the future`, { argument });
  if (at - now.getTime() > 366 * 86_400_000) throw badInput(`${argument} must be within a year`, { argument });
  return new Date(at).toISOString();
}

/** Record ids the mutations mint: PREFIX-yyyymmdd-6 hex. */
export function mintId(prefix: string, at: string, random: string): string {
  return `${prefix}-${at.slice(0, 10).replace(/-/g, "")}-${random.toUpperCase()}`;
}
