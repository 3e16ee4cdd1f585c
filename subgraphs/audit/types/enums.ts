import { registerEnumType } from "type-graphql";
import { selfNamedEnum, type EnumValue } from "../../kit";

export const AuditOperationType = selfNamedEnum("QUERY", "MUTATION");
export type AuditOperationType = EnumValue<typeof AuditOperationType>;

export const AuditOutcome = selfNamedEnum(
  /** Answered without errors. */
  "OK",
  /** Data and errors together: part of the answer was read. */
  "PARTIAL",
  /** Errors and no data. */
  "ERROR",
  /** Every error was a refusal (FORBIDDEN, UNAUTHENTICATED, VERIFICATION_REQUIRED). */
  "DENIED",
);
export type AuditOutcome = EnumValue<typeof AuditOutcome>;

registerEnumType(AuditOperationType, { name: "AuditOperationType", description: "Whether the audited operation read (QUERY) or changed (MUTATION) data" });
registerEnumType(AuditOutcome, { name: "AuditOutcome", description: "How the audited operation ended" });
