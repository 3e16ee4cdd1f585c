import type { AccessMatrix } from "../kit";

/** The audit trail: supervisors read it, only the gateway writes it (kit/accessMatrix.ts). */
export const accessMatrix: AccessMatrix = {
  Query: {
    auditTrail: { rep: "deny", supervisor: "allow", partner: "deny", analyst: "deny", why: "Who read or changed which customer's data, and when." },
  },
  Mutation: {
    recordAuditEntries: { rep: "deny", supervisor: "deny", partner: "deny", analyst: "deny", system: "allow", why: "The gateway's own write of the trail (inaccessible to clients)." },
  },
};
