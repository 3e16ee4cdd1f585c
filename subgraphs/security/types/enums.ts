import { graphqlEnum, type EnumValue } from "../../kit";

export const SecurityLoginStatus = graphqlEnum("SecurityLoginStatus", ["ACTIVE", "LOCKED"]);
export type SecurityLoginStatus = EnumValue<typeof SecurityLoginStatus>;

export const LoginAttemptResult = graphqlEnum("LoginAttemptResult", [
  "SUCCESS",
  "WRONG_PASSWORD",
  /** Refused because the login was already locked. */
  "LOCKED",
  "WRONG_SMS_CODE",
]);
export type LoginAttemptResult = EnumValue<typeof LoginAttemptResult>;

export const SecurityNotificationChannel = graphqlEnum("SecurityNotificationChannel", ["SMS", "EMAIL", "APP"]);
export type SecurityNotificationChannel = EnumValue<typeof SecurityNotificationChannel>;

export const SecurityNotificationDeliveryStatus = graphqlEnum("SecurityNotificationDeliveryStatus", ["SENT", "DELIVERED", "FAILED"], "SENT: handed to the carrier; DELIVERED: the carrier confirmed receipt");
export type SecurityNotificationDeliveryStatus = EnumValue<typeof SecurityNotificationDeliveryStatus>;

export const IdentityVerificationMethod = graphqlEnum("IdentityVerificationMethod", ["SMS_CODE"], "SMS_CODE: a one-time code sent to the login's registered phone");
export type IdentityVerificationMethod = EnumValue<typeof IdentityVerificationMethod>;
