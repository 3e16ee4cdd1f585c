import { createUnionType } from "type-graphql";
import { BillingAccount, BillingDispute, Device, Invoice, Order, Outage, ReturnRequest, SecurityLogin, ServiceCase, ValueAddedServiceOrder, Visit } from "./systemReferences";

/** The record type name and its key field, for every subject a client can expand. */
export const SUBJECT_KEYS: Record<string, string> = {
  Order: "number",
  ReturnRequest: "number",
  ValueAddedServiceOrder: "number",
  ServiceCase: "number",
  Visit: "id",
  Device: "serial",
  BillingAccount: "number",
  Invoice: "number",
  BillingDispute: "id",
  Outage: "id",
  SecurityLogin: "id",
};

export const TimelineSubject = createUnionType({
  name: "TimelineSubject",
  description: "What a timeline entry or open matter is about, expandable through the graph. Null for kinds of records not listed here (e.g. a partner's); subjectType/subjectId still say what it is.",
  types: () => [Order, ReturnRequest, ValueAddedServiceOrder, ServiceCase, Visit, Device, BillingAccount, Invoice, BillingDispute, Outage, SecurityLogin] as const,
  resolveType: (value) => (value as unknown as { __typename: string }).__typename,
});

/** The subject reference for a record type and id, or null when it is not expandable. */
export function subjectReference(subjectType: string, subjectId: string): Record<string, string> | null {
  const key = SUBJECT_KEYS[subjectType];
  return key ? { __typename: subjectType, [key]: subjectId } : null;
}
