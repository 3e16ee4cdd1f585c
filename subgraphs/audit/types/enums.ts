import { graphqlEnum, type EnumValue } from "../../kit";

export const AuditOperationType = graphqlEnum("AuditOperationType", ["QUERY", "MUTATION"], "Whether the audited operation read (QUERY) or changed (MUTATION) data");
export type AuditOperationType = EnumValue<typeof AuditOperationType>;

export const AuditOutcome = graphqlEnum(
  "AuditOutcome",
  [
    /** Answered without errors. */
    "OK",
    /** Data and errors together: part of the answer was read. */
    "PARTIAL",
    /** Errors and no data. */
    "ERROR",
    /** Every error was a refusal (FORBIDDEN, UNAUTHENTICATED, VERIFICATION_REQUIRED). */
    "DENIED",
  ],
  "How the audited operation ended",
);
export type AuditOutcome = EnumValue<typeof AuditOutcome>;
