/**
 * The audit trail (issue 4 item 5, S6): who read or changed which customer's data, when,
 * and how it ended. Append-only: nothing in this subgraph updates or deletes a row, and the
 * migration installs triggers that refuse UPDATE and DELETE at the database itself.
 */
export interface AuditEntriesTable {
  /** Chosen by the gateway, so a retried write of the same entry is recorded once. */
  id: string;
  /** ISO 8601 UTC, normalized (toISOString) so text order is time order. */
  at: string;
  request_id: string;
  actor_subject: string;
  actor_name: string;
  role: string;
  organization: string;
  /** QUERY or MUTATION */
  operation_type: string;
  operation_name: string | null;
  /** Field paths the operation selected, one per line, capped by the gateway. */
  fields: string;
  /** OK, PARTIAL, ERROR, DENIED */
  outcome: string;
  /** Distinct error codes, comma separated; empty when none. */
  error_codes: string;
  /** Customers' identities the answer served (system:id, one per line), resolved to persons or not. Added by 002. */
  identities: string;
  /** A mutation's arguments as JSON, personal data masked and codes redacted; null for queries. Added by 002. */
  arguments: string | null;
}

/** Which customers an entry touched; `at` is copied from the entry so per-customer pages read one index. */
export interface AuditEntryCustomersTable {
  entry_id: string;
  customer_id: string;
  at: string;
}

export interface AuditTables {
  audit_entries: AuditEntriesTable;
  audit_entry_customers: AuditEntryCustomersTable;
}

/** No customer360 tables: the audit trail is not a timeline source and keeps no idempotency table (entry ids are the keys). */
export type DB = AuditTables;
