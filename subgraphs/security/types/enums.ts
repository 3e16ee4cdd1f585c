import { registerEnumType } from "type-graphql";
import { selfNamedEnum, type EnumValue } from "../../kit";

export const SecurityLoginStatus = selfNamedEnum("ACTIVE", "LOCKED");
export type SecurityLoginStatus = EnumValue<typeof SecurityLoginStatus>;

export const LoginAttemptResult = selfNamedEnum(
  "SUCCESS",
  "WRONG_PASSWORD",
  /** Refused because the login was already locked. */
  "LOCKED",
  "WRONG_SMS_CODE",
);
export type LoginAttemptResult = EnumValue<typeof LoginAttemptResult>;

export const SecurityNotificationChannel = selfNamedEnum("SMS", "EMAIL", "APP");
export type SecurityNotificationChannel = EnumValue<typeof SecurityNotificationChannel>;

export const SecurityNotificationDeliveryStatus = selfNamedEnum("SENT", "DELIVERED", "FAILED");
export type SecurityNotificationDeliveryStatus = EnumValue<typeof SecurityNotificationDeliveryStatus>;

export const IdentityVerificationMethod = selfNamedEnum("SMS_CODE");
export type IdentityVerificationMethod = EnumValue<typeof IdentityVerificationMethod>;

registerEnumType(SecurityLoginStatus, { name: "SecurityLoginStatus" });
registerEnumType(LoginAttemptResult, { name: "LoginAttemptResult" });
registerEnumType(SecurityNotificationChannel, { name: "SecurityNotificationChannel" });
registerEnumType(SecurityNotificationDeliveryStatus, { name: "SecurityNotificationDeliveryStatus", description: "SENT: handed to the carrier; DELIVERED: the carrier confirmed receipt" });
registerEnumType(IdentityVerificationMethod, { name: "IdentityVerificationMethod", description: "SMS_CODE: a one-time code sent to the login's registered phone" });
