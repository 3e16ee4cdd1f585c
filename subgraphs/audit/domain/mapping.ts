import type { AuditEntriesTable } from "../db/tables";
import { AuditEntry } from "../types/AuditEntry";
import { AuditOperationType, AuditOutcome } from "../types/enums";

export function toAuditEntry(row: AuditEntriesTable): AuditEntry {
  return Object.assign(new AuditEntry(), {
    id: row.id,
    at: row.at,
    requestId: row.request_id,
    actorSubject: row.actor_subject,
    actorName: row.actor_name,
    role: row.role,
    organization: row.organization,
    operationType: row.operation_type as AuditOperationType,
    operationName: row.operation_name,
    fields: row.fields === "" ? [] : row.fields.split("\n"),
    outcome: row.outcome as AuditOutcome,
    errorCodes: row.error_codes === "" ? [] : row.error_codes.split(","),
    identities: row.identities ? row.identities.split("\n") : [],
    arguments: row.arguments ?? null,
  });
}
