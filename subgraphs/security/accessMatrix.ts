import type { AccessMatrix } from "../kit";

/** Security detail needs the caller's own identity verification; partners get none of it (kit/accessMatrix.ts). */
export const accessMatrix: AccessMatrix = {
  Query: {
    verificationStatus: { rep: "allow", supervisor: "allow", partner: "deny", analyst: "deny", why: "The caller's own live verification of a login." },
    securityLogin: { rep: "verified", supervisor: "verified", partner: "deny", analyst: "masked", why: "A login; attempts, IPs, devices and notifications need the caller's own verification (S2)." },
  },
  Mutation: {
    startIdentityVerification: { rep: "allow", supervisor: "allow", partner: "deny", analyst: "deny", why: "Text a one-time code to the login's registered phone (budgets per caller and per login)." },
    confirmIdentityVerification: { rep: "allow", supervisor: "allow", partner: "deny", analyst: "deny", why: "Check the code the customer read out." },
    registerLogin: { rep: "own-organization", supervisor: "own-organization", partner: "deny", analyst: "deny", why: "Register a platform login for a customer (publishes the identity): the platform's own staff only." },
    unlockLogin: { rep: "verified", supervisor: "verified", partner: "deny", analyst: "deny", why: "End an active lockout (S2), after the caller's own verification." },
  },
};
