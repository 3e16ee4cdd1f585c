import type { Selectable } from "kysely";
import type { Caller } from "../../common/caller";
import { maskAddressFor, maskEmailFor, maskTextFor, type IdentityIds } from "../kit";
import type { ComplaintsTable, ContactsTable, CustomersTable, IdentityLinksTable, SurveysTable } from "./db/tables";
import { complaintDueAt, complaintOverdue } from "./complaints/complaintOverdue";
import type { Survey } from "./types/Survey";
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

export function toComplaint(row: Selectable<ComplaintsTable>, now = new Date()): Complaint {
  const actor = (name: string | null | undefined, organization: string | null | undefined, team?: string | null) =>
    name ? { name, organization: organization ?? "unknown", team: team ?? undefined } : null;
  return {
    id: row.id,
    openedAt: row.opened_at,
    againstOrganization: row.against_org,
    summary: row.summary,
    status: row.status,
    escalated: Boolean(Number(row.escalated)),
    resolvedAt: row.resolved_at,
    owner: actor(row.owner_name, row.owner_org, row.owner_team),
    dueAt: complaintDueAt(row),
    ...complaintOverdue(row, now),
    answer: row.answer ?? null,
    answeredAt: row.answered_at ?? null,
    answeredBy: actor(row.answered_by_name, row.answered_by_org),
    filedBy: actor(row.filed_by_name, row.filed_by_org),
    customerId: row.customer_id,
  };
}

export function toSurvey(row: Selectable<SurveysTable>): Survey {
  return {
    id: row.id,
    party: row.party,
    sentAt: row.sent_at,
    status: row.status ?? "SENT",
    answeredAt: row.answered_at ?? null,
    score: row.score === null || row.score === undefined ? null : Number(row.score),
    comment: row.comment ?? null,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    sentBy: row.sent_by_name ? { name: row.sent_by_name, organization: row.sent_by_org ?? row.party } : null,
    customerId: row.customer_id,
  };
}

/** The customer's ids per system, as the merge keys carry them. */
export function toIdentityIds(customerId: string, links: Selectable<IdentityLinksTable>[]): IdentityIds {
  const ids: IdentityIds = { customers: [customerId] };
  for (const link of links) (ids[link.system] ??= []).push(link.external_id);
  for (const list of Object.values(ids)) list.sort();
  return ids;
}
