import type { Selectable } from "kysely";
import type { Caller } from "../../common/caller";
import { maskAddressFor, maskEmailFor, maskTextFor, type IdentityIds } from "../kit";
import type { ComplaintsTable, ContactsTable, CustomersTable, IdentityLinksTable } from "./db/tables";
import type { Complaint } from "./types/Complaint";
import type { ContactAttempt } from "./types/ContactAttempt";
import type { Customer } from "./types/Customer";

/** Names and cities stay visible to everyone; email and street address are masked for analysts and partners. */
export function toCustomer(row: Selectable<CustomersTable>, caller: Caller): Customer {
  return {
    id: row.id,
    name: row.name,
    nameLatin: row.name_latin,
    city: row.city,
    cityLatin: row.city_latin,
    address: maskAddressFor(caller, row.address, row.city),
    email: maskEmailFor(caller, row.email),
  };
}

/** Without a caller: the contact as its author wrote it (a mutation's own answer). */
export function toContact(row: Selectable<ContactsTable>, caller?: Caller): ContactAttempt {
  return {
    id: row.id,
    at: row.at,
    party: row.party,
    channel: row.channel,
    direction: row.direction,
    outcome: row.outcome,
    note: caller ? maskTextFor(caller, row.note) : row.note,
    byName: row.by_name,
    byOrganization: row.by_org,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    customerId: row.customer_id,
  };
}

export function toComplaint(row: Selectable<ComplaintsTable>): Complaint {
  return {
    id: row.id,
    openedAt: row.opened_at,
    againstOrganization: row.against_org,
    summary: row.summary,
    status: row.status,
    escalated: Boolean(row.escalated),
    resolvedAt: row.resolved_at,
  };
}

/** The customer's ids per system, as the merge keys carry them. */
export function toIdentityIds(customerId: string, links: Selectable<IdentityLinksTable>[]): IdentityIds {
  const ids: IdentityIds = { customers: [customerId] };
  for (const link of links) (ids[link.system] ??= []).push(link.external_id);
  for (const list of Object.values(ids)) list.sort();
  return ids;
}
