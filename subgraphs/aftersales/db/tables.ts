import type { Customer360Tables } from "../../kit";

/*
 * The makers' after-sales records (aolan, xinghai, hengtong, lenovo, huawei). Ids are text,
 * times ISO 8601 UTC text, money integer fen, booleans 0/1: the same statements run on
 * SQLite and PostgreSQL. Rows that belong to a customer carry `owner_id` (the maker
 * registration id, MR-...) so the open-matters query needs no joins.
 */

/** A customer's registration with one maker. */
export interface MakerCustomersTable {
  id: string;
  maker: string;
  name: string;
  name_latin: string | null;
  /** Normalized mobile number (kit normalizePhone). */
  phone: string | null;
  city: string;
  address: string | null;
  registered_at: string;
}

export interface DevicesTable {
  serial: string;
  owner_id: string;
  maker: string;
  model: string;
  product_name: string;
  purchased_at: string;
  /** Retailer order the unit was sold with, when the maker knows it. */
  retailer_order_number: string | null;
}

export interface EntitlementsTable {
  id: string;
  serial: string;
  /** WARRANTY, PREMIUM_ONSITE, ADVANCE_REPLACEMENT, ... */
  kind: string;
  description: string;
  starts_at: string;
  ends_at: string | null;
  /** 1 when the customer paid for it (S6: paid premium on-site service). */
  paid: number;
  price_fen: number | null;
}

export interface KnownIssuesTable {
  id: string;
  maker: string;
  model: string;
  symptom: string;
  hint: string;
  manual_ref: string | null;
}

export interface ServiceCentersTable {
  id: string;
  maker: string;
  name: string;
  name_latin: string | null;
  address: string;
  address_latin: string | null;
  city: string;
  city_latin: string;
  phone: string;
  hours: string;
  lat: number | null;
  lng: number | null;
}

/** City centroids: lets "nearest service center" fall back to distance when a city has none. */
export interface CitiesTable {
  name: string;
  name_latin: string;
  lat: number;
  lng: number;
}

export interface TechniciansTable {
  id: string;
  name: string;
  name_latin: string | null;
  phone: string;
  service_center_id: string;
}

export interface ServiceCasesTable {
  number: string;
  owner_id: string;
  serial: string | null;
  maker: string;
  /** OPEN, SCHEDULED, ESCALATED, RESOLVED or CLOSED */
  status: string;
  /** PHONE, ONLINE, RETAILER, PROVIDER, SERVICE_CENTER */
  channel: string;
  summary: string;
  opened_at: string;
  closed_at: string | null;
  resolution: string | null;
  /** CUSTOMER, TECHNICIAN, REMOTE_SUPPORT, EXPERT */
  resolved_by: string | null;
  priority: string;
  /** L1, L2 or L3 */
  tier: string;
  order_number: string | null;
  service_center_id: string | null;
}

/** The organizations sharing a case (S5: provider, maker after-sales, field service). */
export interface CasePartiesTable {
  id: string;
  case_number: string;
  organization: string;
  name: string;
  /** PROVIDER, RETAILER, MAKER_AFTERSALES, FIELD_SERVICE, SERVICE_CENTER */
  role: string;
  phone: string | null;
  joined_at: string;
}

export interface VisitsTable {
  id: string;
  case_number: string;
  owner_id: string;
  window_start: string;
  window_end: string;
  /** SCHEDULED, CANCELLED, COMPLETED or RESCHEDULED (replaced by `rescheduled_to`) */
  status: string;
  technician_id: string | null;
  service_center_id: string | null;
  created_at: string;
  cancel_reason: string | null;
  cancelled_by_name: string | null;
  cancelled_by_role: string | null;
  cancelled_by_org: string | null;
  cancelled_at: string | null;
  rescheduled_from: string | null;
  rescheduled_to: string | null;
}

/** A promised call to the customer; mirrored as a commitment on the case (same id). */
export interface CallbacksTable {
  id: string;
  case_number: string;
  owner_id: string;
  purpose: string;
  promised_at: string;
  due_at: string;
  promised_by_name: string;
  promised_by_org: string;
  /** OPEN, KEPT, BROKEN or CANCELLED */
  status: string;
  done_at: string | null;
  outcome: string | null;
}

/** Engineering verification (S7: "an engineer verifies over the weekend"). */
export interface EngineeringTasksTable {
  id: string;
  case_number: string;
  owner_id: string;
  title: string;
  priority: string;
  /** OPEN, IN_PROGRESS, DONE or CANCELLED */
  status: string;
  assignee_name: string;
  assignee_team: string | null;
  assignee_org: string;
  opened_at: string;
  done_at: string | null;
  outcome: string | null;
}

/** Advance replacement: a new unit shipped before the faulty one comes back (S7). */
export interface ReplacementsTable {
  id: string;
  case_number: string;
  owner_id: string;
  product_name: string;
  carrier: string;
  tracking_number: string;
  shipped_at: string;
  delivered_at: string | null;
  /** SHIPPED, IN_TRANSIT, DELIVERED or RETURNED */
  status: string;
  old_unit_returned: number;
  /** Migration 014b. */
  old_unit_returned_at?: string | null;
}

/** Something arranged with a service center for the customer (S7: return certificate). */
export interface ArrangementsTable {
  id: string;
  case_number: string;
  kind: string;
  description: string;
  service_center_id: string | null;
  scheduled_for: string | null;
  arranged_at: string;
  arranged_by_name: string;
  arranged_by_org: string;
  sms_sent_at: string | null;
  /** Masked destination of the SMS (138****1234). */
  sms_to: string | null;
  // Migration 014b: ARRANGED, CERTIFICATE_ISSUED, COMPLETED or CANCELLED; the certificate; the retailer's return it serves.
  status?: string;
  certificate_number?: string | null;
  certificate_issued_at?: string | null;
  certificate_finding?: string | null;
  return_request_number?: string | null;
  sms_text?: string | null;
}

export interface AftersalesTables {
  maker_customers: MakerCustomersTable;
  devices: DevicesTable;
  entitlements: EntitlementsTable;
  known_issues: KnownIssuesTable;
  service_centers: ServiceCentersTable;
  cities: CitiesTable;
  technicians: TechniciansTable;
  service_cases: ServiceCasesTable;
  case_parties: CasePartiesTable;
  visits: VisitsTable;
  callbacks: CallbacksTable;
  engineering_tasks: EngineeringTasksTable;
  replacements: ReplacementsTable;
  arrangements: ArrangementsTable;
}

export type DB = AftersalesTables & Customer360Tables;
