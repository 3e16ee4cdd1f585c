import type { Caller } from "../../../common/caller";
import { codedError, ErrorCode } from "../../../common/errorCodes";
import type { Context } from "../context";
import { verificationKey } from "../loaders";

/** full: everything; maskedIp: analysts see patterns, not addresses. */
export type DetailView = "full" | "maskedIp";

/**
 * The identity verification gate (S2, S6 red lines). Attempts, IPs, devices, notifications
 * and lockout detail of a login go only to a caller holding an unexpired verification of
 * that login, made by that caller. Supervisors are no exception; analysts see detail
 * without verification but never full IP addresses.
 */
export async function detailView(context: Context, loginId: string): Promise<DetailView> {
  if (context.caller.role === "analyst") return "maskedIp";
  const verification = await context.loaders.verification.load(verificationKey(context.caller.subject, loginId));
  if (!verification) throw verificationRequired(loginId);
  return "full";
}

/**
 * Who may verify a customer's identity: the people on the phone with the customer, reps and
 * supervisors. Partners, analysts and the system identity may not start (an SMS to the
 * customer) or confirm (a verification that opens security detail).
 */
export function assertMayVerify(caller: Caller, action: "start" | "confirm"): void {
  if (caller.role !== "rep" && caller.role !== "supervisor") {
    throw codedError(ErrorCode.FORBIDDEN, `only reps and supervisors may ${action} an identity verification; the role ${caller.role} may not`, { role: caller.role });
  }
}

export function verificationRequired(loginId: string) {
  return codedError(
    ErrorCode.VERIFICATION_REQUIRED,
    `The caller's identity must be verified first: security detail and actions on login ${loginId} need an active identity verification (startIdentityVerification, then confirmIdentityVerification with the code the customer received).`,
    { loginId },
  );
}

/** 223.104.63.18 -> 223.104.*.*; 240e:3b1:12::8 -> 240e:3b1:*. */
export function maskIp(ip: string): string {
  if (ip.includes(".")) {
    const [a, b] = ip.split(".");
    return `${a}.${b}.*.*`;
  }
  const groups = ip.split(":").filter((g) => g.length > 0);
  return `${groups.slice(0, 2).join(":")}:*`;
}
