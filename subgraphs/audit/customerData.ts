import type { CustomerDataDeclarations } from "../kit";

/**
 * The trail holds who read whom, not the customers' data itself; reading it is recorded like
 * any other operation (by the gateway, with the customer ids it was asked about).
 */
export const customerData: CustomerDataDeclarations = {
  AuditTrailPage: "not-customer-data",
  AuditEntry: "not-customer-data",
};
