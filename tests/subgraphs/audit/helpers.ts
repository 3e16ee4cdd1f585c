import type { Caller } from "../../../common/caller";
import type { AuditEntryInput } from "../../../gateway/plugins/auditTrail";

export const SYSTEM: Caller = { subject: "gateway", name: "Customer 360 gateway", role: "system", organization: "platform" };
export const ANALYST: Caller = { subject: "analyst-ma", name: "马分析 Analyst Ma", role: "analyst", organization: "platform" };
export const PARTNER: Caller = { subject: "partner-ht", name: "恒通 Hengtong partner desk", role: "partner", organization: "hengtong" };

export const RECORD = `mutation Record($entries: [AuditEntryInput!]!) { recordAuditEntries(entries: $entries) }`;

export const TRAIL = `query Trail($customerId: String, $actorSubject: String, $first: Int, $after: String) {
  auditTrail(customerId: $customerId, actorSubject: $actorSubject, first: $first, after: $after) {
    hasMore endCursor
    entries { id at requestId actorSubject actorName role organization operationType operationName fields outcome errorCodes customerIds }
  }
}`;

let sequence = 0;

/** An entry as the gateway would write it; ids are unique per test run so suites never collide. */
export function entry(overrides: Partial<AuditEntryInput> & { customerIds: string[] }, actor: Caller): AuditEntryInput {
  sequence += 1;
  const id = `t-${process.pid}-${Date.now().toString(36)}-${sequence}`;
  return {
    id,
    at: new Date().toISOString(),
    requestId: `req-${id}`,
    actorSubject: actor.subject,
    actorName: actor.name,
    role: actor.role,
    organization: actor.organization,
    operationType: "QUERY",
    operationName: "CustomerOverview",
    fields: ["customer.name", "customer.timeline.entries.summary"],
    outcome: "OK",
    errorCodes: [],
    identities: [],
    arguments: null,
    ...overrides,
  };
}
