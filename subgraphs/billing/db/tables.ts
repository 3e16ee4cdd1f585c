import type { Customer360Tables } from "../../kit";

/*
 * Billing's own tables. Money is integer fen, times are ISO 8601 UTC text, flags are 0/1:
 * the same rows on SQLite and PostgreSQL.
 */

export interface BillingAccountsTable {
  number: string;
  /** Organization code of the operator billing it: unicom, jiangcheng. */
  provider: string;
  type: string;
  holder_name: string;
  holder_name_latin: string | null;
  /** Normalized number of the account's contact (a corporate admin may have no line here). */
  contact_phone: string | null;
  address: string | null;
  address_latin: string | null;
  status: string;
  /** Positive is credit, negative is money owed. */
  balance_fen: number;
  opened_at: string;
  /** Normalized (trimmed, lower-cased) email the holder gave; accounts opened through the graph only (migration 002). */
  contact_email?: string | null;
  /** The holder's city as given; accounts opened through the graph only (migration 002). */
  city?: string | null;
}

export interface BillingLinesTable {
  /** Normalized MSISDN or landline, or an operator id (broadband, cable TV) upper-cased. */
  number: string;
  account_number: string;
  /** Position on the account (corporate line 1..50): the numbering the customer uses. */
  position: number;
  kind: string;
  member_name: string;
  member_name_latin: string | null;
  member_role: string;
  plan_code: string;
  status: string;
  activated_at: string;
  equipment_serial: string | null;
  usage_period: string;
  usage_minutes: number;
  usage_data_mb: number;
  usage_sms: number;
}

export interface PlansTable {
  code: string;
  provider: string;
  name: string;
  name_latin: string | null;
  monthly_fee_fen: number;
  included_minutes: number;
  included_data_mb: number;
  included_sms: number;
}

export interface AddOnsTable {
  code: string;
  provider: string;
  name: string;
  name_latin: string | null;
  fee_fen: number;
}

export interface LineAddOnsTable {
  line_number: string;
  add_on_code: string;
}

export interface BundleRulesTable {
  id: string;
  account_number: string;
  code: string;
  description: string;
  monthly_cap_fen: number | null;
}

export interface InvoicesTable {
  number: string;
  account_number: string;
  /** Billing month, YYYY-MM. */
  period: string;
  issued_at: string;
  due_at: string;
  total_fen: number;
  /** PAID or UNPAID as written; OVERDUE is derived from due_at when read. */
  status: string;
  paid_at: string | null;
}

export interface InvoiceItemsTable {
  id: string;
  invoice_number: string;
  position: number;
  description: string;
  line_number: string | null;
  amount_fen: number;
  rule: string;
  quantity: number | null;
  unit: string | null;
}

export interface PaymentsTable {
  id: string;
  account_number: string;
  invoice_number: string | null;
  at: string;
  amount_fen: number;
  method: string;
}

export interface SuspensionsTable {
  id: string;
  account_number: string;
  reason: string;
  from_at: string;
  until_at: string | null;
  status: string;
  invoice_number: string | null;
}

export interface OutagesTable {
  id: string;
  provider: string;
  area: string;
  area_latin: string | null;
  started_at: string;
  ended_at: string | null;
  /** What engineering recorded. */
  cause: string | null;
  /** What customers were told; null while nobody has explained it (S4). */
  explanation: string | null;
  status: string;
}

export interface OutageLinesTable {
  outage_id: string;
  line_number: string;
}

export interface BillingDisputesTable {
  id: string;
  account_number: string;
  invoice_number: string | null;
  opened_at: string;
  reason: string;
  status: string;
  closed_at: string | null;
  opened_by_name: string | null;
  opened_by_role: string | null;
  opened_by_org: string | null;
}

export interface BillingTables {
  billing_accounts: BillingAccountsTable;
  billing_lines: BillingLinesTable;
  plans: PlansTable;
  add_ons: AddOnsTable;
  line_add_ons: LineAddOnsTable;
  bundle_rules: BundleRulesTable;
  invoices: InvoicesTable;
  invoice_items: InvoiceItemsTable;
  payments: PaymentsTable;
  suspensions: SuspensionsTable;
  outages: OutagesTable;
  outage_lines: OutageLinesTable;
  billing_disputes: BillingDisputesTable;
}

export type DB = BillingTables & Customer360Tables;
