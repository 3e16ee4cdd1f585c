import type { Customer360Tables } from "../../kit";

/** A platform login. The registered phone is kept to send codes; only its masked form ever leaves. */
export interface SecurityLoginsTable {
  id: string;
  /** Upper-cased id: lookups compare upper-cased references on an index. */
  login_key: string;
  display_name: string;
  display_name_latin: string | null;
  /** Normalized 11-digit mobile number. */
  phone: string;
  email: string | null;
  /** ACTIVE or LOCKED; kept in step with the active lockout row. */
  status: string;
  created_at: string;
}

export interface LoginAttemptsTable {
  id: string;
  login_id: string;
  at: string;
  ip: string;
  city: string;
  province: string;
  country: string;
  device: string;
  /** SUCCESS, WRONG_PASSWORD, LOCKED, WRONG_SMS_CODE */
  result: string;
}

export interface LockoutsTable {
  id: string;
  login_id: string;
  cause: string;
  since: string;
  /** When it ended (or is scheduled to end); null while it lasts until someone lifts it. */
  until: string | null;
  /** 0/1 */
  active: number;
  lifted_by: string | null;
  lift_method: string | null;
}

export interface SecurityNotificationsTable {
  id: string;
  login_id: string;
  at: string;
  /** SMS, EMAIL, APP */
  channel: string;
  template_code: string;
  text: string;
  /** Only the masked form is stored: the table is shown to reps. */
  masked_destination: string;
  /** SENT, DELIVERED, FAILED */
  delivery_status: string;
}

export interface VerificationChallengesTable {
  id: string;
  login_id: string;
  /** The caller (rep) who started it: only they may confirm it. */
  caller_subject: string;
  method: string;
  /** sha256(id:code); the code itself is never stored. */
  code_hash: string;
  masked_destination: string;
  created_at: string;
  expires_at: string;
  failed_attempts: number;
  /** PENDING, PASSED, DEAD */
  status: string;
}

export interface IdentityVerificationsTable {
  id: string;
  challenge_id: string;
  login_id: string;
  caller_subject: string;
  caller_name: string;
  method: string;
  verified_at: string;
  verified_until: string;
}

export interface SecurityTables {
  security_logins: SecurityLoginsTable;
  login_attempts: LoginAttemptsTable;
  lockouts: LockoutsTable;
  security_notifications: SecurityNotificationsTable;
  verification_challenges: VerificationChallengesTable;
  identity_verifications: IdentityVerificationsTable;
}

export type DB = SecurityTables & Customer360Tables;
