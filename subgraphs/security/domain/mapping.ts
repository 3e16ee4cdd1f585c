import { maskPhone } from "../../kit";
import type { IdentityVerificationsTable, LockoutsTable, LoginAttemptsTable, SecurityLoginsTable, SecurityNotificationsTable } from "../db/tables";
import type { IdentityVerification } from "../types/IdentityVerification";
import type { Lockout } from "../types/Lockout";
import type { LoginAttempt } from "../types/LoginAttempt";
import type { SecurityLogin } from "../types/SecurityLogin";
import type { SecurityNotification } from "../types/SecurityNotification";
import { IdentityVerificationMethod, LoginAttemptResult, SecurityNotificationDeliveryStatus, SecurityLoginStatus, SecurityNotificationChannel } from "../types/enums";
import { maskIp, type DetailView } from "./access";
import { HOW_TO_LIFT } from "./platform";

/** Plain objects only: mutation answers are stored as JSON and replayed. */
export function toLogin(row: SecurityLoginsTable): SecurityLogin {
  return {
    id: row.id,
    displayName: row.display_name,
    displayNameLatin: row.display_name_latin,
    maskedPhone: maskPhone(row.phone),
    status: row.status as SecurityLoginStatus,
  };
}

export function toAttempt(row: LoginAttemptsTable, view: DetailView): LoginAttempt {
  return {
    id: row.id,
    at: row.at,
    ip: view === "full" ? row.ip : maskIp(row.ip),
    location: { city: row.city, province: row.province, country: row.country },
    device: row.device,
    result: row.result as LoginAttemptResult,
  };
}

export function toLockout(row: LockoutsTable): Lockout {
  return {
    id: row.id,
    cause: row.cause,
    since: row.since,
    until: row.until,
    active: row.active === 1,
    howToLift: HOW_TO_LIFT,
    liftedBy: row.lifted_by,
    liftMethod: row.lift_method,
  };
}

export function toNotification(row: SecurityNotificationsTable): SecurityNotification {
  return {
    id: row.id,
    at: row.at,
    channel: row.channel as SecurityNotificationChannel,
    templateCode: row.template_code,
    text: row.text,
    maskedDestination: row.masked_destination,
    deliveryStatus: row.delivery_status as SecurityNotificationDeliveryStatus,
  };
}

export function toVerification(row: IdentityVerificationsTable): IdentityVerification {
  return {
    loginId: row.login_id,
    verifiedBy: row.caller_subject,
    verifiedByName: row.caller_name,
    method: row.method as IdentityVerificationMethod,
    verifiedAt: row.verified_at,
    verifiedUntil: row.verified_until,
  };
}
