/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The new subscriber holding the account, as the carrier's desk takes it down. */
export type BillingHolderInput = {
  /** Service or billing address, at most 200 characters */
  address?: string | null | undefined;
  /** City (武汉, Wuhan) */
  city: string;
  email?: string | null | undefined;
  /** The holder's mobile, any common form (138 0719 1234, +86 138-0719-1234); a MOBILE plan's line is this number */
  mobile: string;
  /** As the holder gives it, at most 60 characters */
  name: string;
  /** Latin spelling (Wang Lei) */
  nameLatin?: string | null | undefined;
};

/** A contact attempt to record in the shared contact log. */
export type ContactLogInput = {
  /** PHONE, SMS, APP, EMAIL, VISIT */
  channel: string;
  customerId: string;
  /** OUTBOUND or INBOUND */
  direction: string;
  note?: string | null | undefined;
  /** REACHED, NO_ANSWER, BUSY, TOLD_RESOLVED, CALLBACK_PROMISED, ... */
  outcome: string;
  /** Organization on the other end of the line */
  party: string;
  subjectId?: string | null | undefined;
  subjectType?: string | null | undefined;
};

/** A return, refund or repair request the retailer's desk files for a buyer on one of their orders (S1: the water heater leaks). */
export type FileReturnRequestInput = {
  /** Repeating with the same key returns the same answer */
  idempotencyKey: string;
  /** The order line it is about; 1 when omitted */
  lineNo?: number | null | undefined;
  /** The order (YG-...) */
  orderNumber: string;
  /** What is wrong, in the customer's words; at most 300 characters */
  reason: string;
  type: ReturnRequestType;
};

export type LoginAttemptResult =
  | 'LOCKED'
  | 'SUCCESS'
  | 'WRONG_PASSWORD'
  | 'WRONG_SMS_CODE';

/** What serviceMetrics rows are per (DAY: UTC calendar day) */
export type MetricsGrouping =
  | 'CITY'
  | 'DAY'
  | 'DEVICE_MODEL'
  | 'ORGANIZATION'
  | 'SOURCE'
  | 'TIER';

/** An individual account a carrier opens for a new subscriber, with its first line on `plan`. */
export type OpenBillingAccountInput = {
  holder: BillingHolderInput;
  /** Repeating with the same key returns the same answer and writes nothing */
  idempotencyKey: string;
  /** Plan code of the caller's own operator: UNI-IND-39, UNI-IND-59, UNI-BB-100M (unicom); JC-HD-BASIC (jiangcheng) */
  plan: string;
};

/** A new login on the account platform, as the platform's desk takes it down. */
export type RegisterLoginInput = {
  /** Name on the account, at most 60 characters */
  displayName: string;
  /** Latin transcription (Li Na) */
  displayNameLatin?: string | null | undefined;
  email?: string | null | undefined;
  /** Repeating with the same key returns the same answer and writes nothing */
  idempotencyKey: string;
  /** The login id the customer chose (letters, digits, . _ -; 3-32 characters); a fresh u-n... id when omitted */
  loginId?: string | number | null | undefined;
  /** The phone codes are sent to: a mobile, any common form (139 1234 5678, +86 139-1234-5678) */
  mobile: string;
};

/** What the customer asked for after the sale. */
export type ReturnRequestType =
  | 'EXCHANGE'
  | 'REFUND'
  | 'REPAIR';

export type SecurityLoginStatus =
  | 'ACTIVE'
  | 'LOCKED';

export type SecurityNotificationChannel =
  | 'APP'
  | 'EMAIL'
  | 'SMS';

/** SENT: handed to the carrier; DELIVERED: the carrier confirmed receipt */
export type SecurityNotificationDeliveryStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'SENT';

/** Narrows service history; every list means any of its values, omitted means all. */
export type ServiceHistoryFilter = {
  cities?: Array<string> | null | undefined;
  deviceModels?: Array<string> | null | undefined;
  /** Event types (visit_cancelled or visit.cancelled) */
  kinds?: Array<string> | null | undefined;
  organizations?: Array<string> | null | undefined;
  /** From this time (ISO 8601, inclusive) */
  since?: string | null | undefined;
  /** Source subgraphs (aftersales, billing, ...) */
  sources?: Array<string> | null | undefined;
  tiers?: Array<string> | null | undefined;
  /** Until this time (ISO 8601, exclusive) */
  until?: string | null | undefined;
};

/** Narrows service metrics (docs/ANALYTICS.md says what each dimension applies to). */
export type ServiceMetricsFilter = {
  cities?: Array<string> | null | undefined;
  deviceModels?: Array<string> | null | undefined;
  organizations?: Array<string> | null | undefined;
  /** From this time (ISO 8601, inclusive) */
  since?: string | null | undefined;
  sources?: Array<string> | null | undefined;
  tiers?: Array<string> | null | undefined;
  /** A complaint counts as unanswered after this many days without a response (default 30) */
  unansweredDays?: number | null | undefined;
  /** Until this time (ISO 8601, exclusive); also the 'as of' time for overdue and unanswered (default now) */
  until?: string | null | undefined;
};

export type AnalystMetricsQueryVariables = Exact<{
  groupBy: MetricsGrouping;
  filter?: ServiceMetricsFilter | null | undefined;
}>;


export type AnalystMetricsQuery = { serviceMetrics: Array<{ group: string, mattersOpened: number, mattersResolved: number, escalationRate: number | null, handoffsPerMatter: number | null, partiesPerMatter: number | null, complaintsUnanswered: number, repeatContactsAfterResolution: number, overduePromises: number, averageDaysLate: number | null, maxDaysLate: number | null, surveysDuringOpenComplaint: number, verificationsRefused: number, firstResponseHours: { median: number, p90: number } | null, resolutionHours: { median: number, p90: number } | null }> };

export type AnalystHistoryQueryVariables = Exact<{
  filter?: ServiceHistoryFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type AnalystHistoryQuery = { serviceHistory: { hasMore: boolean, endCursor: string | null, events: Array<{ id: string, at: string, source: string, type: string, label: string, personKey: string, matterKey: string, matterType: string, organization: string | null, actorKey: string | null, actorRole: string | null, tier: string | null, city: string | null, deviceModel: string | null }> } };

export type OpenServiceCaseFromReturnMutationVariables = Exact<{
  returnNumber: string;
  serial: string;
  summary: string;
  idempotencyKey: string;
}>;


export type OpenServiceCaseFromReturnMutation = { openServiceCaseFromReturn: { number: string, status: string, tier: string, ownershipState: string, owningOrganization: string, returnNumber: string | null, order: { number: string } | null, handler: { name: string, organization: string, tier: string | null } | null } };

export type AssignCaseMutationVariables = Exact<{
  caseNumber: string;
  assigneeName: string;
  assigneeTeam?: string | null | undefined;
  assigneePhone?: string | null | undefined;
  reason?: string | null | undefined;
  idempotencyKey: string;
}>;


export type AssignCaseMutation = { assignCase: { number: string, ownershipState: string, handoffCount: number, handler: { name: string, team: string | null, organization: string, tier: string | null, since: string } | null } };

export type EscalateCaseMutationVariables = Exact<{
  caseNumber: string;
  reason: string;
  idempotencyKey: string;
}>;


export type EscalateCaseMutation = { escalateCase: { number: string, status: string, tier: string, ownershipState: string, handler: { name: string, tier: string | null } | null } };

export type TakeOverCaseMutationVariables = Exact<{
  caseNumber: string;
  team?: string | null | undefined;
  phone?: string | null | undefined;
  hours?: string | null | undefined;
  reason?: string | null | undefined;
  idempotencyKey: string;
}>;


export type TakeOverCaseMutation = { takeOverCase: { number: string, ownershipState: string, handoffCount: number, handler: { name: string, team: string | null, organization: string, tier: string | null, phone: string | null, hours: string | null, since: string } | null, handoffs: Array<{ at: string, reason: string | null, from: { name: string, tier: string | null } | null, to: { name: string, tier: string | null } }> } };

export type ChangeCasePriorityMutationVariables = Exact<{
  caseNumber: string;
  priority: string;
  reason: string;
  idempotencyKey: string;
}>;


export type ChangeCasePriorityMutation = { changeCasePriority: { number: string, priority: string } };

export type TransferCaseMutationVariables = Exact<{
  caseNumber: string;
  toOrganization: string;
  reason: string;
  idempotencyKey: string;
}>;


export type TransferCaseMutation = { transferCase: { number: string, owningOrganization: string, ownershipState: string, handler: { name: string, organization: string } | null, parties: Array<{ organization: string, role: string }>, transfers: Array<{ fromOrganization: string, toOrganization: string, reason: string, at: string }> } };

export type CreateEngineeringTaskMutationVariables = Exact<{
  caseNumber: string;
  title: string;
  priority: string;
  assigneeName: string;
  assigneeTeam?: string | null | undefined;
  dueAt: string;
  idempotencyKey: string;
}>;


export type CreateEngineeringTaskMutation = { createEngineeringTask: { id: string, title: string, status: string, priority: string, dueAt: string | null, assignee: { name: string, team: string | null, organization: string } } };

export type CompleteEngineeringTaskMutationVariables = Exact<{
  taskId: string;
  result: string;
  idempotencyKey: string;
}>;


export type CompleteEngineeringTaskMutation = { completeEngineeringTask: { id: string, status: string, outcome: string | null, doneAt: string | null } };

export type MakeCallbackPromiseMutationVariables = Exact<{
  caseNumber: string;
  purpose: string;
  dueAt: string;
  idempotencyKey: string;
}>;


export type MakeCallbackPromiseMutation = { makeCallbackPromise: { id: string, purpose: string, status: string, dueAt: string, promisedBy: { name: string, organization: string } } };

export type KeepCallbackPromiseMutationVariables = Exact<{
  callbackId: string;
  outcome: string;
  idempotencyKey: string;
}>;


export type KeepCallbackPromiseMutation = { keepCallbackPromise: { id: string, status: string, doneAt: string | null, keptLate: boolean, lateText: string | null } };

export type BreakCallbackPromiseMutationVariables = Exact<{
  callbackId: string;
  reason: string;
  idempotencyKey: string;
}>;


export type BreakCallbackPromiseMutation = { breakCallbackPromise: { id: string, status: string, doneAt: string | null } };

export type AddCaseNoteMutationVariables = Exact<{
  caseNumber: string;
  text: string;
  visibility: string;
  idempotencyKey: string;
}>;


export type AddCaseNoteMutation = { addCaseNote: { id: string, text: string, visibility: string, createdAt: string, author: { name: string, organization: string } } };

export type DeskComplaintFragment = { id: string, status: string, escalated: boolean, againstOrganization: string, summary: string, openedAt: string, dueAt: string | null, overdue: boolean, overdueText: string | null, answer: string | null, answeredAt: string | null, resolvedAt: string | null, owner: { name: string, team: string | null, organization: string } | null, answeredBy: { name: string, organization: string } | null };

export type DeskFileComplaintMutationVariables = Exact<{
  customerId: string;
  againstOrganization: string;
  summary: string;
  ownerName: string;
  ownerTeam?: string | null | undefined;
  dueAt: string;
  idempotencyKey: string;
}>;


export type DeskFileComplaintMutation = { fileComplaint: { id: string, status: string, escalated: boolean, againstOrganization: string, summary: string, openedAt: string, dueAt: string | null, overdue: boolean, overdueText: string | null, answer: string | null, answeredAt: string | null, resolvedAt: string | null, owner: { name: string, team: string | null, organization: string } | null, answeredBy: { name: string, organization: string } | null } };

export type DeskEscalateComplaintMutationVariables = Exact<{
  complaintId: string;
  reason: string;
  newOwnerName?: string | null | undefined;
  newOwnerTeam?: string | null | undefined;
  idempotencyKey: string;
}>;


export type DeskEscalateComplaintMutation = { escalateComplaint: { id: string, status: string, escalated: boolean, againstOrganization: string, summary: string, openedAt: string, dueAt: string | null, overdue: boolean, overdueText: string | null, answer: string | null, answeredAt: string | null, resolvedAt: string | null, owner: { name: string, team: string | null, organization: string } | null, answeredBy: { name: string, organization: string } | null } };

export type DeskAnswerComplaintMutationVariables = Exact<{
  complaintId: string;
  answer: string;
  idempotencyKey: string;
}>;


export type DeskAnswerComplaintMutation = { answerComplaint: { id: string, status: string, escalated: boolean, againstOrganization: string, summary: string, openedAt: string, dueAt: string | null, overdue: boolean, overdueText: string | null, answer: string | null, answeredAt: string | null, resolvedAt: string | null, owner: { name: string, team: string | null, organization: string } | null, answeredBy: { name: string, organization: string } | null } };

export type DeskCloseComplaintMutationVariables = Exact<{
  complaintId: string;
  note?: string | null | undefined;
  idempotencyKey: string;
}>;


export type DeskCloseComplaintMutation = { closeComplaint: { id: string, status: string, escalated: boolean, againstOrganization: string, summary: string, openedAt: string, dueAt: string | null, overdue: boolean, overdueText: string | null, answer: string | null, answeredAt: string | null, resolvedAt: string | null, owner: { name: string, team: string | null, organization: string } | null, answeredBy: { name: string, organization: string } | null } };

export type DeskRecordSurveySentMutationVariables = Exact<{
  customerId: string;
  subjectType?: string | null | undefined;
  subjectId?: string | null | undefined;
  idempotencyKey: string;
}>;


export type DeskRecordSurveySentMutation = { recordSurveySent: { id: string, party: string, sentAt: string, status: string, subjectType: string | null, subjectId: string | null } };

export type DeskRecordSurveyAnswerMutationVariables = Exact<{
  surveyId: string;
  score: number;
  comment?: string | null | undefined;
  idempotencyKey: string;
}>;


export type DeskRecordSurveyAnswerMutation = { recordSurveyAnswer: { id: string, status: string, score: number | null, comment: string | null, answeredAt: string | null } };

export type DeskArrangementFragment = { id: string, kind: string, status: string, caseNumber: string | null, description: string, scheduledFor: string | null, arrangedAt: string, smsSentAt: string | null, smsTo: string | null, smsText: string | null, certificateNumber: string | null, certificateIssuedAt: string | null, returnRequestNumber: string | null, arrangedBy: { name: string, organization: string }, serviceCenter: { id: string, name: string, address: string, phone: string, hours: string } | null };

export type DeskArrangeServiceCenterVisitMutationVariables = Exact<{
  caseNumber: string;
  kind: string;
  scheduledFor: string;
  city?: string | null | undefined;
  returnRequestNumber?: string | null | undefined;
  idempotencyKey: string;
}>;


export type DeskArrangeServiceCenterVisitMutation = { arrangeServiceCenterVisit: { id: string, kind: string, status: string, caseNumber: string | null, description: string, scheduledFor: string | null, arrangedAt: string, smsSentAt: string | null, smsTo: string | null, smsText: string | null, certificateNumber: string | null, certificateIssuedAt: string | null, returnRequestNumber: string | null, arrangedBy: { name: string, organization: string }, serviceCenter: { id: string, name: string, address: string, phone: string, hours: string } | null } };

export type DeskSendServiceCenterSmsMutationVariables = Exact<{
  arrangementId: string;
  phone: string;
  idempotencyKey: string;
}>;


export type DeskSendServiceCenterSmsMutation = { sendServiceCenterSms: { id: string, kind: string, status: string, caseNumber: string | null, description: string, scheduledFor: string | null, arrangedAt: string, smsSentAt: string | null, smsTo: string | null, smsText: string | null, certificateNumber: string | null, certificateIssuedAt: string | null, returnRequestNumber: string | null, arrangedBy: { name: string, organization: string }, serviceCenter: { id: string, name: string, address: string, phone: string, hours: string } | null } };

export type DeskIssueReturnCertificateMutationVariables = Exact<{
  arrangementId: string;
  finding: string;
  idempotencyKey: string;
}>;


export type DeskIssueReturnCertificateMutation = { issueReturnCertificate: { id: string, kind: string, status: string, caseNumber: string | null, description: string, scheduledFor: string | null, arrangedAt: string, smsSentAt: string | null, smsTo: string | null, smsText: string | null, certificateNumber: string | null, certificateIssuedAt: string | null, returnRequestNumber: string | null, arrangedBy: { name: string, organization: string }, serviceCenter: { id: string, name: string, address: string, phone: string, hours: string } | null } };

export type DeskReplacementFragment = { id: string, caseNumber: string | null, productName: string, carrier: string, trackingNumber: string, shippedAt: string, status: string, oldUnitReturned: boolean, oldUnitReturnedAt: string | null };

export type DeskShipAdvanceReplacementMutationVariables = Exact<{
  caseNumber: string;
  productName: string;
  carrier: string;
  trackingNumber: string;
  idempotencyKey: string;
}>;


export type DeskShipAdvanceReplacementMutation = { shipAdvanceReplacement: { id: string, caseNumber: string | null, productName: string, carrier: string, trackingNumber: string, shippedAt: string, status: string, oldUnitReturned: boolean, oldUnitReturnedAt: string | null } };

export type DeskMarkReplacementReturnedMutationVariables = Exact<{
  replacementId: string;
  idempotencyKey: string;
}>;


export type DeskMarkReplacementReturnedMutation = { markReplacementReturned: { id: string, caseNumber: string | null, productName: string, carrier: string, trackingNumber: string, shippedAt: string, status: string, oldUnitReturned: boolean, oldUnitReturnedAt: string | null } };

export type DeskRefundReturnAtStoreMutationVariables = Exact<{
  returnNumber: string;
  certificateNumber: string;
  caseNumber?: string | null | undefined;
  idempotencyKey: string;
}>;


export type DeskRefundReturnAtStoreMutation = { refundReturnAtStore: { number: string, status: string, refundFen: number | null, closedAt: string | null, handlingParty: string, makerCertificateNumber: string | null, makerCaseNumber: string | null, refundedAt: string | null, refundedBy: string | null } };

export type DeskFileReturnRequestMutationVariables = Exact<{
  input: FileReturnRequestInput;
}>;


export type DeskFileReturnRequestMutation = { fileReturnRequest: { number: string, type: ReturnRequestType, status: string, nextStep: string | null, handlingParty: string, lineNo: number, openedAt: string } };

export type Customer360QueryVariables = Exact<{
  identifier: string;
}>;


export type Customer360Query = { findCustomers: { result: { missingSources: Array<string>, candidates: Array<{ matchedBy: Array<string>, customer: { id: string, name: string, nameLatin: string | null, city: string | null, beforeYouCall: Array<{ party: string, headline: string }>, overview: { result: { openMatters: { count: number, overdueCount: number, missingSources: Array<string>, surveyEligibility: { eligible: boolean, reasons: Array<string> }, matters: Array<{ source: string, kind: string, title: string, status: string, priority: string | null, openedAt: string, dueAt: string, overdue: boolean, subjectType: string, subjectId: string, handler: { name: string, team: string | null, organization: string, tier: string | null, phone: string | null, hours: string | null, since: string } | null, handoffs: Array<{ at: string, reason: string | null, from: { name: string, tier: string | null } | null, to: { name: string, tier: string | null } }>, promises: Array<{ description: string, dueAt: string, status: string, overdue: boolean, overdueText: string | null, madeBy: { name: string, organization: string } | null }> }> }, timeline: { missingSources: Array<string>, entries: Array<{ at: string, source: string, kind: string, summary: string, subjectType: string, subjectId: string, actor: { name: string, role: string | null, organization: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } } } }> } } };

export type DeskOpenBillingAccountMutationVariables = Exact<{
  input: OpenBillingAccountInput;
}>;


export type DeskOpenBillingAccountMutation = { openBillingAccount: { account: { number: string, provider: string, providerName: string, type: string, holderName: string, contactPhoneMasked: string | null, status: string, openedAt: string }, line: { number: string, kind: string, memberRole: string, status: string, activatedAt: string } } };

export type DeskRegisterLoginMutationVariables = Exact<{
  input: RegisterLoginInput;
}>;


export type DeskRegisterLoginMutation = { registerLogin: { id: string, displayName: string, displayNameLatin: string | null, maskedPhone: string, status: SecurityLoginStatus, isLocked: boolean } };

export type FieldTechnicianForVisitQueryVariables = Exact<{
  visitId: string;
}>;


export type FieldTechnicianForVisitQuery = { visit: { id: string, windowStart: string, windowEnd: string, status: string, fieldJob: { id: string, status: string, technicianName: string, technicianPhone: string, eta: string | null, position: { lat: number, lng: number, updatedAt: string } | null, notes: Array<{ at: string, author: string, text: string }> } | null } | null };

export type UpdateFieldJobEtaMutationVariables = Exact<{
  jobId: string | number;
  eta: string;
  note?: string | null | undefined;
  idempotencyKey: string;
}>;


export type UpdateFieldJobEtaMutation = { updateFieldJobEta: { id: string, eta: string | null, status: string } };

export type PartnerTimelineSliceQueryVariables = Exact<{
  customerId: string | number;
  sources?: Array<string> | string | null | undefined;
}>;


export type PartnerTimelineSliceQuery = { customer: { id: string, timeline: { result: { sources: Array<string>, missingSources: Array<string>, entries: Array<{ id: string, at: string, source: string, kind: string, summary: string, subjectType: string, subjectId: string, cursor: string, actor: { name: string, role: string | null, organization: string, team: string | null } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } } | null };

export type PartnerOpenMattersQueryVariables = Exact<{
  customerId: string | number;
}>;


export type PartnerOpenMattersQuery = { customer: { openMatters: { result: { missingSources: Array<string>, matters: Array<{ id: string, source: string, kind: string, title: string, status: string, subjectType: string, subjectId: string, dueAt: string, overdue: boolean, handler: { name: string, organization: string, phone: string | null, hours: string | null } | null, promises: Array<{ description: string, dueAt: string, overdue: boolean }> }> } } } | null };

export type PartnerLookupQueryVariables = Exact<{
  identifier: string;
}>;


export type PartnerLookupQuery = { findCustomers: { result: { missingSources: Array<string>, candidates: Array<{ matchedBy: Array<string>, customer: { id: string, name: string } }> } } };

export type ConsoleFindQueryVariables = Exact<{
  identifier: string;
}>;


export type ConsoleFindQuery = { findCustomers: { result: { kind: string, normalized: string, missingSources: Array<string>, candidates: Array<{ matchedBy: Array<string>, customer: { id: string, name: string, nameLatin: string | null, city: string | null, cityLatin: string | null } }> } } };

export type ConsoleCustomerQueryVariables = Exact<{
  id: string | number;
  first: number;
}>;


export type ConsoleCustomerQuery = { customer: { id: string, name: string, nameLatin: string | null, city: string | null, cityLatin: string | null, phones: Array<{ number: string, label: string }>, beforeYouCall: Array<{ party: string, headline: string }>, securityLogins: Array<{ id: string, displayName: string, status: SecurityLoginStatus, isLocked: boolean, maskedPhone: string }>, overview: { result: { openMatters: { count: number, overdueCount: number, missingSources: Array<string>, surveyEligibility: { eligible: boolean, reasons: Array<string> }, matters: Array<{ id: string, source: string, kind: string, title: string, status: string, priority: string | null, openedAt: string, dueAt: string, overdue: boolean, subjectType: string, subjectId: string, handler: { name: string, team: string | null, organization: string, tier: string | null, phone: string | null, hours: string | null, since: string } | null, handoffs: Array<{ at: string, reason: string | null, from: { name: string, organization: string, tier: string | null } | null, to: { name: string, organization: string, tier: string | null } }>, promises: Array<{ id: string, description: string, dueAt: string, status: string, overdue: boolean, overdueText: string | null, madeBy: { name: string, organization: string } | null }> }> }, timeline: { missingSources: Array<string>, sources: Array<string>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, entries: Array<{ id: string, at: string, source: string, kind: string, summary: string, subjectType: string, subjectId: string, actor: { name: string, role: string | null, organization: string } | null, subject:
              | { __typename: 'BillingAccount', balanceYuan: string, accountNumber: string, accountStatus: string }
              | { __typename: 'BillingDispute', id: string, reason: string, disputeStatus: string }
              | { __typename: 'Device', serial: string, model: string, productName: string }
              | { __typename: 'Invoice', number: string, status: string, totalYuan: string, dueAt: string }
              | { __typename: 'Order', number: string, status: string, totalYuan: string }
              | { __typename: 'Outage', id: string, area: string, cause: string | null, outageStatus: string }
              | { __typename: 'ReturnRequest', nextStep: string | null, returnNumber: string, returnStatus: string }
              | { __typename: 'SecurityLogin', id: string, isLocked: boolean, loginStatus: SecurityLoginStatus }
              | { __typename: 'ServiceCase', number: string, status: string, tier: string, summary: string }
              | { __typename: 'ValueAddedServiceOrder', service: string, serviceOrderNumber: string, serviceStatus: string }
              | { __typename: 'Visit', id: string, status: string, windowStart: string, windowEnd: string, technician: { name: string, phone: string } | null }
             | null }> } } } } | null };

export type ConsoleTimelineQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
  sources?: Array<string> | string | null | undefined;
  kinds?: Array<string> | string | null | undefined;
}>;


export type ConsoleTimelineQuery = { customer: { id: string, timeline: { result: { missingSources: Array<string>, sources: Array<string>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, entries: Array<{ id: string, at: string, source: string, kind: string, summary: string, subjectType: string, subjectId: string, actor: { name: string, role: string | null, organization: string } | null, subject:
            | { __typename: 'BillingAccount', balanceYuan: string, accountNumber: string, accountStatus: string }
            | { __typename: 'BillingDispute', id: string, reason: string, disputeStatus: string }
            | { __typename: 'Device', serial: string, model: string, productName: string }
            | { __typename: 'Invoice', number: string, status: string, totalYuan: string, dueAt: string }
            | { __typename: 'Order', number: string, status: string, totalYuan: string }
            | { __typename: 'Outage', id: string, area: string, cause: string | null, outageStatus: string }
            | { __typename: 'ReturnRequest', nextStep: string | null, returnNumber: string, returnStatus: string }
            | { __typename: 'SecurityLogin', id: string, isLocked: boolean, loginStatus: SecurityLoginStatus }
            | { __typename: 'ServiceCase', number: string, status: string, tier: string, summary: string }
            | { __typename: 'ValueAddedServiceOrder', service: string, serviceOrderNumber: string, serviceStatus: string }
            | { __typename: 'Visit', id: string, status: string, windowStart: string, windowEnd: string, technician: { name: string, phone: string } | null }
           | null }> } } } | null };

export type ConsoleSecurityDetailQueryVariables = Exact<{
  loginId: string | number;
}>;


export type ConsoleSecurityDetailQuery = { verificationStatus: { verifiedByName: string, verifiedUntil: string } | null, securityLogin: { id: string, status: SecurityLoginStatus, isLocked: boolean, maskedPhone: string, activeLockout: { id: string, cause: string, since: string, howToLift: string } | null, attempts: Array<{ id: string, at: string, ip: string, device: string, result: LoginAttemptResult, location: { city: string, country: string } }> | null, notifications: Array<{ id: string, at: string, channel: SecurityNotificationChannel, templateCode: string, text: string, maskedDestination: string, deliveryStatus: SecurityNotificationDeliveryStatus }> | null } | null };

export type ConsoleStartVerificationMutationVariables = Exact<{
  loginId: string | number;
  idempotencyKey: string;
}>;


export type ConsoleStartVerificationMutation = { startIdentityVerification: { id: string, loginId: string, maskedDestination: string, expiresAt: string, attemptsAllowed: number, devCode: string | null } };

export type ConsoleConfirmVerificationMutationVariables = Exact<{
  challengeId: string | number;
  code: string;
}>;


export type ConsoleConfirmVerificationMutation = { confirmIdentityVerification: { loginId: string, verifiedByName: string, verifiedUntil: string } };

export type ConsoleHandlerFragment = { name: string, team: string | null, organization: string, tier: string | null, phone: string | null, hours: string | null, since: string };

export type ConsoleMatterFragment = { id: string, source: string, kind: string, title: string, status: string, priority: string | null, openedAt: string, dueAt: string, overdue: boolean, subjectType: string, subjectId: string, handler: { name: string, team: string | null, organization: string, tier: string | null, phone: string | null, hours: string | null, since: string } | null, handoffs: Array<{ at: string, reason: string | null, from: { name: string, organization: string, tier: string | null } | null, to: { name: string, organization: string, tier: string | null } }>, promises: Array<{ id: string, description: string, dueAt: string, status: string, overdue: boolean, overdueText: string | null, madeBy: { name: string, organization: string } | null }> };

export type ConsoleTimelinePageFragment = { missingSources: Array<string>, sources: Array<string>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, entries: Array<{ id: string, at: string, source: string, kind: string, summary: string, subjectType: string, subjectId: string, actor: { name: string, role: string | null, organization: string } | null, subject:
      | { __typename: 'BillingAccount', balanceYuan: string, accountNumber: string, accountStatus: string }
      | { __typename: 'BillingDispute', id: string, reason: string, disputeStatus: string }
      | { __typename: 'Device', serial: string, model: string, productName: string }
      | { __typename: 'Invoice', number: string, status: string, totalYuan: string, dueAt: string }
      | { __typename: 'Order', number: string, status: string, totalYuan: string }
      | { __typename: 'Outage', id: string, area: string, cause: string | null, outageStatus: string }
      | { __typename: 'ReturnRequest', nextStep: string | null, returnNumber: string, returnStatus: string }
      | { __typename: 'SecurityLogin', id: string, isLocked: boolean, loginStatus: SecurityLoginStatus }
      | { __typename: 'ServiceCase', number: string, status: string, tier: string, summary: string }
      | { __typename: 'ValueAddedServiceOrder', service: string, serviceOrderNumber: string, serviceStatus: string }
      | { __typename: 'Visit', id: string, status: string, windowStart: string, windowEnd: string, technician: { name: string, phone: string } | null }
     | null }> };

export type OrderWithMakersCaseQueryVariables = Exact<{
  number: string;
}>;


export type OrderWithMakersCaseQuery = { order: { number: string, status: string, customer: { id: string, name: string }, returns: Array<{ number: string, status: string, nextStep: string | null }>, serviceCases: Array<{ number: string, status: string, tier: string, handler: { name: string, organization: string, phone: string | null, hours: string | null } | null, visits: Array<{ id: string, windowStart: string, windowEnd: string, status: string, technician: { name: string, phone: string } | null, serviceCenter: { name: string, phone: string, hours: string } | null }> }> } | null };

export type TimelinePageQueryVariables = Exact<{
  customerId: string | number;
  after?: string | null | undefined;
}>;


export type TimelinePageQuery = { customer: { timeline: { result: { missingSources: Array<string>, entries: Array<{ at: string, source: string, kind: string, summary: string, actor: { name: string, organization: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } } | null };

export type CancelVisitMutationVariables = Exact<{
  visitId: string;
  reason: string;
  idempotencyKey: string;
}>;


export type CancelVisitMutation = { cancelVisit: { id: string, status: string, cancelReason: string | null, cancelledBy: { name: string, organization: string } | null } };

export type ResolvedByCustomerMutationVariables = Exact<{
  caseNumber: string;
  note: string;
  idempotencyKey: string;
}>;


export type ResolvedByCustomerMutation = { resolveCaseByCustomer: { number: string, status: string, resolvedBy: string | null, visits: Array<{ id: string, status: string }>, callbacks: Array<{ id: string, status: string }> } };

export type LogContactMutationVariables = Exact<{
  input: ContactLogInput;
  idempotencyKey: string;
}>;


export type LogContactMutation = { logContact: { id: string, at: string, party: string, outcome: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DeskComplaintFragmentDoc = new TypedDocumentString(`
    fragment DeskComplaint on Complaint {
  id
  status
  escalated
  againstOrganization
  summary
  openedAt
  dueAt
  overdue
  overdueText
  owner {
    name
    team
    organization
  }
  answer
  answeredAt
  answeredBy {
    name
    organization
  }
  resolvedAt
}
    `, {"fragmentName":"DeskComplaint"}) as unknown as TypedDocumentString<DeskComplaintFragment, unknown>;
export const DeskArrangementFragmentDoc = new TypedDocumentString(`
    fragment DeskArrangement on ServiceArrangement {
  id
  kind
  status
  caseNumber
  description
  scheduledFor
  arrangedAt
  arrangedBy {
    name
    organization
  }
  serviceCenter {
    id
    name
    address
    phone
    hours
  }
  smsSentAt
  smsTo
  smsText
  certificateNumber
  certificateIssuedAt
  returnRequestNumber
}
    `, {"fragmentName":"DeskArrangement"}) as unknown as TypedDocumentString<DeskArrangementFragment, unknown>;
export const DeskReplacementFragmentDoc = new TypedDocumentString(`
    fragment DeskReplacement on ReplacementShipment {
  id
  caseNumber
  productName
  carrier
  trackingNumber
  shippedAt
  status
  oldUnitReturned
  oldUnitReturnedAt
}
    `, {"fragmentName":"DeskReplacement"}) as unknown as TypedDocumentString<DeskReplacementFragment, unknown>;
export const ConsoleHandlerFragmentDoc = new TypedDocumentString(`
    fragment ConsoleHandler on Handler {
  name
  team
  organization
  tier
  phone
  hours
  since
}
    `, {"fragmentName":"ConsoleHandler"}) as unknown as TypedDocumentString<ConsoleHandlerFragment, unknown>;
export const ConsoleMatterFragmentDoc = new TypedDocumentString(`
    fragment ConsoleMatter on OpenMatter {
  id
  source
  kind
  title
  status
  priority
  openedAt
  dueAt
  overdue
  subjectType
  subjectId
  handler {
    ...ConsoleHandler
  }
  handoffs {
    at
    reason
    from {
      name
      organization
      tier
    }
    to {
      name
      organization
      tier
    }
  }
  promises {
    id
    description
    dueAt
    status
    overdue
    overdueText
    madeBy {
      name
      organization
    }
  }
}
    fragment ConsoleHandler on Handler {
  name
  team
  organization
  tier
  phone
  hours
  since
}`, {"fragmentName":"ConsoleMatter"}) as unknown as TypedDocumentString<ConsoleMatterFragment, unknown>;
export const ConsoleTimelinePageFragmentDoc = new TypedDocumentString(`
    fragment ConsoleTimelinePage on TimelineResult {
  missingSources
  sources
  pageInfo {
    hasNextPage
    endCursor
  }
  entries {
    id
    at
    source
    kind
    summary
    subjectType
    subjectId
    actor {
      name
      role
      organization
    }
    subject {
      __typename
      ... on Order {
        number
        status
        totalYuan
      }
      ... on ReturnRequest {
        returnNumber: number
        returnStatus: status
        nextStep
      }
      ... on ValueAddedServiceOrder {
        serviceOrderNumber: number
        service
        serviceStatus: status
      }
      ... on ServiceCase {
        number
        status
        tier
        summary
      }
      ... on Visit {
        id
        status
        windowStart
        windowEnd
        technician {
          name
          phone
        }
      }
      ... on Device {
        serial
        model
        productName
      }
      ... on BillingAccount {
        accountNumber: number
        accountStatus: status
        balanceYuan
      }
      ... on Invoice {
        number
        status
        totalYuan
        dueAt
      }
      ... on BillingDispute {
        id
        disputeStatus: status
        reason
      }
      ... on Outage {
        id
        outageStatus: status
        area
        cause
      }
      ... on SecurityLogin {
        id
        loginStatus: status
        isLocked
      }
    }
  }
}
    `, {"fragmentName":"ConsoleTimelinePage"}) as unknown as TypedDocumentString<ConsoleTimelinePageFragment, unknown>;
export const AnalystMetricsDocument = new TypedDocumentString(`
    query AnalystMetrics($groupBy: MetricsGrouping!, $filter: ServiceMetricsFilter) {
  serviceMetrics(groupBy: $groupBy, filter: $filter) {
    group
    mattersOpened
    mattersResolved
    firstResponseHours {
      median
      p90
    }
    resolutionHours {
      median
      p90
    }
    escalationRate
    handoffsPerMatter
    partiesPerMatter
    complaintsUnanswered
    repeatContactsAfterResolution
    overduePromises
    averageDaysLate
    maxDaysLate
    surveysDuringOpenComplaint
    verificationsRefused
  }
}
    `) as unknown as TypedDocumentString<AnalystMetricsQuery, AnalystMetricsQueryVariables>;
export const AnalystHistoryDocument = new TypedDocumentString(`
    query AnalystHistory($filter: ServiceHistoryFilter, $first: Int!, $after: String) {
  serviceHistory(filter: $filter, first: $first, after: $after) {
    events {
      id
      at
      source
      type
      label
      personKey
      matterKey
      matterType
      organization
      actorKey
      actorRole
      tier
      city
      deviceModel
    }
    hasMore
    endCursor
  }
}
    `) as unknown as TypedDocumentString<AnalystHistoryQuery, AnalystHistoryQueryVariables>;
export const OpenServiceCaseFromReturnDocument = new TypedDocumentString(`
    mutation OpenServiceCaseFromReturn($returnNumber: String!, $serial: String!, $summary: String!, $idempotencyKey: String!) {
  openServiceCaseFromReturn(
    returnNumber: $returnNumber
    serial: $serial
    summary: $summary
    idempotencyKey: $idempotencyKey
  ) {
    number
    status
    tier
    ownershipState
    owningOrganization
    returnNumber
    order {
      number
    }
    handler {
      name
      organization
      tier
    }
  }
}
    `) as unknown as TypedDocumentString<OpenServiceCaseFromReturnMutation, OpenServiceCaseFromReturnMutationVariables>;
export const AssignCaseDocument = new TypedDocumentString(`
    mutation AssignCase($caseNumber: String!, $assigneeName: String!, $assigneeTeam: String, $assigneePhone: String, $reason: String, $idempotencyKey: String!) {
  assignCase(
    caseNumber: $caseNumber
    assigneeName: $assigneeName
    assigneeTeam: $assigneeTeam
    assigneePhone: $assigneePhone
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    number
    ownershipState
    handoffCount
    handler {
      name
      team
      organization
      tier
      since
    }
  }
}
    `) as unknown as TypedDocumentString<AssignCaseMutation, AssignCaseMutationVariables>;
export const EscalateCaseDocument = new TypedDocumentString(`
    mutation EscalateCase($caseNumber: String!, $reason: String!, $idempotencyKey: String!) {
  escalateCase(
    caseNumber: $caseNumber
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    number
    status
    tier
    ownershipState
    handler {
      name
      tier
    }
  }
}
    `) as unknown as TypedDocumentString<EscalateCaseMutation, EscalateCaseMutationVariables>;
export const TakeOverCaseDocument = new TypedDocumentString(`
    mutation TakeOverCase($caseNumber: String!, $team: String, $phone: String, $hours: String, $reason: String, $idempotencyKey: String!) {
  takeOverCase(
    caseNumber: $caseNumber
    team: $team
    phone: $phone
    hours: $hours
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    number
    ownershipState
    handoffCount
    handler {
      name
      team
      organization
      tier
      phone
      hours
      since
    }
    handoffs {
      from {
        name
        tier
      }
      to {
        name
        tier
      }
      at
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<TakeOverCaseMutation, TakeOverCaseMutationVariables>;
export const ChangeCasePriorityDocument = new TypedDocumentString(`
    mutation ChangeCasePriority($caseNumber: String!, $priority: String!, $reason: String!, $idempotencyKey: String!) {
  changeCasePriority(
    caseNumber: $caseNumber
    priority: $priority
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    number
    priority
  }
}
    `) as unknown as TypedDocumentString<ChangeCasePriorityMutation, ChangeCasePriorityMutationVariables>;
export const TransferCaseDocument = new TypedDocumentString(`
    mutation TransferCase($caseNumber: String!, $toOrganization: String!, $reason: String!, $idempotencyKey: String!) {
  transferCase(
    caseNumber: $caseNumber
    toOrganization: $toOrganization
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    number
    owningOrganization
    ownershipState
    handler {
      name
      organization
    }
    parties {
      organization
      role
    }
    transfers {
      fromOrganization
      toOrganization
      reason
      at
    }
  }
}
    `) as unknown as TypedDocumentString<TransferCaseMutation, TransferCaseMutationVariables>;
export const CreateEngineeringTaskDocument = new TypedDocumentString(`
    mutation CreateEngineeringTask($caseNumber: String!, $title: String!, $priority: String!, $assigneeName: String!, $assigneeTeam: String, $dueAt: String!, $idempotencyKey: String!) {
  createEngineeringTask(
    caseNumber: $caseNumber
    title: $title
    priority: $priority
    assigneeName: $assigneeName
    assigneeTeam: $assigneeTeam
    dueAt: $dueAt
    idempotencyKey: $idempotencyKey
  ) {
    id
    title
    status
    priority
    dueAt
    assignee {
      name
      team
      organization
    }
  }
}
    `) as unknown as TypedDocumentString<CreateEngineeringTaskMutation, CreateEngineeringTaskMutationVariables>;
export const CompleteEngineeringTaskDocument = new TypedDocumentString(`
    mutation CompleteEngineeringTask($taskId: String!, $result: String!, $idempotencyKey: String!) {
  completeEngineeringTask(
    taskId: $taskId
    result: $result
    idempotencyKey: $idempotencyKey
  ) {
    id
    status
    outcome
    doneAt
  }
}
    `) as unknown as TypedDocumentString<CompleteEngineeringTaskMutation, CompleteEngineeringTaskMutationVariables>;
export const MakeCallbackPromiseDocument = new TypedDocumentString(`
    mutation MakeCallbackPromise($caseNumber: String!, $purpose: String!, $dueAt: String!, $idempotencyKey: String!) {
  makeCallbackPromise(
    caseNumber: $caseNumber
    purpose: $purpose
    dueAt: $dueAt
    idempotencyKey: $idempotencyKey
  ) {
    id
    purpose
    status
    dueAt
    promisedBy {
      name
      organization
    }
  }
}
    `) as unknown as TypedDocumentString<MakeCallbackPromiseMutation, MakeCallbackPromiseMutationVariables>;
export const KeepCallbackPromiseDocument = new TypedDocumentString(`
    mutation KeepCallbackPromise($callbackId: String!, $outcome: String!, $idempotencyKey: String!) {
  keepCallbackPromise(
    callbackId: $callbackId
    outcome: $outcome
    idempotencyKey: $idempotencyKey
  ) {
    id
    status
    doneAt
    keptLate
    lateText
  }
}
    `) as unknown as TypedDocumentString<KeepCallbackPromiseMutation, KeepCallbackPromiseMutationVariables>;
export const BreakCallbackPromiseDocument = new TypedDocumentString(`
    mutation BreakCallbackPromise($callbackId: String!, $reason: String!, $idempotencyKey: String!) {
  breakCallbackPromise(
    callbackId: $callbackId
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    id
    status
    doneAt
  }
}
    `) as unknown as TypedDocumentString<BreakCallbackPromiseMutation, BreakCallbackPromiseMutationVariables>;
export const AddCaseNoteDocument = new TypedDocumentString(`
    mutation AddCaseNote($caseNumber: String!, $text: String!, $visibility: String!, $idempotencyKey: String!) {
  addCaseNote(
    caseNumber: $caseNumber
    text: $text
    visibility: $visibility
    idempotencyKey: $idempotencyKey
  ) {
    id
    text
    visibility
    createdAt
    author {
      name
      organization
    }
  }
}
    `) as unknown as TypedDocumentString<AddCaseNoteMutation, AddCaseNoteMutationVariables>;
export const DeskFileComplaintDocument = new TypedDocumentString(`
    mutation DeskFileComplaint($customerId: String!, $againstOrganization: String!, $summary: String!, $ownerName: String!, $ownerTeam: String, $dueAt: String!, $idempotencyKey: String!) {
  fileComplaint(
    customerId: $customerId
    againstOrganization: $againstOrganization
    summary: $summary
    ownerName: $ownerName
    ownerTeam: $ownerTeam
    dueAt: $dueAt
    idempotencyKey: $idempotencyKey
  ) {
    ...DeskComplaint
  }
}
    fragment DeskComplaint on Complaint {
  id
  status
  escalated
  againstOrganization
  summary
  openedAt
  dueAt
  overdue
  overdueText
  owner {
    name
    team
    organization
  }
  answer
  answeredAt
  answeredBy {
    name
    organization
  }
  resolvedAt
}`) as unknown as TypedDocumentString<DeskFileComplaintMutation, DeskFileComplaintMutationVariables>;
export const DeskEscalateComplaintDocument = new TypedDocumentString(`
    mutation DeskEscalateComplaint($complaintId: String!, $reason: String!, $newOwnerName: String, $newOwnerTeam: String, $idempotencyKey: String!) {
  escalateComplaint(
    complaintId: $complaintId
    reason: $reason
    newOwnerName: $newOwnerName
    newOwnerTeam: $newOwnerTeam
    idempotencyKey: $idempotencyKey
  ) {
    ...DeskComplaint
  }
}
    fragment DeskComplaint on Complaint {
  id
  status
  escalated
  againstOrganization
  summary
  openedAt
  dueAt
  overdue
  overdueText
  owner {
    name
    team
    organization
  }
  answer
  answeredAt
  answeredBy {
    name
    organization
  }
  resolvedAt
}`) as unknown as TypedDocumentString<DeskEscalateComplaintMutation, DeskEscalateComplaintMutationVariables>;
export const DeskAnswerComplaintDocument = new TypedDocumentString(`
    mutation DeskAnswerComplaint($complaintId: String!, $answer: String!, $idempotencyKey: String!) {
  answerComplaint(
    complaintId: $complaintId
    answer: $answer
    idempotencyKey: $idempotencyKey
  ) {
    ...DeskComplaint
  }
}
    fragment DeskComplaint on Complaint {
  id
  status
  escalated
  againstOrganization
  summary
  openedAt
  dueAt
  overdue
  overdueText
  owner {
    name
    team
    organization
  }
  answer
  answeredAt
  answeredBy {
    name
    organization
  }
  resolvedAt
}`) as unknown as TypedDocumentString<DeskAnswerComplaintMutation, DeskAnswerComplaintMutationVariables>;
export const DeskCloseComplaintDocument = new TypedDocumentString(`
    mutation DeskCloseComplaint($complaintId: String!, $note: String, $idempotencyKey: String!) {
  closeComplaint(
    complaintId: $complaintId
    note: $note
    idempotencyKey: $idempotencyKey
  ) {
    ...DeskComplaint
  }
}
    fragment DeskComplaint on Complaint {
  id
  status
  escalated
  againstOrganization
  summary
  openedAt
  dueAt
  overdue
  overdueText
  owner {
    name
    team
    organization
  }
  answer
  answeredAt
  answeredBy {
    name
    organization
  }
  resolvedAt
}`) as unknown as TypedDocumentString<DeskCloseComplaintMutation, DeskCloseComplaintMutationVariables>;
export const DeskRecordSurveySentDocument = new TypedDocumentString(`
    mutation DeskRecordSurveySent($customerId: String!, $subjectType: String, $subjectId: String, $idempotencyKey: String!) {
  recordSurveySent(
    customerId: $customerId
    subjectType: $subjectType
    subjectId: $subjectId
    idempotencyKey: $idempotencyKey
  ) {
    id
    party
    sentAt
    status
    subjectType
    subjectId
  }
}
    `) as unknown as TypedDocumentString<DeskRecordSurveySentMutation, DeskRecordSurveySentMutationVariables>;
export const DeskRecordSurveyAnswerDocument = new TypedDocumentString(`
    mutation DeskRecordSurveyAnswer($surveyId: String!, $score: Int!, $comment: String, $idempotencyKey: String!) {
  recordSurveyAnswer(
    surveyId: $surveyId
    score: $score
    comment: $comment
    idempotencyKey: $idempotencyKey
  ) {
    id
    status
    score
    comment
    answeredAt
  }
}
    `) as unknown as TypedDocumentString<DeskRecordSurveyAnswerMutation, DeskRecordSurveyAnswerMutationVariables>;
export const DeskArrangeServiceCenterVisitDocument = new TypedDocumentString(`
    mutation DeskArrangeServiceCenterVisit($caseNumber: String!, $kind: String!, $scheduledFor: String!, $city: String, $returnRequestNumber: String, $idempotencyKey: String!) {
  arrangeServiceCenterVisit(
    caseNumber: $caseNumber
    kind: $kind
    scheduledFor: $scheduledFor
    city: $city
    returnRequestNumber: $returnRequestNumber
    idempotencyKey: $idempotencyKey
  ) {
    ...DeskArrangement
  }
}
    fragment DeskArrangement on ServiceArrangement {
  id
  kind
  status
  caseNumber
  description
  scheduledFor
  arrangedAt
  arrangedBy {
    name
    organization
  }
  serviceCenter {
    id
    name
    address
    phone
    hours
  }
  smsSentAt
  smsTo
  smsText
  certificateNumber
  certificateIssuedAt
  returnRequestNumber
}`) as unknown as TypedDocumentString<DeskArrangeServiceCenterVisitMutation, DeskArrangeServiceCenterVisitMutationVariables>;
export const DeskSendServiceCenterSmsDocument = new TypedDocumentString(`
    mutation DeskSendServiceCenterSms($arrangementId: String!, $phone: String!, $idempotencyKey: String!) {
  sendServiceCenterSms(
    arrangementId: $arrangementId
    phone: $phone
    idempotencyKey: $idempotencyKey
  ) {
    ...DeskArrangement
  }
}
    fragment DeskArrangement on ServiceArrangement {
  id
  kind
  status
  caseNumber
  description
  scheduledFor
  arrangedAt
  arrangedBy {
    name
    organization
  }
  serviceCenter {
    id
    name
    address
    phone
    hours
  }
  smsSentAt
  smsTo
  smsText
  certificateNumber
  certificateIssuedAt
  returnRequestNumber
}`) as unknown as TypedDocumentString<DeskSendServiceCenterSmsMutation, DeskSendServiceCenterSmsMutationVariables>;
export const DeskIssueReturnCertificateDocument = new TypedDocumentString(`
    mutation DeskIssueReturnCertificate($arrangementId: String!, $finding: String!, $idempotencyKey: String!) {
  issueReturnCertificate(
    arrangementId: $arrangementId
    finding: $finding
    idempotencyKey: $idempotencyKey
  ) {
    ...DeskArrangement
  }
}
    fragment DeskArrangement on ServiceArrangement {
  id
  kind
  status
  caseNumber
  description
  scheduledFor
  arrangedAt
  arrangedBy {
    name
    organization
  }
  serviceCenter {
    id
    name
    address
    phone
    hours
  }
  smsSentAt
  smsTo
  smsText
  certificateNumber
  certificateIssuedAt
  returnRequestNumber
}`) as unknown as TypedDocumentString<DeskIssueReturnCertificateMutation, DeskIssueReturnCertificateMutationVariables>;
export const DeskShipAdvanceReplacementDocument = new TypedDocumentString(`
    mutation DeskShipAdvanceReplacement($caseNumber: String!, $productName: String!, $carrier: String!, $trackingNumber: String!, $idempotencyKey: String!) {
  shipAdvanceReplacement(
    caseNumber: $caseNumber
    productName: $productName
    carrier: $carrier
    trackingNumber: $trackingNumber
    idempotencyKey: $idempotencyKey
  ) {
    ...DeskReplacement
  }
}
    fragment DeskReplacement on ReplacementShipment {
  id
  caseNumber
  productName
  carrier
  trackingNumber
  shippedAt
  status
  oldUnitReturned
  oldUnitReturnedAt
}`) as unknown as TypedDocumentString<DeskShipAdvanceReplacementMutation, DeskShipAdvanceReplacementMutationVariables>;
export const DeskMarkReplacementReturnedDocument = new TypedDocumentString(`
    mutation DeskMarkReplacementReturned($replacementId: String!, $idempotencyKey: String!) {
  markReplacementReturned(
    replacementId: $replacementId
    idempotencyKey: $idempotencyKey
  ) {
    ...DeskReplacement
  }
}
    fragment DeskReplacement on ReplacementShipment {
  id
  caseNumber
  productName
  carrier
  trackingNumber
  shippedAt
  status
  oldUnitReturned
  oldUnitReturnedAt
}`) as unknown as TypedDocumentString<DeskMarkReplacementReturnedMutation, DeskMarkReplacementReturnedMutationVariables>;
export const DeskRefundReturnAtStoreDocument = new TypedDocumentString(`
    mutation DeskRefundReturnAtStore($returnNumber: String!, $certificateNumber: String!, $caseNumber: String, $idempotencyKey: String!) {
  refundReturnAtStore(
    returnNumber: $returnNumber
    certificateNumber: $certificateNumber
    caseNumber: $caseNumber
    idempotencyKey: $idempotencyKey
  ) {
    number
    status
    refundFen
    closedAt
    handlingParty
    makerCertificateNumber
    makerCaseNumber
    refundedAt
    refundedBy
  }
}
    `) as unknown as TypedDocumentString<DeskRefundReturnAtStoreMutation, DeskRefundReturnAtStoreMutationVariables>;
export const DeskFileReturnRequestDocument = new TypedDocumentString(`
    mutation DeskFileReturnRequest($input: FileReturnRequestInput!) {
  fileReturnRequest(input: $input) {
    number
    type
    status
    nextStep
    handlingParty
    lineNo
    openedAt
  }
}
    `) as unknown as TypedDocumentString<DeskFileReturnRequestMutation, DeskFileReturnRequestMutationVariables>;
export const Customer360Document = new TypedDocumentString(`
    query Customer360($identifier: String!) {
  findCustomers(identifier: $identifier) {
    result {
      missingSources
      candidates {
        matchedBy
        customer {
          id
          name
          nameLatin
          city
          beforeYouCall {
            party
            headline
          }
          overview(first: 20) {
            result {
              openMatters {
                count
                overdueCount
                missingSources
                surveyEligibility {
                  eligible
                  reasons
                }
                matters {
                  source
                  kind
                  title
                  status
                  priority
                  openedAt
                  dueAt
                  overdue
                  subjectType
                  subjectId
                  handler {
                    name
                    team
                    organization
                    tier
                    phone
                    hours
                    since
                  }
                  handoffs {
                    from {
                      name
                      tier
                    }
                    to {
                      name
                      tier
                    }
                    at
                    reason
                  }
                  promises {
                    description
                    dueAt
                    status
                    overdue
                    overdueText
                    madeBy {
                      name
                      organization
                    }
                  }
                }
              }
              timeline {
                missingSources
                entries {
                  at
                  source
                  kind
                  summary
                  subjectType
                  subjectId
                  actor {
                    name
                    role
                    organization
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Customer360Query, Customer360QueryVariables>;
export const DeskOpenBillingAccountDocument = new TypedDocumentString(`
    mutation DeskOpenBillingAccount($input: OpenBillingAccountInput!) {
  openBillingAccount(input: $input) {
    account {
      number
      provider
      providerName
      type
      holderName
      contactPhoneMasked
      status
      openedAt
    }
    line {
      number
      kind
      memberRole
      status
      activatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<DeskOpenBillingAccountMutation, DeskOpenBillingAccountMutationVariables>;
export const DeskRegisterLoginDocument = new TypedDocumentString(`
    mutation DeskRegisterLogin($input: RegisterLoginInput!) {
  registerLogin(input: $input) {
    id
    displayName
    displayNameLatin
    maskedPhone
    status
    isLocked
  }
}
    `) as unknown as TypedDocumentString<DeskRegisterLoginMutation, DeskRegisterLoginMutationVariables>;
export const FieldTechnicianForVisitDocument = new TypedDocumentString(`
    query FieldTechnicianForVisit($visitId: String!) {
  visit(id: $visitId) {
    id
    windowStart
    windowEnd
    status
    fieldJob {
      id
      status
      technicianName
      technicianPhone
      eta
      position {
        lat
        lng
        updatedAt
      }
      notes(first: 5) {
        at
        author
        text
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FieldTechnicianForVisitQuery, FieldTechnicianForVisitQueryVariables>;
export const UpdateFieldJobEtaDocument = new TypedDocumentString(`
    mutation UpdateFieldJobEta($jobId: ID!, $eta: String!, $note: String, $idempotencyKey: String!) {
  updateFieldJobEta(
    jobId: $jobId
    eta: $eta
    note: $note
    idempotencyKey: $idempotencyKey
  ) {
    id
    eta
    status
  }
}
    `) as unknown as TypedDocumentString<UpdateFieldJobEtaMutation, UpdateFieldJobEtaMutationVariables>;
export const PartnerTimelineSliceDocument = new TypedDocumentString(`
    query PartnerTimelineSlice($customerId: ID!, $sources: [String!]) {
  customer(id: $customerId) {
    id
    timeline(first: 20, sources: $sources) {
      result {
        sources
        missingSources
        entries {
          id
          at
          source
          kind
          summary
          subjectType
          subjectId
          cursor
          actor {
            name
            role
            organization
            team
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerTimelineSliceQuery, PartnerTimelineSliceQueryVariables>;
export const PartnerOpenMattersDocument = new TypedDocumentString(`
    query PartnerOpenMatters($customerId: ID!) {
  customer(id: $customerId) {
    openMatters {
      result {
        missingSources
        matters {
          id
          source
          kind
          title
          status
          subjectType
          subjectId
          dueAt
          overdue
          handler {
            name
            organization
            phone
            hours
          }
          promises {
            description
            dueAt
            overdue
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerOpenMattersQuery, PartnerOpenMattersQueryVariables>;
export const PartnerLookupDocument = new TypedDocumentString(`
    query PartnerLookup($identifier: String!) {
  findCustomers(identifier: $identifier) {
    result {
      missingSources
      candidates {
        matchedBy
        customer {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerLookupQuery, PartnerLookupQueryVariables>;
export const ConsoleFindDocument = new TypedDocumentString(`
    query ConsoleFind($identifier: String!) {
  findCustomers(identifier: $identifier) {
    result {
      kind
      normalized
      missingSources
      candidates {
        matchedBy
        customer {
          id
          name
          nameLatin
          city
          cityLatin
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleFindQuery, ConsoleFindQueryVariables>;
export const ConsoleCustomerDocument = new TypedDocumentString(`
    query ConsoleCustomer($id: ID!, $first: Int!) {
  customer(id: $id) {
    id
    name
    nameLatin
    city
    cityLatin
    phones {
      number
      label
    }
    beforeYouCall {
      party
      headline
    }
    securityLogins {
      id
      displayName
      status
      isLocked
      maskedPhone
    }
    overview(first: $first) {
      result {
        openMatters {
          count
          overdueCount
          missingSources
          surveyEligibility {
            eligible
            reasons
          }
          matters {
            ...ConsoleMatter
          }
        }
        timeline {
          ...ConsoleTimelinePage
        }
      }
    }
  }
}
    fragment ConsoleHandler on Handler {
  name
  team
  organization
  tier
  phone
  hours
  since
}
fragment ConsoleMatter on OpenMatter {
  id
  source
  kind
  title
  status
  priority
  openedAt
  dueAt
  overdue
  subjectType
  subjectId
  handler {
    ...ConsoleHandler
  }
  handoffs {
    at
    reason
    from {
      name
      organization
      tier
    }
    to {
      name
      organization
      tier
    }
  }
  promises {
    id
    description
    dueAt
    status
    overdue
    overdueText
    madeBy {
      name
      organization
    }
  }
}
fragment ConsoleTimelinePage on TimelineResult {
  missingSources
  sources
  pageInfo {
    hasNextPage
    endCursor
  }
  entries {
    id
    at
    source
    kind
    summary
    subjectType
    subjectId
    actor {
      name
      role
      organization
    }
    subject {
      __typename
      ... on Order {
        number
        status
        totalYuan
      }
      ... on ReturnRequest {
        returnNumber: number
        returnStatus: status
        nextStep
      }
      ... on ValueAddedServiceOrder {
        serviceOrderNumber: number
        service
        serviceStatus: status
      }
      ... on ServiceCase {
        number
        status
        tier
        summary
      }
      ... on Visit {
        id
        status
        windowStart
        windowEnd
        technician {
          name
          phone
        }
      }
      ... on Device {
        serial
        model
        productName
      }
      ... on BillingAccount {
        accountNumber: number
        accountStatus: status
        balanceYuan
      }
      ... on Invoice {
        number
        status
        totalYuan
        dueAt
      }
      ... on BillingDispute {
        id
        disputeStatus: status
        reason
      }
      ... on Outage {
        id
        outageStatus: status
        area
        cause
      }
      ... on SecurityLogin {
        id
        loginStatus: status
        isLocked
      }
    }
  }
}`) as unknown as TypedDocumentString<ConsoleCustomerQuery, ConsoleCustomerQueryVariables>;
export const ConsoleTimelineDocument = new TypedDocumentString(`
    query ConsoleTimeline($id: ID!, $first: Int!, $after: String, $sources: [String!], $kinds: [String!]) {
  customer(id: $id) {
    id
    timeline(first: $first, after: $after, sources: $sources, kinds: $kinds) {
      result {
        ...ConsoleTimelinePage
      }
    }
  }
}
    fragment ConsoleTimelinePage on TimelineResult {
  missingSources
  sources
  pageInfo {
    hasNextPage
    endCursor
  }
  entries {
    id
    at
    source
    kind
    summary
    subjectType
    subjectId
    actor {
      name
      role
      organization
    }
    subject {
      __typename
      ... on Order {
        number
        status
        totalYuan
      }
      ... on ReturnRequest {
        returnNumber: number
        returnStatus: status
        nextStep
      }
      ... on ValueAddedServiceOrder {
        serviceOrderNumber: number
        service
        serviceStatus: status
      }
      ... on ServiceCase {
        number
        status
        tier
        summary
      }
      ... on Visit {
        id
        status
        windowStart
        windowEnd
        technician {
          name
          phone
        }
      }
      ... on Device {
        serial
        model
        productName
      }
      ... on BillingAccount {
        accountNumber: number
        accountStatus: status
        balanceYuan
      }
      ... on Invoice {
        number
        status
        totalYuan
        dueAt
      }
      ... on BillingDispute {
        id
        disputeStatus: status
        reason
      }
      ... on Outage {
        id
        outageStatus: status
        area
        cause
      }
      ... on SecurityLogin {
        id
        loginStatus: status
        isLocked
      }
    }
  }
}`) as unknown as TypedDocumentString<ConsoleTimelineQuery, ConsoleTimelineQueryVariables>;
export const ConsoleSecurityDetailDocument = new TypedDocumentString(`
    query ConsoleSecurityDetail($loginId: ID!) {
  verificationStatus(loginId: $loginId) {
    verifiedByName
    verifiedUntil
  }
  securityLogin(id: $loginId) {
    id
    status
    isLocked
    maskedPhone
    activeLockout {
      id
      cause
      since
      howToLift
    }
    attempts(first: 10) {
      id
      at
      ip
      location {
        city
        country
      }
      device
      result
    }
    notifications(first: 10) {
      id
      at
      channel
      templateCode
      text
      maskedDestination
      deliveryStatus
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleSecurityDetailQuery, ConsoleSecurityDetailQueryVariables>;
export const ConsoleStartVerificationDocument = new TypedDocumentString(`
    mutation ConsoleStartVerification($loginId: ID!, $idempotencyKey: String!) {
  startIdentityVerification(loginId: $loginId, idempotencyKey: $idempotencyKey) {
    id
    loginId
    maskedDestination
    expiresAt
    attemptsAllowed
    devCode
  }
}
    `) as unknown as TypedDocumentString<ConsoleStartVerificationMutation, ConsoleStartVerificationMutationVariables>;
export const ConsoleConfirmVerificationDocument = new TypedDocumentString(`
    mutation ConsoleConfirmVerification($challengeId: ID!, $code: String!) {
  confirmIdentityVerification(challengeId: $challengeId, code: $code) {
    loginId
    verifiedByName
    verifiedUntil
  }
}
    `) as unknown as TypedDocumentString<ConsoleConfirmVerificationMutation, ConsoleConfirmVerificationMutationVariables>;
export const OrderWithMakersCaseDocument = new TypedDocumentString(`
    query OrderWithMakersCase($number: String!) {
  order(number: $number) {
    number
    status
    customer {
      id
      name
    }
    returns {
      number
      status
      nextStep
    }
    serviceCases {
      number
      status
      tier
      handler {
        name
        organization
        phone
        hours
      }
      visits {
        id
        windowStart
        windowEnd
        status
        technician {
          name
          phone
        }
        serviceCenter {
          name
          phone
          hours
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrderWithMakersCaseQuery, OrderWithMakersCaseQueryVariables>;
export const TimelinePageDocument = new TypedDocumentString(`
    query TimelinePage($customerId: ID!, $after: String) {
  customer(id: $customerId) {
    timeline(first: 20, after: $after) {
      result {
        missingSources
        entries {
          at
          source
          kind
          summary
          actor {
            name
            organization
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TimelinePageQuery, TimelinePageQueryVariables>;
export const CancelVisitDocument = new TypedDocumentString(`
    mutation CancelVisit($visitId: String!, $reason: String!, $idempotencyKey: String!) {
  cancelVisit(visitId: $visitId, reason: $reason, idempotencyKey: $idempotencyKey) {
    id
    status
    cancelReason
    cancelledBy {
      name
      organization
    }
  }
}
    `) as unknown as TypedDocumentString<CancelVisitMutation, CancelVisitMutationVariables>;
export const ResolvedByCustomerDocument = new TypedDocumentString(`
    mutation ResolvedByCustomer($caseNumber: String!, $note: String!, $idempotencyKey: String!) {
  resolveCaseByCustomer(
    caseNumber: $caseNumber
    note: $note
    idempotencyKey: $idempotencyKey
  ) {
    number
    status
    resolvedBy
    visits {
      id
      status
    }
    callbacks {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ResolvedByCustomerMutation, ResolvedByCustomerMutationVariables>;
export const LogContactDocument = new TypedDocumentString(`
    mutation LogContact($input: ContactLogInput!, $idempotencyKey: String!) {
  logContact(input: $input, idempotencyKey: $idempotencyKey) {
    id
    at
    party
    outcome
  }
}
    `) as unknown as TypedDocumentString<LogContactMutation, LogContactMutationVariables>;