import type { CustomerDataDeclarations } from "../kit";

/**
 * Analytics answers hold no customer's identifiable record: persons are pseudonymous keys
 * (not reversible without the secret and the customers subgraph), so no owner is reported.
 */
export const customerData: CustomerDataDeclarations = {
  ServiceEvent: "not-customer-data",
  ServiceHistoryPage: "not-customer-data",
  ServiceMetricsRow: "not-customer-data",
  HoursQuantiles: "not-customer-data",
};
