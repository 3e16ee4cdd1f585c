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
  /**
   * A system created a customer record (retailer customer, maker registration, billing
   * account, security login): what it knows of the person, normalized by
   * common/normalizeIdentity.ts, for the identity graph to link. Written in the same
   * transaction as the record. subjectType/subjectId name the record; ownerId is identityId.
   */
  "identity.registered": BasePayload & IdentityRegisteredPayload;
  "order.recorded": BasePayload & { orderNumber: string; customerId: string; skus: string[]; serials: string[] };
  "device.registered": BasePayload & { serial: string; model: string; maker: string; registrationId: string; retailerOrderNumber?: string | null };
  "case.opened": BasePayload & { caseNumber: string; maker: string; serial?: string | null; orderNumber?: string | null; parties: string[] };
  "visit.scheduled": BasePayload & VisitScheduledPayload;
  // Issue 14, hand-over workflows (aftersales; docs/STATE_MACHINES.md).
  "case.opened_from_return": BasePayload & { caseNumber: string; returnNumber: string; orderNumber: string; maker: string };
  "case.assigned": BasePayload & { caseNumber: string; assignee: string; tier: string; previousHandler: string | null };
  "case.escalated": BasePayload & { caseNumber: string; fromTier: string; toTier: string; reason: string };
  "case.taken_over": BasePayload & { caseNumber: string; tier: string };
  "case.priority_changed": BasePayload & { caseNumber: string; fromPriority: string; toPriority: string; reason: string };
  "case.transferred": BasePayload & { caseNumber: string; fromOrganization: string; toOrganization: string; reason: string };
  "engineering_task.opened": BasePayload & { caseNumber: string; taskId: string; dueAt: string; assignee: string };
  "engineering_task.done": BasePayload & { caseNumber: string; taskId: string; result: string };
  "callback.promised": BasePayload & { caseNumber: string; callbackId: string; dueAt: string; purpose: string };
  "callback.kept": BasePayload & { caseNumber: string; callbackId: string; dueAt: string; late: boolean };
  "callback.broken": BasePayload & { caseNumber: string; callbackId: string; dueAt: string; late: boolean };
  /** Never the text of an INTERNAL note: only that one was added. */
  "case.note_added": BasePayload & { caseNumber: string; noteId: string; visibility: "INTERNAL" | "SHARED" };
  // Issue 14 part B: complaints, surveys, service-center arrangements, replacements, store refunds.
  "complaint.filed": BasePayload & { customerId?: string; againstOrganization?: string; owner?: { name: string; team?: string | null; organization: string }; dueAt?: string };
  "complaint.escalated": BasePayload & { reason?: string; newOwner?: { name: string; team?: string | null; organization: string } | null };
  "complaint.answered": BasePayload & { lateMinutes?: number };
  "complaint.closed": BasePayload;
  "survey.sent": BasePayload & { customerId?: string; party?: string; aboutType?: string | null; aboutId?: string | null };
  "survey.answered": BasePayload & { score?: number };
  "service_center.arranged": BasePayload & { caseNumber?: string; serviceCenterId?: string; scheduledFor?: string; returnRequestNumber?: string | null };
  "service_center.sms_sent": BasePayload & { caseNumber?: string; arrangementId?: string; to?: string };
  "return_certificate.issued": BasePayload & { caseNumber?: string; arrangementId?: string; certificateNumber?: string; returnRequestNumber?: string | null; maker?: string };
  "replacement.shipped": BasePayload & { caseNumber?: string; carrier?: string; trackingNumber?: string };
  "replacement.old_unit_returned": BasePayload & { caseNumber?: string };
  "return.refunded": BasePayload & { returnNumber?: string; certificateNumber?: string; refundFen?: number; caseNumber?: string | null };
  // Issue 13 item 4: the carrier's and the account platform's own customer records (identity sources).
  /** A carrier opened a billing account for a new subscriber, with its first line on the plan chosen. No line number: a mobile line's is the holder's phone. */
  "account.opened": BasePayload & { accountNumber: string; provider: string; accountType: string; plan: string; lineKind: string };
  /** The account platform registered a login (a new platform account) for a customer. */
  "login.registered": BasePayload & { loginId: string; organization: string };
}

export interface IdentityRegisteredPayload {
  /** The system holding the record (supergraph service name): orders, aftersales, billing, security. */
  system: string;
  /** The record's id in that system (RC-..., MR-..., BA-..., a login id). */
  identityId: string;
  /** E.164-like digits with country code ("8613807191234"); null when the system has none. */
  mobile: string | null;
  /** Trimmed, lower-cased; null when the system has none. */
  email: string | null;
  name: string;
  city: string | null;
  /** True when the system knows the number is a shared/home phone (landlines always); null when it does not know. */
  sharedPhone: boolean | null;
  /** The organization whose record it is (yougou, aolan, ...). */
  organization: string;
}

/** A maker's technician visit was booked; a field contractor (when named) works it. */
export interface VisitScheduledPayload {
  visitId: string;
  caseNumber: string;
  maker: string;
  windowStart: string;
  windowEnd: string;
  technicianName?: string | null;
  technicianPhone?: string | null;
  /** Organization code of the field contractor doing the visit (e.g. kuaixiu); null when the maker's own center goes. */
  contractor?: string | null;
  /** Job notes for the technician (what the fault is). */
  note?: string | null;
  previousVisitId?: string | null;
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
  IDENTITY_REGISTERED: { type: "identity.registered", version: 1 },
  ORDER_RECORDED: { type: "order.recorded", version: 1 },
  DEVICE_REGISTERED: { type: "device.registered", version: 1 },
  CASE_OPENED: { type: "case.opened", version: 1 },
  VISIT_SCHEDULED: { type: "visit.scheduled", version: 1 },
  // Issue 14, hand-over workflows.
  CASE_OPENED_FROM_RETURN: { type: "case.opened_from_return", version: 1 },
  CASE_ASSIGNED: { type: "case.assigned", version: 1 },
  CASE_ESCALATED: { type: "case.escalated", version: 1 },
  CASE_TAKEN_OVER: { type: "case.taken_over", version: 1 },
  CASE_PRIORITY_CHANGED: { type: "case.priority_changed", version: 1 },
  CASE_TRANSFERRED: { type: "case.transferred", version: 1 },
  TASK_OPENED: { type: "engineering_task.opened", version: 1 },
  TASK_DONE: { type: "engineering_task.done", version: 1 },
  CALLBACK_PROMISED: { type: "callback.promised", version: 1 },
  CALLBACK_KEPT: { type: "callback.kept", version: 1 },
  CALLBACK_BROKEN: { type: "callback.broken", version: 1 },
  CASE_NOTE_ADDED: { type: "case.note_added", version: 1 },
  COMPLAINT_FILED: { type: "complaint.filed", version: 1 },
  COMPLAINT_ESCALATED: { type: "complaint.escalated", version: 1 },
  COMPLAINT_ANSWERED: { type: "complaint.answered", version: 1 },
  COMPLAINT_CLOSED: { type: "complaint.closed", version: 1 },
  SURVEY_SENT: { type: "survey.sent", version: 1 },
  SURVEY_ANSWERED: { type: "survey.answered", version: 1 },
  SERVICE_CENTER_ARRANGED: { type: "service_center.arranged", version: 1 },
  SERVICE_CENTER_SMS_SENT: { type: "service_center.sms_sent", version: 1 },
  RETURN_CERTIFICATE_ISSUED: { type: "return_certificate.issued", version: 1 },
  REPLACEMENT_SHIPPED: { type: "replacement.shipped", version: 1 },
  REPLACEMENT_OLD_UNIT_RETURNED: { type: "replacement.old_unit_returned", version: 1 },
  RETURN_REFUNDED: { type: "return.refunded", version: 1 },
  BILLING_ACCOUNT_OPENED: { type: "account.opened", version: 1 },
  LOGIN_REGISTERED: { type: "login.registered", version: 1 },
};

/**
 * The event type for a timeline kind. A kind not in the catalogue still publishes (under
 * its lower-cased kind, version 1) so no state change is silent; adding it here types it.
 */
export function eventTypeForKind(kind: string): CatalogueEntry {
  return EVENT_TYPES_BY_KIND[kind] ?? { type: kind.toLowerCase() as EventType, version: 1 };
}
