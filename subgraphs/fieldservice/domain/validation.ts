import { badInput } from "../../../common/errorCodes";

const JOB_ID = /^FJ-[A-Z0-9-]{1,40}$/;

/** Job ids look like FJ-KX-0001; anything else is a typo or a probe, answered before any SQL. */
export function checkJobId(value: string, argument = "id"): string {
  const id = value.trim().toUpperCase();
  if (!JOB_ID.test(id)) throw badInput(`"${value.slice(0, 80)}" is not a field job id (FJ-..., at most 43 characters)`, { argument });
  return id;
}

export { checkPageSize as checkFirst } from "../../kit";

export function checkEta(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || value.length > 40) throw badInput(`eta must be an ISO 8601 time, got "${value.slice(0, 40)}"`, { argument: "eta" });
  return new Date(ms).toISOString();
}

export function checkText(value: string, argument: string, max = 500): string {
  const text = value.trim();
  if (text.length === 0 || text.length > max) throw badInput(`${argument} must be 1-${max} characters`, { argument });
  return text;
}
