import { registerEnumType } from "type-graphql";

export enum SecurityLoginStatus {
  ACTIVE = "ACTIVE",
  LOCKED = "LOCKED",
}

export enum LoginAttemptResult {
  SUCCESS = "SUCCESS",
  WRONG_PASSWORD = "WRONG_PASSWORD",
  /** Refused because the login was already locked. */
  LOCKED = "LOCKED",
  WRONG_SMS_CODE = "WRONG_SMS_CODE",
}

export enum SecurityNotificationChannel {
  SMS = "SMS",
  EMAIL = "EMAIL",
  APP = "APP",
}

export enum SecurityNotificationDeliveryStatus {
  SENT = "SENT",
  DELIVERED = "DELIVERED",
  FAILED = "FAILED",
}

export enum IdentityVerificationMethod {
  SMS_CODE = "SMS_CODE",
}

registerEnumType(SecurityLoginStatus, { name: "SecurityLoginStatus" });
registerEnumType(LoginAttemptResult, { name: "LoginAttemptResult" });
registerEnumType(SecurityNotificationChannel, { name: "SecurityNotificationChannel" });
registerEnumType(SecurityNotificationDeliveryStatus, { name: "SecurityNotificationDeliveryStatus", description: "SENT: handed to the carrier; DELIVERED: the carrier confirmed receipt" });
registerEnumType(IdentityVerificationMethod, { name: "IdentityVerificationMethod", description: "SMS_CODE: a one-time code sent to the login's registered phone" });
