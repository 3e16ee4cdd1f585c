import type { ActorInput, HandlerInput } from "../../kit";
import { securityConfig } from "../config";

/** The platform's own automated security system, as it appears in timelines. */
export const SECURITY_SYSTEM: ActorInput = { name: "账号安全系统 Account security system", role: "system", organization: "platform", team: "Account Security" };

/** Who handles an active lockout (open matter LOCKOUT). */
export const SECURITY_DESK: HandlerInput = {
  name: "平台安全服务台 Platform Security Desk",
  team: "Account Security",
  organization: "platform",
  tier: "L1",
  phone: "400-820-6688",
  hours: "08:00-22:00 daily",
};

export const HOW_TO_LIFT =
  "Verified reset via the hotline (a rep verifies the customer with an SMS code to the registered phone, then unlocks) or self-service with an SMS code on the login page";

export const LOCKOUT_MATTER = "LOCKOUT";

/** How long a verification lets a caller see detail: VERIFICATION_MINUTES, default 15 (security/config.ts). */
export function verificationMinutes(): number {
  return securityConfig().verificationMinutes;
}

export const CHALLENGE_MINUTES = 5;
export const MAX_WRONG_CODES = 5;
