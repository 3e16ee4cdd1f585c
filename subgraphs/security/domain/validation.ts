import { badInput } from "../../../common/errorCodes";

const LOGIN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Login ids look like u-lina; anything else is a typo or a probe, answered before any SQL. */
export function checkLoginId(value: string, argument = "id"): string {
  if (!LOGIN_ID.test(value)) throw badInput(`"${value.slice(0, 80)}" is not a login id (letters, digits, . _ -; at most 64 characters)`, { argument });
  return value;
}

export { checkPageSize as checkFirst } from "../../kit";

export function checkIdempotencyKey(key: string): string {
  if (key.trim().length === 0 || key.length > 200) throw badInput("idempotencyKey must be 1-200 characters", { argument: "idempotencyKey" });
  return key;
}
