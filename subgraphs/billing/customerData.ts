import type { CustomerDataDeclarations } from "../kit";
import { billingCustomer360 } from "./customer360";
import type { BillingAccount } from "./types/BillingAccount";
import type { BillingDispute } from "./types/BillingDispute";
import type { BillingLine } from "./types/BillingLine";
import type { Invoice } from "./types/Invoice";
import type { OpenedBillingAccount } from "./types/OpenedBillingAccount";
import type { Suspension } from "./types/Suspension";

/** Whose records each billing type holds, for the audit trail (kit/customerData.ts). A billing identity is its account number. */
export const customerData: CustomerDataDeclarations = {
  ...billingCustomer360.customerData,
  BillingAccount: (account: BillingAccount) => ({ system: "billing", id: account.number }),
  BillingLine: (line: BillingLine) => ({ system: "billing", id: line.accountNumber }),
  Invoice: (invoice: Invoice) => ({ system: "billing", id: invoice.accountNumber }),
  BillingDispute: (dispute: BillingDispute) => ({ system: "billing", id: dispute.accountNumber }),
  Suspension: (suspension: Suspension) => ({ system: "billing", id: suspension.accountNumber }),
  OpenedBillingAccount: (opened: OpenedBillingAccount) => ({ system: "billing", id: opened.account.number }),
  BillingUsage: "via-parent",
  InvoiceItem: "via-parent",
  BillingPayment: "via-parent",
  BillingAddOn: "via-parent",
  BillingPlan: "not-customer-data",
  BundleRule: "not-customer-data",
  Outage: "not-customer-data",
};
