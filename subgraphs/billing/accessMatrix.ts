import type { AccessMatrix } from "../kit";

/** Billing: reps and supervisors; analysts masked; partners nothing at all (kit/accessMatrix.ts). */
export const accessMatrix: AccessMatrix = {
  Query: {
    billingAccount: { rep: "allow", supervisor: "allow", partner: "deny", analyst: "masked", why: "A billing account with lines, invoices and balance." },
    billingDispute: { rep: "allow", supervisor: "allow", partner: "deny", analyst: "masked", why: "A customer's dispute of an invoice." },
    billingLine: { rep: "allow", supervisor: "allow", partner: "deny", analyst: "masked", why: "A phone line of an account." },
    invoice: { rep: "allow", supervisor: "allow", partner: "deny", analyst: "masked", why: "An invoice with its items." },
    outage: { rep: "allow", supervisor: "allow", partner: "deny", analyst: "allow", why: "A network outage in an area (no personal data)." },
  },
  Mutation: {
    openBillingAccount: { rep: "own-organization", supervisor: "own-organization", partner: "deny", analyst: "deny", why: "Open an individual account for a new subscriber (publishes the holder's identity): the carrier's own staff only." },
    openBillingDispute: { rep: "allow", supervisor: "allow", partner: "deny", analyst: "deny", why: "Record a customer's dispute of an invoice." },
  },
};
