import { sql } from "kysely";
import { authorizeSource, customer360Source, isPartner, maskPhone, type IdentityRef, type MatterRecord, type NormalizedIdentifier } from "../kit";
import type { Context } from "./context";
import type { DB } from "./db/tables";
import { DISPUTE_MATTER, type Loaders } from "./loaders";

/*
 * Billing's part of the single question. A customer's id in billing is the account number
 * (docs/STORY_DATA.md), so owner ids, timeline owners and lookup answers are all accounts.
 */

interface OpenRow {
  kind: string;
  id: string;
  account_number: string;
  detail: string;
  opened_at: string;
  ref: string | null;
  extra: string | null;
}

/** Open disputes, active suspensions and ongoing outages on the accounts' lines: one statement. */
async function openMatters(ctx: Context, ownerIds: string[]): Promise<MatterRecord[]> {
  if (isPartner(ctx.caller)) return [];
  const owners = sql.join(ownerIds);
  const { rows } = await sql<OpenRow>`
    select 'BILLING_DISPUTE' as kind, d.id, d.account_number, d.reason as detail, d.opened_at, d.invoice_number as ref, null as extra
      from billing_disputes d where d.status = 'OPEN' and d.account_number in (${owners})
    union all
    select 'SUSPENSION', s.id, s.account_number, s.reason, s.from_at, s.invoice_number, null
      from suspensions s where s.status = 'ACTIVE' and s.account_number in (${owners})
    union all
    select 'OUTAGE', o.id, l.account_number, o.area, o.started_at, l.number, o.explanation
      from outages o join outage_lines ol on ol.outage_id = o.id join billing_lines l on l.number = ol.line_number
      where o.status = 'ONGOING' and l.account_number in (${owners})
  `.execute(ctx.db);

  const matters = new Map<string, { record: MatterRecord; lines: string[]; explanation: string | null }>();
  for (const row of rows) {
    const key = `${row.kind}:${row.id}`;
    const seen = matters.get(key);
    if (seen) {
      if (row.ref) seen.lines.push(row.ref);
      continue;
    }
    matters.set(key, { record: toRecord(row), lines: row.ref ? [row.ref] : [], explanation: row.extra });
  }
  return [...matters.values()].map(({ record, lines, explanation }) =>
    record.kind === "OUTAGE" ? { ...record, title: outageTitle(record.id, record.title, lines, explanation) } : record,
  );
}

function toRecord(row: OpenRow): MatterRecord {
  switch (row.kind) {
    case DISPUTE_MATTER:
      return {
        kind: DISPUTE_MATTER,
        id: row.id,
        title: `Billing dispute${row.ref ? ` on invoice ${row.ref}` : ""}: ${row.detail}`,
        status: "OPEN",
        openedAt: row.opened_at,
        priority: "NORMAL",
        subjectType: "BillingDispute",
        subjectId: row.id,
      };
    case "SUSPENSION":
      return {
        kind: "SUSPENSION",
        id: row.id,
        title: `Service suspended on ${row.account_number}: ${row.detail}`,
        status: "ACTIVE",
        openedAt: row.opened_at,
        priority: "HIGH",
        subjectType: "BillingAccount",
        subjectId: row.account_number,
      };
    default:
      return { kind: "OUTAGE", id: row.id, title: row.detail, status: "ONGOING", openedAt: row.opened_at, priority: "HIGH", subjectType: "Outage", subjectId: row.id };
  }
}

function outageTitle(id: string, area: string, lines: string[], explanation: string | null): string {
  const shown = lines.map((line) => (/^1\d{10}$/.test(line) ? maskPhone(line) : line)).join(", ");
  return `Outage ${id} in ${area} hitting ${shown}${explanation ? "" : " (no explanation given to the customer yet)"}`;
}

/** Accounts an identifier points to: by account, line or invoice number, or a phone on a line or as contact. */
async function lookup(ctx: Context, identifier: NormalizedIdentifier): Promise<IdentityRef[]> {
  if (isPartner(ctx.caller)) return [];
  const value = identifier.value;
  let rows: Array<{ account_number: string; matched_by: string }>;
  if (identifier.kind === "phone") {
    ({ rows } = await sql<{ account_number: string; matched_by: string }>`
      select account_number, 'line' as matched_by from billing_lines where number = ${value}
      union all
      select number, 'contact' from billing_accounts where contact_phone = ${value}
    `.execute(ctx.db));
  } else if (identifier.kind === "reference") {
    ({ rows } = await sql<{ account_number: string; matched_by: string }>`
      select number as account_number, 'account' as matched_by from billing_accounts where number = ${value}
      union all
      select account_number, 'line' from billing_lines where number = ${value}
      union all
      select account_number, 'invoice' from invoices where number = ${value}
    `.execute(ctx.db));
  } else {
    return [];
  }
  // A phone that is both a line and the contact of the same account is one identity.
  const byAccount = new Map<string, IdentityRef>();
  for (const row of rows) {
    if (!byAccount.has(row.account_number)) byAccount.set(row.account_number, { system: "billing", externalId: row.account_number, matchedBy: row.matched_by });
  }
  return [...byAccount.values()];
}

/** Partners get nothing from billing: an empty slice, no matters, no matches. */
export const billingCustomer360 = authorizeSource<Context>(customer360Source<DB, Loaders>("billing", { openMatters, lookup }), {
  source: "billing",
  partnerTimeline: async () => null,
});
