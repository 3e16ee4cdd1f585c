import { randomInt } from "node:crypto";
import { GraphQLError } from "graphql";
import type { Transaction } from "kysely";
import type { Caller } from "../../../common/caller";
import { badInput, conflict } from "../../../common/errorCodes";
import { nationalMobile, normalizeContact, optionalText, type NormalizedIdentity } from "../../../common/normalizeIdentity";
import { actorOf, assertCanWrite, forbidden, maskPhone, nowIso, recordEvent, withIdempotency, type IdempotencyScope } from "../../kit";
import type { Context } from "../context";
import type { DB, SecurityLoginsTable } from "../db/tables";
import { SecurityLoginStatus } from "../types/enums";
import type { RegisterLoginInput } from "../types/RegisterLoginInput";
import type { SecurityLogin } from "../types/SecurityLogin";
import { toLogin } from "./mapping";
import { SECURITY_SYSTEM } from "./platform";

/** The account platform's organization code: only its own staff register logins. */
export const PLATFORM_ORG = SECURITY_SYSTEM.organization;
const CHOSEN_LOGIN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

interface Checked {
  loginId: string | null;
  contact: NormalizedIdentity;
  nameLatin: string | null;
}

/**
 * Issue 13 item 4: the account platform registers a login for a customer, so the identity
 * graph learns of it: `identity.registered` (system security) and `login.registered` are
 * written in the same transaction as the login. Codes go to the registered mobile, so it
 * must be a mobile (not a landline) and one mobile holds one login (CONFLICT MOBILE_TAKEN);
 * a chosen id already in use is CONFLICT LOGIN_TAKEN (ids compare case-insensitively).
 */
export async function registerLogin(ctx: Context, input: RegisterLoginInput): Promise<SecurityLogin> {
  const { caller } = ctx;
  assertCanWrite(caller, "register logins");
  if (caller.role !== "rep" && caller.role !== "supervisor") throw forbidden("logins are registered by the account platform's own staff", { role: caller.role });
  if (caller.organization !== PLATFORM_ORG) throw forbidden(`only ${PLATFORM_ORG} staff register platform logins`, { organization: caller.organization });
  const checked = check(input);
  const scope: IdempotencyScope = { subject: caller.subject, key: input.idempotencyKey ?? "", operation: "registerLogin", args: checked };
  const run = (trx: Transaction<DB>) => register(trx, caller, checked);
  // The same key twice at once, or another request taking the same number: withIdempotency decides again.
  return withIdempotency(ctx.db, scope, run);
}

/** The input is flat: normalizeContact's `login.name` is the input's `displayName`, and so on. */
const ARGUMENTS: Record<string, string> = { "login.name": "displayName", "login.mobile": "mobile", "login.email": "email" };

function contactOf(input: RegisterLoginInput): NormalizedIdentity {
  try {
    return normalizeContact({ name: input.displayName, mobile: input.mobile, email: input.email }, "login", { mobileRequired: true });
  } catch (error) {
    const argument = error instanceof GraphQLError ? String(error.extensions.argument ?? "") : "";
    if (!ARGUMENTS[argument]) throw error;
    throw badInput(error instanceof Error ? error.message.replace(argument, ARGUMENTS[argument]) : String(error), { ...(error as GraphQLError).extensions, argument: ARGUMENTS[argument] });
  }
}

function check(input: RegisterLoginInput): Checked {
  const contact = contactOf(input);
  if (contact.sharedPhone) throw badInput(`mobile "${input.mobile.slice(0, 32)}" is a landline: verification codes need a mobile`, { argument: "mobile", reason: "NOT_A_MOBILE" });
  const nameLatin = optionalText(input.displayNameLatin, "displayNameLatin", 60);
  const raw = input.loginId?.trim() ?? "";
  if (raw.length > 0 && !CHOSEN_LOGIN_ID.test(raw)) throw badInput(`loginId "${raw.slice(0, 40)}" is not a login id (letters, digits, . _ -; 3-32 characters, starting with a letter or digit)`, { argument: "loginId", reason: "INVALID_LOGIN_ID" });
  return { loginId: raw.length > 0 ? raw : null, contact, nameLatin };
}

async function register(trx: Transaction<DB>, caller: Caller, checked: Checked): Promise<SecurityLogin> {
  const at = nowIso();
  const { contact } = checked;
  const phone = nationalMobile(contact.mobile!);
  const loginId = checked.loginId ?? `u-n${randomInt(10_000_000, 99_999_999)}`;
  const taken = await trx.selectFrom("security_logins").select("id").where("login_key", "=", loginId.toUpperCase()).executeTakeFirst();
  if (taken) throw conflict(`login id ${loginId} is taken`, { argument: "loginId", reason: "LOGIN_TAKEN" });
  const holder = await trx.selectFrom("security_logins").select("id").where("phone", "=", phone).executeTakeFirst();
  if (holder) throw conflict(`${maskPhone(phone)} already holds login ${holder.id}: one mobile, one login`, { argument: "mobile", reason: "MOBILE_TAKEN", loginId: holder.id });

  const row: SecurityLoginsTable = {
    id: loginId,
    login_key: loginId.toUpperCase(),
    display_name: contact.name,
    display_name_latin: checked.nameLatin,
    phone,
    email: contact.email,
    status: SecurityLoginStatus.ACTIVE,
    created_at: at,
  };
  await trx.insertInto("security_logins").values(row).execute();
  const actor = actorOf(caller);
  await recordEvent(trx, {
    ownerId: loginId,
    at,
    kind: "IDENTITY_REGISTERED",
    summary: `${contact.name} got platform login ${loginId}, registered by ${caller.name} (${caller.organization})`,
    actor,
    subjectType: "SecurityLogin",
    subjectId: loginId,
    payload: { system: "security", identityId: loginId, mobile: contact.mobile, email: contact.email, name: contact.name, city: null, sharedPhone: contact.sharedPhone, organization: PLATFORM_ORG },
  });
  await recordEvent(trx, {
    ownerId: loginId,
    at,
    kind: "LOGIN_REGISTERED",
    summary: `Login ${loginId} registered; verification codes go to ${maskPhone(phone)}`,
    actor,
    subjectType: "SecurityLogin",
    subjectId: loginId,
    payload: { loginId, organization: PLATFORM_ORG },
  });
  return toLogin(row);
}
