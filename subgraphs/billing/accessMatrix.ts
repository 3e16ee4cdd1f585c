import { OWN_STAFF_ONLY, STAFF_ANALYST_MASKED, STAFF_ONLY, type AccessMatrix } from "../kit";

/** Billing: reps and supervisors; analysts masked; partners nothing at all (kit/accessMatrix.ts, its shared rules in kit/accessRules.ts). */
export const accessMatrix: AccessMatrix = {
  Query: {
    ...STAFF_ANALYST_MASKED({
      billingAccount: "A billing account with lines, invoices and balance.",
      billingDispute: "A customer's dispute of an invoice.",
      billingLine: "A phone line of an account.",
      invoice: "An invoice with its items.",
    }),
    outage: { rep: "allow", supervisor: "allow", partner: "deny", analyst: "allow", why: "A network outage in an area (no personal data)." },
  },
  Mutation: {
    ...OWN_STAFF_ONLY({
      openBillingAccount: "Open an individual account for a new subscriber (publishes the holder's identity): the carrier's own staff only.",
    }),
    ...STAFF_ONLY({
      openBillingDispute: "Record a customer's dispute of an invoice.",
    }),
  },
};
