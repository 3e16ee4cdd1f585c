import type { Customer360Tables } from "../../kit";
import type { RetailerCustomerContactsTable } from "./retailerCustomerContacts";

/*
 * The retailer's records (Yougou Mall). Money is integer fen, times ISO 8601 UTC text,
 * so the same statements run on SQLite and PostgreSQL.
 */

export interface RetailerCustomersTable {
  id: string;
  name: string;
  name_latin: string | null;
  city: string | null;
  member_since: string;
}

export interface StoresTable {
  id: string;
  name: string;
  name_latin: string | null;
  address: string;
  address_latin: string | null;
  city: string;
  phone: string;
  hours: string;
}

export interface ProductsTable {
  sku: string;
  name: string;
  name_latin: string | null;
  model: string;
  /** Maker's organization code (docs/STORY_DATA.md): aolan, lenovo, huawei, ... */
  brand: string;
}

export interface OrdersTable {
  number: string;
  customer_id: string;
  placed_at: string;
  status: string;
  /** ONLINE or STORE */
  channel: string;
  store_id: string | null;
  total_fen: number;
}

export interface OrderLinesTable {
  order_number: string;
  line_no: number;
  sku: string;
  quantity: number;
  unit_price_fen: number;
  serial: string | null;
}

export interface ReturnRequestsTable {
  number: string;
  order_number: string;
  customer_id: string;
  /** The order line the request is about. */
  line_no: number;
  /** REPAIR, REFUND or EXCHANGE */
  type: string;
  status: string;
  reason: string;
  next_step: string | null;
  /** Organization that has to act next. */
  handling_party: string;
  /** Where the goods go back / the refund is paid, when a store is involved. */
  store_id: string | null;
  refund_fen: number | null;
  opened_at: string;
  closed_at: string | null;
  // Migration 014b: the maker's return certificate the store refunded against (S7).
  maker_certificate_number?: string | null;
  maker_case_number?: string | null;
  refunded_at?: string | null;
  refunded_by_name?: string | null;
  refunded_by_org?: string | null;
}

export interface VasOrdersTable {
  number: string;
  case_number: string;
  customer_id: string;
  service_code: string;
  service_name: string;
  price_fen: number;
  /** ORDERED, SCHEDULED, COMPLETED or CANCELLED */
  status: string;
  ordered_at: string;
  due_at: string;
  ordered_by_name: string;
  ordered_by_role: string | null;
  ordered_by_org: string;
  closed_at: string | null;
  /**
   * "<case>|<service code>" while the order is open, null once closed. Unique, so two reps
   * selling the same service in the same case at once cannot both succeed (portable: both
   * databases allow many NULLs in a unique index).
   */
  open_slot: string | null;
}

/**
 * What the retailer knows of a maker's service case it may sell services in (the case lives
 * in aftersales): whose case it is here, whose maker, which organizations are parties, and
 * whether it is still open. Read by orderValueAddedService (caseForSale.ts).
 */
export interface ServiceCaseRefsTable {
  case_number: string;
  /** The customer's retailer id (RC-...); null when the customer has no retailer account. */
  customer_id: string | null;
  maker: string;
  /** Organizations that are parties to the case, comma-separated (the maker included). */
  parties: string;
  /** The case's status when last told; CLOSED and RESOLVED cases take no sales. */
  status: string;
}

export interface OrdersTables {
  retailer_customers: RetailerCustomersTable;
  stores: StoresTable;
  products: ProductsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  return_requests: ReturnRequestsTable;
  vas_orders: VasOrdersTable;
  service_case_refs: ServiceCaseRefsTable;
  retailer_customer_contacts: RetailerCustomerContactsTable;
}

export type DB = OrdersTables & Customer360Tables;
