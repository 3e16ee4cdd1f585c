import type { Customer360Tables } from "../../kit";
import type { IdentityGraphTables } from "./identityGraphTables";

export interface CustomersTable {
  id: string;
  name: string;
  name_latin: string | null;
  city: string | null;
  city_latin: string | null;
  address: string | null;
  email: string | null;
  created_at: string;
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
}

export interface SurveysTable {
  id: string;
  customer_id: string;
  sent_at: string;
  party: string;
  subject_type: string | null;
  subject_id: string | null;
}

export type DB = Customer360Tables & IdentityGraphTables & {
  customers: CustomersTable;
  customer_phones: CustomerPhonesTable;
  identity_links: IdentityLinksTable;
  contacts: ContactsTable;
  complaints: ComplaintsTable;
  surveys: SurveysTable;
};
