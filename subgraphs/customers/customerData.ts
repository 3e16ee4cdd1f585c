import { decodeMattersKey, type CustomerDataDeclarations, type OwnerRef } from "../kit";
import type { ContactAttempt } from "./types/ContactAttempt";
import type { Customer } from "./types/Customer";

/** A merge page belongs to the person in its key. */
const keyOwner = (entity: { key: string }): OwnerRef | null => {
  const { customerId } = decodeMattersKey(entity.key);
  return { system: "customers", id: customerId };
};

/**
 * Whose records each customers-core type holds, for the audit trail (kit/customerData.ts).
 * The person's ids in the other systems (retailer account, maker registration, billing
 * account, login) are reported too: the gateway maps every identity to its person.
 */
export const customerData: CustomerDataDeclarations = {
  Customer: (customer: Customer) => ({ system: "customers", id: customer.id }),
  ContactAttempt: (contact: ContactAttempt) => ({ system: "customers", id: contact.customerId }),
  RetailerCustomer: (account: { id: string }) => ({ system: "orders", id: account.id }),
  MakerCustomer: (registration: { id: string }) => ({ system: "aftersales", id: registration.id }),
  BillingAccount: (account: { number: string }) => ({ system: "billing", id: account.number }),
  SecurityLogin: (login: { id: string }) => ({ system: "security", id: login.id }),
  IdentityRef: (ref: { system: string; externalId: string }) => ({ system: ref.system, id: ref.externalId }),
  // Who an identity belongs to: what the gateway records, not a read of the person's data.
  IdentityPersons: "not-customer-data",
  Timeline: keyOwner,
  OpenMattersView: keyOwner,
  CustomerOverview: keyOwner,
  // What the rep typed; the candidates' Customer objects report themselves.
  CustomerLookup: "not-customer-data",
  CustomerLookupResult: "via-parent",
  CustomerCandidate: "via-parent",
  Phone: "via-parent",
  IdentityLink: "via-parent",
  PartyContact: "via-parent",
  Complaint: (complaint: { customerId: string }) => ({ system: "customers", id: complaint.customerId }),
  Survey: (survey: { customerId: string }) => ({ system: "customers", id: survey.customerId }),
  OpenMattersResult: "via-parent",
  OpenMatter: "via-parent",
  Commitment: "via-parent",
  SurveyEligibility: "via-parent",
  OverviewResult: "via-parent",
  TimelineResult: "via-parent",
  TimelineEntry: "via-parent",
  TimelineEvent: "via-parent",
  TimelinePageInfo: "not-customer-data",
  Handler: "not-customer-data",
  Handoff: "not-customer-data",
  Actor: "not-customer-data",
  // Subjects of timeline entries: keys only; the owning subgraph reports when it resolves them.
  Order: "not-customer-data",
  ReturnRequest: "not-customer-data",
  ValueAddedServiceOrder: "not-customer-data",
  ServiceCase: "not-customer-data",
  Visit: "not-customer-data",
  Device: "not-customer-data",
  Invoice: "not-customer-data",
  BillingDispute: "not-customer-data",
  Outage: "not-customer-data",
  // Identity graph review (docs/IDENTITY.md): a page of candidates; each names the two persons it is about.
  IdentityCandidatePage: "not-customer-data",
  IdentityCandidate: (candidate: { personId: string }) => ({ system: "customers", id: candidate.personId }),
};
