import { randomInt } from "node:crypto";
import type { Transaction } from "kysely";
import type { Caller } from "../../../common/caller";
import { badInput, conflict } from "../../../common/errorCodes";
import { nationalMobile, normalizeContact, optionalText, type NormalizedIdentity } from "../../../common/normalizeIdentity";
import { actorOf, assertCanWrite, forbidden, nowIso, recordEvent, withIdempotency, type IdempotencyScope } from "../../kit";
import type { Context } from "../context";
import type { BillingAccountsTable, BillingLinesTable, DB } from "../db/tables";
import { currentPeriod } from "../seed/builder";
import { PROVIDER_NAMES } from "../money";
import { OPENABLE_PLANS, operatorLineId, type OpenableLineKind } from "../openablePlans";
import { toBillingAccount } from "../types/BillingAccount";
import { toBillingLine } from "../types/BillingLine";
import type { OpenBillingAccountInput } from "../types/OpenBillingAccountInput";
import type { OpenedBillingAccount } from "../types/OpenedBillingAccount";

interface Checked {
  provider: string;
  contact: NormalizedIdentity;
  nameLatin: string | null;
  address: string | null;
  plan: string;
  kind: OpenableLineKind;
}

/**
 * Issue 13 item 4: a carrier (unicom, jiangcheng) opens an individual billing account for a new
 * subscriber, with its first line on the plan chosen. Only the carrier's own staff open its
 * accounts. In one transaction with the account: its line, the `identity.registered` event
 * (system billing) the identity graph links to a person, and `account.opened`. A MOBILE plan's
 * line is the holder's own number, so a number already billed as a line is a CONFLICT.
 */
export async function openBillingAccount(ctx: Context, input: OpenBillingAccountInput): Promise<OpenedBillingAccount> {
  const { caller } = ctx;
  assertCanWrite(caller, "open billing accounts");
  if (caller.role !== "rep" && caller.role !== "supervisor") throw forbidden("billing accounts are opened by the carrier's own staff", { role: caller.role });
  const provider = caller.organization;
  if (!PROVIDER_NAMES[provider]) throw forbidden(`${provider} bills nobody here: only a carrier's own staff (${Object.keys(PROVIDER_NAMES).join(", ")}) open its accounts`, { organization: provider });
  const checked = check(provider, input);
  const scope: IdempotencyScope = { subject: caller.subject, key: input.idempotencyKey ?? "", operation: "openBillingAccount", args: { provider, contact: checked.contact, nameLatin: checked.nameLatin, address: checked.address, plan: checked.plan } };
  const run = (trx: Transaction<DB>) => open(trx, caller, checked);
  // The same key twice at once, or another request taking the same number: withIdempotency decides again.
  return withIdempotency(ctx.db, scope, run);
}

function check(provider: string, input: OpenBillingAccountInput): Checked {
  const holder = input.holder;
  const contact = normalizeContact({ name: holder.name, mobile: holder.mobile, email: holder.email, city: holder.city }, "holder", { mobileRequired: true });
  if (!contact.city) throw badInput("holder.city is required", { argument: "holder.city", reason: "REQUIRED" });
  // A subscriber's account is held by a mobile; a landline is a household's, never one holder's.
  if (contact.sharedPhone) throw badInput(`holder.mobile "${holder.mobile.slice(0, 32)}" is a landline: the holder's own mobile is required`, { argument: "holder.mobile", reason: "NOT_A_MOBILE" });
  const nameLatin = optionalText(holder.nameLatin, "holder.nameLatin", 60);
  const address = optionalText(holder.address, "holder.address", 200);
  const plan = (input.plan ?? "").trim().toUpperCase();
  const openable = OPENABLE_PLANS[plan];
  if (!openable) throw badInput(`plan "${(input.plan ?? "").slice(0, 40)}" is not a plan a new account opens on (${Object.keys(OPENABLE_PLANS).join(", ")})`, { argument: "plan", reason: "UNKNOWN_PLAN" });
  if (openable.provider !== provider) throw badInput(`plan ${plan} is ${openable.provider}'s, not ${provider}'s`, { argument: "plan", reason: "OTHER_PROVIDER" });
  return { provider, contact, nameLatin, address, plan, kind: openable.kind };
}

async function open(trx: Transaction<DB>, caller: Caller, checked: Checked): Promise<OpenedBillingAccount> {
  const at = nowIso();
  const actor = actorOf(caller);
  const { contact, provider } = checked;
  const phone = nationalMobile(contact.mobile!);
  const number = `BA-N${randomInt(10_000_000, 99_999_999)}`;
  const lineNumber = checked.kind === "MOBILE" ? phone : operatorLineId(provider, checked.kind, number);
  const billed = await trx.selectFrom("billing_lines").select(["account_number"]).where("number", "=", lineNumber).executeTakeFirst();
  if (billed) throw conflict(`${lineNumber.slice(0, 3)}****${lineNumber.slice(-4)} is already a line on account ${billed.account_number}`, { argument: "holder.mobile", reason: "LINE_EXISTS", accountNumber: billed.account_number });

  const account: BillingAccountsTable = {
    number,
    provider,
    type: "INDIVIDUAL",
    holder_name: contact.name,
    holder_name_latin: checked.nameLatin,
    contact_phone: phone,
    address: checked.address,
    address_latin: null,
    status: "ACTIVE",
    balance_fen: 0,
    opened_at: at,
    contact_email: contact.email,
    city: contact.city,
  };
  const line: BillingLinesTable = {
    number: lineNumber,
    account_number: number,
    position: 1,
    kind: checked.kind,
    member_name: contact.name,
    member_name_latin: checked.nameLatin,
    member_role: "HOLDER",
    plan_code: checked.plan,
    status: "ACTIVE",
    activated_at: at,
    equipment_serial: null,
    usage_period: currentPeriod(),
    usage_minutes: 0,
    usage_data_mb: 0,
    usage_sms: 0,
  };
  await trx.insertInto("billing_accounts").values(account).execute();
  await trx.insertInto("billing_lines").values(line).execute();
  const providerName = PROVIDER_NAMES[provider];
  await recordEvent(trx, {
    ownerId: number,
    at,
    kind: "IDENTITY_REGISTERED",
    summary: `${contact.name} became a ${providerName} subscriber (${number}), recorded by ${caller.name} (${caller.organization})`,
    actor,
    subjectType: "BillingAccount",
    subjectId: number,
    // Real-name registration: a mobile a carrier bills is its holder's own, so never a shared phone.
    payload: { system: "billing", identityId: number, mobile: contact.mobile, email: contact.email, name: contact.name, city: contact.city, sharedPhone: false, organization: provider },
  });
  await recordEvent(trx, {
    ownerId: number,
    at,
    kind: "BILLING_ACCOUNT_OPENED",
    summary: `Account ${number} opened by ${caller.name} (${caller.organization}) with a ${checked.kind.toLowerCase().replace("_", " ")} line on plan ${checked.plan}`,
    actor,
    subjectType: "BillingAccount",
    subjectId: number,
    // Not the line number: a mobile line's is the holder's phone, which only identity.registered carries.
    payload: { accountNumber: number, provider, accountType: "INDIVIDUAL", plan: checked.plan, lineKind: checked.kind },
  });
  return { account: toBillingAccount(account), line: toBillingLine(line) };
}
