import { registerEnumType } from "type-graphql";

export enum AuditOperationType {
  QUERY = "QUERY",
  MUTATION = "MUTATION",
}

export enum AuditOutcome {
  /** Answered without errors. */
  OK = "OK",
  /** Data and errors together: part of the answer was read. */
  PARTIAL = "PARTIAL",
  /** Errors and no data. */
  ERROR = "ERROR",
  /** Every error was a refusal (FORBIDDEN, UNAUTHENTICATED, VERIFICATION_REQUIRED). */
  DENIED = "DENIED",
}

registerEnumType(AuditOperationType, { name: "AuditOperationType", description: "Whether the audited operation read (QUERY) or changed (MUTATION) data" });
registerEnumType(AuditOutcome, { name: "AuditOutcome", description: "How the audited operation ended" });
