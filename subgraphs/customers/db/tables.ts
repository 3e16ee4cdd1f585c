import type { Customer360Tables } from "../../kit";
import type { ContactFactsTable } from "./contactFacts";
import type { IdentityGraphTables } from "./identityGraphTables";
import type { SourceOpenMattersTable } from "./sourceOpenMatters";

export interface CustomersTable {
  id: string;
  name: string;
  name_latin: string | null;
  city: string | null;
  city_latin: string | null;
  address: string | null;
  email: string | null;
  created_at: string;
  /** Migration 014b: the latest survey's time, the referee of racing survey sends. */
  last_survey_at?: string | null;
  /** Set when a supervisor merged this person into another (docs/IDENTITY.md); lookups skip it. */
  merged_into?: string | null;
}

/** Normalized numbers (kit normalizePhone); a home landline may belong to several people. */
export interface CustomerPhonesTable {
  customer_id: string;
  phone: string;
  label: string;
}

/** The person's identity in each system: the heart of the customer graph. */
export interface IdentityLinksTable {
  customer_id: string;
  /** Subgraph name: orders, aftersales, billing, security, or a partner's. */
  system: string;
  external_id: string;
  /** holder, member, admin, ... */
  role: string | null;
}

/** Every attempt by any party to reach the customer, or the customer to reach a party (S5). */
export interface ContactsTable {
  id: string;
  customer_id: string;
  at: string;
  party: string;
  channel: string;
  direction: string;
  outcome: string;
  note: string | null;
  by_name: string | null;
  by_org: string | null;
  subject_type: string | null;
  subject_id: string | null;
}

export interface ComplaintsTable {
  id: string;
  customer_id: string;
  opened_at: string;
  against_org: string;
  summary: string;
  status: string;
  escalated: number;
  resolved_at: string | null;
  // Columns from migration 014b_complaint_workflow (null on rows recorded before it).
  due_at?: string | null;
  owner_name?: string | null;
  owner_team?: string | null;
  owner_org?: string | null;
  answer?: string | null;
  answered_at?: string | null;
  answered_by_name?: string | null;
  answered_by_org?: string | null;
  filed_by_name?: string | null;
  filed_by_org?: string | null;
}

export interface SurveysTable {
  id: string;
  customer_id: string;
  sent_at: string;
  party: string;
  subject_type: string | null;
  subject_id: string | null;
  // Columns from migration 014b_complaint_workflow.
  status?: string | null;
  answered_at?: string | null;
  score?: number | null;
  comment?: string | null;
  sent_by_name?: string | null;
  sent_by_org?: string | null;
}

export type DB = Customer360Tables & IdentityGraphTables & {
  customers: CustomersTable;
  customer_phones: CustomerPhonesTable;
  identity_links: IdentityLinksTable;
  contacts: ContactsTable;
  complaints: ComplaintsTable;
  surveys: SurveysTable;
  contact_facts: ContactFactsTable;
  source_open_matters: SourceOpenMattersTable;
};
