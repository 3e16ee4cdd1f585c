import type { CustomerDataDeclarations } from "../kit";
import { fieldserviceCustomer360 } from "./customer360";
import type { FieldJob } from "./types/FieldJob";

/** Whose records the contractor's types hold, for the audit trail (kit/customerData.ts): keyed by the maker's registration ids. */
export const customerData: CustomerDataDeclarations = {
  ...fieldserviceCustomer360.customerData,
  FieldJob: (job: FieldJob) => ({ system: "aftersales", id: job.ownerId }),
  TechnicianPosition: "via-parent",
  JobNote: "via-parent",
  // The maker's visit as the contractor extends it: the key; the job it returns reports itself.
  Visit: "not-customer-data",
};
