import { OWN_STAFF_ONLY, STAFF_ONLY, type AccessMatrix } from "../kit";

/** Security detail needs the caller's own identity verification; partners get none of it (kit/accessMatrix.ts, its shared rules in kit/accessRules.ts). */
export const accessMatrix: AccessMatrix = {
  Query: {
    ...STAFF_ONLY({
      verificationStatus: "The caller's own live verification of a login.",
    }),
    securityLogin: { rep: "verified", supervisor: "verified", partner: "deny", analyst: "masked", why: "A login; attempts, IPs, devices and notifications need the caller's own verification (S2)." },
  },
  Mutation: {
    ...STAFF_ONLY({
      startIdentityVerification: "Text a one-time code to the login's registered phone (budgets per caller and per login).",
      confirmIdentityVerification: "Check the code the customer read out.",
    }),
    ...OWN_STAFF_ONLY({
      registerLogin: "Register a platform login for a customer (publishes the identity): the platform's own staff only.",
    }),
    unlockLogin: { rep: "verified", supervisor: "verified", partner: "deny", analyst: "deny", why: "End an active lockout (S2), after the caller's own verification." },
  },
};
