import { badInput } from "../../../common/errorCodes";
import { isRole } from "../../../common/caller";
import type { AuditEntriesTable, AuditEntryCustomersTable } from "../db/tables";
import type { AuditEntryInput } from "../types/AuditEntryInput";
import { MAX_ARGUMENTS, MAX_CUSTOMER_IDS, MAX_ENTRIES_PER_CALL, MAX_FIELD_PATH, MAX_FIELDS, MAX_TEXT } from "./limits";

const ENTRY_ID = /^[A-Za-z0-9][A-Za-z0-9_:.-]{0,99}$/;
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

export { checkPageSize as checkFirst } from "../../kit";

/** A filter value: non-empty, bounded, no control characters. */
export function checkFilter(value: string | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value.trim().length === 0 || value.length > MAX_TEXT || /[\u0000-\u001f]/.test(value)) {
    throw badInput(`${argument} must be 1-${MAX_TEXT} printable characters`, { argument });
  }
  return value;
}

function text(value: string, field: string, index: number, max = MAX_TEXT): string {
  if (value.length === 0 || value.length > max || /[\u0000-\u001f]/.test(value)) {
    throw badInput(`entries[${index}].${field} must be 1-${max} printable characters`, { argument: `entries[${index}].${field}` });
  }
  return value;
}

export interface EntryRows {
  entry: AuditEntriesTable;
  customers: AuditEntryCustomersTable[];
}

/** Checks one gateway-written entry and turns it into rows; the time is normalized so text order is time order. */
export function toEntryRows(input: AuditEntryInput, index: number): EntryRows {
  if (!ENTRY_ID.test(input.id)) throw badInput(`entries[${index}].id must be 1-100 characters of letters, digits, _ : . -`, { argument: `entries[${index}].id` });
  const time = Date.parse(input.at);
  if (Number.isNaN(time)) throw badInput(`entries[${index}].at is not an ISO 8601 time`, { argument: `entries[${index}].at` });
  if (!isRole(input.role)) throw badInput(`entries[${index}].role "${input.role.slice(0, 40)}" is not a role`, { argument: `entries[${index}].role` });
  if (input.fields.length > MAX_FIELDS) throw badInput(`entries[${index}].fields holds at most ${MAX_FIELDS} paths`, { argument: `entries[${index}].fields` });
  input.fields.forEach((path) => text(path, "fields", index, MAX_FIELD_PATH));
  if (input.customerIds.length > MAX_CUSTOMER_IDS) throw badInput(`entries[${index}].customerIds holds at most ${MAX_CUSTOMER_IDS} ids`, { argument: `entries[${index}].customerIds` });
  input.customerIds.forEach((id) => text(id, "customerIds", index, 100));
  const identities = [...new Set(input.identities ?? [])];
  if (identities.length > MAX_CUSTOMER_IDS) throw badInput(`entries[${index}].identities holds at most ${MAX_CUSTOMER_IDS} ids`, { argument: `entries[${index}].identities` });
  identities.forEach((identity) => text(identity, "identities", index, 200));
  if (input.arguments != null) text(input.arguments, "arguments", index, MAX_ARGUMENTS);
  if (!input.errorCodes.every((code) => CODE.test(code))) throw badInput(`entries[${index}].errorCodes must be UPPER_SNAKE codes`, { argument: `entries[${index}].errorCodes` });
  const at = new Date(time).toISOString();
  return {
    entry: {
      id: input.id,
      at,
      request_id: text(input.requestId, "requestId", index),
      actor_subject: text(input.actorSubject, "actorSubject", index),
      actor_name: text(input.actorName, "actorName", index),
      role: input.role,
      organization: text(input.organization, "organization", index),
      operation_type: input.operationType,
      operation_name: input.operationName ? text(input.operationName, "operationName", index) : null,
      fields: input.fields.join("\n"),
      outcome: input.outcome,
      error_codes: [...new Set(input.errorCodes)].join(","),
      identities: identities.join("\n"),
      arguments: input.arguments ?? null,
    },
    customers: [...new Set(input.customerIds)].map((customerId) => ({ entry_id: input.id, customer_id: customerId, at })),
  };
}

export function checkEntryCount(count: number): void {
  if (count > MAX_ENTRIES_PER_CALL) throw badInput(`record at most ${MAX_ENTRIES_PER_CALL} entries per call`, { argument: "entries" });
}
