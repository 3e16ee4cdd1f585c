/*
 * The domain event catalogue, declared once. Each timeline kind a mutation records maps to
 * one event type; the full type on the wire is `<source>.<type>` (the source is the
 * subgraph whose outbox holds it, e.g. `aftersales.visit.cancelled`). Versioning rule: a
 * version only ever gains optional payload fields; removing or changing a field is a new
 * version, published alongside the old one until every consumer has moved.
 */

/** What every event's payload carries: the thing that changed and the timeline line. */
export interface BasePayload {
  subjectType: string;
  subjectId: string;
  summary: string;
}

/** Who said so: the person and organization on whose word a change was made. */
export interface SaidBy {
  name: string;
  role?: string | null;
  organization: string;
}

/** What every event about a maker's service case carries, so other parties can follow it without asking. */
export interface CaseFacts {
  caseNumber?: string;
  /** The case's maker (organization code). */
  maker?: string;
  /** The retailer order the case came from, when there is one. */
  orderNumber?: string | null;
  /** The case's status after the change (OPEN, SCHEDULED, CLOSED, ...). */
  caseStatus?: string;
  /** Organizations that are parties to the case (the maker included). */
  parties?: string[];
  saidBy?: SaidBy;
}

/** A contractor's job (fieldservice) as other parties need it. */
export interface JobFacts {
  jobId?: string;
  visitId?: string;
  caseNumber?: string;
  maker?: string;
  /** The contractor's organization code (kuaixiu). */
  contractor?: string;
  technicianName?: string;
  technicianPhone?: string;
  status?: string;
  eta?: string | null;
  /** The event this change reacted to, and whose word it acted on. */
  causeEventId?: string;
  onWordOf?: SaidBy;
}

export interface EventCatalogue {
  "visit.cancelled": BasePayload &
    CaseFacts & {
      reason?: string;
      visitId?: string;
      windowStart?: string;
      windowEnd?: string;
      /** The reason says the customer resolved it himself (S1): no technician needed. */
      resolvedByCustomer?: boolean;
    };
  "visit.rescheduled": BasePayload &
    CaseFacts & {
      previousVisitId?: string;
      newVisitId?: string;
      windowStart?: string;
      windowEnd?: string;
      previousWindowStart?: string;
      previousWindowEnd?: string;
    };
  "case.resolved_by_customer": BasePayload & CaseFacts & { reason?: string; cancelledVisitIds?: string[] };
  /** The contractor working one of the case's visits became a party to it. */
  "case.party_joined": BasePayload & CaseFacts & { organization?: string; role?: string; onWordOf?: SaidBy };
  "callback.cancelled": BasePayload;
  "engineering_task.cancelled": BasePayload;
  "contact.logged": BasePayload;
  /** A contact fact every party reads first before calling (S5: "customer told jiangcheng it was resolved at 09:12"). */
  "contact.fact_recorded": BasePayload & { fact?: string; party?: string; toldAt?: string; caseNumber?: string; contactId?: string; onWordOf?: SaidBy };
  "dispute.opened": BasePayload;
  "value_added_service.ordered": BasePayload;
  /** The retailer's return request (and its order) followed the maker's case. */
  "return.status_changed": BasePayload & { returnNumber?: string; orderNumber?: string; status?: string; nextStep?: string | null; orderStatus?: string; caseNumber?: string; causeEventId?: string; onWordOf?: SaidBy };
  "job.cancelled": BasePayload & JobFacts & { reason?: string };
  "job.moved": BasePayload & JobFacts & { previousVisitId?: string; windowStart?: string; windowEnd?: string };
  "job.eta_updated": BasePayload & JobFacts;
  "login.unlocked": BasePayload;
  "verification.code_sent": BasePayload;
  "verification.failed": BasePayload;
  "verification.passed": BasePayload;
}

export type EventType = keyof EventCatalogue;

interface CatalogueEntry {
  type: EventType;
  version: number;
}

/** Timeline kind -> event type and its current version. */
export const EVENT_TYPES_BY_KIND: Record<string, CatalogueEntry> = {
  VISIT_CANCELLED: { type: "visit.cancelled", version: 1 },
  VISIT_RESCHEDULED: { type: "visit.rescheduled", version: 1 },
  CASE_RESOLVED_BY_CUSTOMER: { type: "case.resolved_by_customer", version: 1 },
  CASE_PARTY_JOINED: { type: "case.party_joined", version: 1 },
  CALLBACK_CANCELLED: { type: "callback.cancelled", version: 1 },
  ENGINEERING_TASK_CANCELLED: { type: "engineering_task.cancelled", version: 1 },
  CONTACT_LOGGED: { type: "contact.logged", version: 1 },
  CONTACT_FACT_RECORDED: { type: "contact.fact_recorded", version: 1 },
  DISPUTE_OPENED: { type: "dispute.opened", version: 1 },
  VAS_ORDERED: { type: "value_added_service.ordered", version: 1 },
  RETURN_STATUS_CHANGED: { type: "return.status_changed", version: 1 },
  JOB_CANCELLED: { type: "job.cancelled", version: 1 },
  JOB_MOVED: { type: "job.moved", version: 1 },
  ETA_UPDATED: { type: "job.eta_updated", version: 1 },
  LOGIN_UNLOCKED: { type: "login.unlocked", version: 1 },
  VERIFICATION_CODE_SENT: { type: "verification.code_sent", version: 1 },
  VERIFICATION_FAILED: { type: "verification.failed", version: 1 },
  VERIFICATION_PASSED: { type: "verification.passed", version: 1 },
};

/**
 * The event type for a timeline kind. A kind not in the catalogue still publishes (under
 * its lower-cased kind, version 1) so no state change is silent; adding it here types it.
 */
export function eventTypeForKind(kind: string): CatalogueEntry {
  return EVENT_TYPES_BY_KIND[kind] ?? { type: kind.toLowerCase() as EventType, version: 1 };
}
