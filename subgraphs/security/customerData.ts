import type { CustomerDataDeclarations } from "../kit";
import { securityCustomer360 } from "./customer360";
import type { IdentityVerification } from "./types/IdentityVerification";
import type { SecurityLogin } from "./types/SecurityLogin";
import type { VerificationChallenge } from "./types/VerificationChallenge";

/** Whose records each security type holds, for the audit trail (kit/customerData.ts). A security identity is the login id. */
export const customerData: CustomerDataDeclarations = {
  ...securityCustomer360.customerData,
  SecurityLogin: (login: SecurityLogin) => ({ system: "security", id: login.id }),
  IdentityVerification: (verification: IdentityVerification) => ({ system: "security", id: verification.loginId }),
  VerificationChallenge: (challenge: VerificationChallenge) => ({ system: "security", id: challenge.loginId }),
  LoginAttempt: "via-parent",
  LoginLocation: "via-parent",
  Lockout: "via-parent",
  SecurityNotification: "via-parent",
};
