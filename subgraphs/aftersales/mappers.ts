import type { Selectable } from "kysely";
import type { Caller } from "../../common/caller";
import { maskAddressFor, maskPhone, toHandler, type Handler, type Handoff } from "../kit";
import type { MatterHandlersTable } from "../kit/customer360/tables";
import type {
  ArrangementsTable,
  CallbacksTable,
  CasePartiesTable,
  DevicesTable,
  EngineeringTasksTable,
  EntitlementsTable,
  KnownIssuesTable,
  MakerCustomersTable,
  ReplacementsTable,
  ServiceCasesTable,
  ServiceCentersTable,
  TechniciansTable,
  VisitsTable,
} from "./db/tables";
import type { Callback } from "./types/Callback";
import type { CaseParty } from "./types/CaseParty";
import type { Device } from "./types/Device";
import type { EngineeringTask } from "./types/EngineeringTask";
import type { Entitlement } from "./types/Entitlement";
import type { KnownIssue } from "./types/KnownIssue";
import type { MakerCustomer } from "./types/MakerCustomer";
import type { ReplacementShipment } from "./types/ReplacementShipment";
import type { ServiceArrangement } from "./types/ServiceArrangement";
import type { ServiceCase } from "./types/ServiceCase";
import type { ServiceCenter } from "./types/ServiceCenter";
import type { Technician } from "./types/Technician";
import type { Visit } from "./types/Visit";

/*
 * Rows -> GraphQL objects. The objects are plain data (mutation answers are replayed from
 * JSON), carrying the keys their field resolvers follow.
 */

export function toServiceCase(row: Selectable<ServiceCasesTable>): ServiceCase {
  return {
    number: row.number,
    maker: row.maker,
    status: row.status,
    channel: row.channel,
    summary: row.summary,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    resolution: row.resolution,
    resolvedBy: row.resolved_by,
    priority: row.priority,
    tier: row.tier,
    ownerId: row.owner_id,
    serial: row.serial,
    orderNumber: row.order_number,
    serviceCenterId: row.service_center_id,
  };
}

/** The street address is masked for analysts and partners (city only); the phone is masked for everyone. */
export function toMakerCustomer(row: Selectable<MakerCustomersTable>, caller: Caller): MakerCustomer {
  return {
    id: row.id,
    maker: row.maker,
    name: row.name,
    nameLatin: row.name_latin,
    city: row.city,
    address: maskAddressFor(caller, row.address, row.city),
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    registeredAt: row.registered_at,
  };
}

export function toDevice(row: Selectable<DevicesTable>): Device {
  return {
    serial: row.serial,
    maker: row.maker,
    model: row.model,
    productName: row.product_name,
    purchasedAt: row.purchased_at,
    retailerOrderNumber: row.retailer_order_number,
    ownerId: row.owner_id,
  };
}

export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

export function toEntitlement(row: Selectable<EntitlementsTable>, now = new Date()): Entitlement {
  const started = new Date(row.starts_at).getTime() <= now.getTime();
  const notEnded = row.ends_at === null || new Date(row.ends_at).getTime() > now.getTime();
  return {
    kind: row.kind,
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    active: started && notEnded,
    paid: row.paid === 1,
    priceFen: row.price_fen,
    priceYuan: row.price_fen === null ? null : yuan(row.price_fen),
  };
}

export function toKnownIssue(row: Selectable<KnownIssuesTable>): KnownIssue {
  return { id: row.id, model: row.model, symptom: row.symptom, hint: row.hint, manualRef: row.manual_ref };
}

export function toServiceCenter(row: Selectable<ServiceCentersTable>): ServiceCenter {
  return {
    id: row.id,
    maker: row.maker,
    name: row.name,
    nameLatin: row.name_latin,
    address: row.address,
    addressLatin: row.address_latin,
    city: row.city,
    cityLatin: row.city_latin,
    phone: row.phone,
    hours: row.hours,
    // PostgreSQL may hand back numeric text for floating columns depending on the driver setup.
    lat: row.lat === null ? null : Number(row.lat),
    lng: row.lng === null ? null : Number(row.lng),
  };
}

export function toTechnician(row: Selectable<TechniciansTable>): Technician {
  return { id: row.id, name: row.name, nameLatin: row.name_latin, phone: row.phone, serviceCenterId: row.service_center_id };
}

export function toVisit(row: Selectable<VisitsTable>): Visit {
  return {
    id: row.id,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    status: row.status,
    cancelReason: row.cancel_reason,
    cancelledBy: row.cancelled_by_name
      ? { name: row.cancelled_by_name, role: row.cancelled_by_role ?? undefined, organization: row.cancelled_by_org ?? "unknown" }
      : null,
    cancelledAt: row.cancelled_at,
    rescheduledFrom: row.rescheduled_from,
    rescheduledTo: row.rescheduled_to,
    caseNumber: row.case_number,
    ownerId: row.owner_id,
    technicianId: row.technician_id,
    serviceCenterId: row.service_center_id,
  };
}

export function toCallback(row: Selectable<CallbacksTable>, now = new Date()): Callback {
  return {
    id: row.id,
    purpose: row.purpose,
    promisedAt: row.promised_at,
    dueAt: row.due_at,
    promisedBy: { name: row.promised_by_name, organization: row.promised_by_org },
    status: row.status,
    doneAt: row.done_at,
    outcome: row.outcome,
    overdue: row.status === "OPEN" && new Date(row.due_at).getTime() < now.getTime(),
  };
}

export function toEngineeringTask(row: Selectable<EngineeringTasksTable>): EngineeringTask {
  return {
    id: row.id,
    title: row.title,
    priority: row.priority,
    status: row.status,
    assignee: { name: row.assignee_name, team: row.assignee_team ?? undefined, organization: row.assignee_org, role: "engineer" },
    openedAt: row.opened_at,
    doneAt: row.done_at,
    outcome: row.outcome,
  };
}

export function toReplacement(row: Selectable<ReplacementsTable>): ReplacementShipment {
  return {
    id: row.id,
    productName: row.product_name,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    shippedAt: row.shipped_at,
    deliveredAt: row.delivered_at,
    status: row.status,
    oldUnitReturned: Number(row.old_unit_returned) === 1,
    oldUnitReturnedAt: row.old_unit_returned_at ?? null,
    caseNumber: row.case_number,
    ownerId: row.owner_id,
  };
}

export function toArrangement(row: Selectable<ArrangementsTable>): ServiceArrangement {
  return {
    id: row.id,
    kind: row.kind,
    description: row.description,
    scheduledFor: row.scheduled_for,
    arrangedAt: row.arranged_at,
    arrangedBy: { name: row.arranged_by_name, organization: row.arranged_by_org },
    smsSentAt: row.sms_sent_at,
    smsTo: row.sms_to,
    serviceCenterId: row.service_center_id,
    status: row.status ?? "ARRANGED",
    caseNumber: row.case_number,
    certificateNumber: row.certificate_number ?? null,
    certificateIssuedAt: row.certificate_issued_at ?? null,
    returnRequestNumber: row.return_request_number ?? null,
    smsText: row.sms_text ?? null,
  };
}

export function toCaseParty(row: Selectable<CasePartiesTable>): CaseParty {
  return { organization: row.organization, name: row.name, role: row.role, phone: row.phone, joinedAt: row.joined_at };
}

/** The current owner of a matter from its handler history (oldest first); null once closed. */
export function currentHandler(history: MatterHandlersTable[]): Handler | null {
  const open = history.find((row) => row.until === null);
  return open ? toHandler(open) : null;
}

export function toHandoffs(history: MatterHandlersTable[]): Handoff[] {
  return history.map((row, index) => ({
    from: index > 0 ? toHandler(history[index - 1]) : null,
    to: toHandler(row),
    at: row.since,
    reason: row.reason ?? undefined,
  }));
}
