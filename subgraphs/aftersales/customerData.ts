import type { CustomerDataDeclarations } from "../kit";
import { aftersalesCustomer360 } from "./customer360";
import type { Device } from "./types/Device";
import type { DeviceRegistration } from "./types/DeviceRegistration";
import type { OpenedServiceCase } from "./types/OpenedServiceCase";
import type { MakerCustomer } from "./types/MakerCustomer";
import type { ServiceCase } from "./types/ServiceCase";
import type { Visit } from "./types/Visit";

/** A record a hand-over mutation returns carries its owner (handOverMappers.withOwner); nested ones leave it to their case. */
const ownedBy = (record: { ownerId?: string }) => (record.ownerId ? { system: "aftersales", id: record.ownerId } : null);

/** Whose records each after-sales type holds, for the audit trail (kit/customerData.ts). Ids are the makers' registration ids. */
export const customerData: CustomerDataDeclarations = {
  ...aftersalesCustomer360.customerData,
  MakerCustomer: (registration: MakerCustomer) => ({ system: "aftersales", id: registration.id }),
  Device: (device: Device) => ({ system: "aftersales", id: device.ownerId }),
  ServiceCase: (serviceCase: ServiceCase) => ({ system: "aftersales", id: serviceCase.ownerId }),
  Visit: (visit: Visit) => ({ system: "aftersales", id: visit.ownerId }),
  DeviceRegistration: (registration: DeviceRegistration) => ({ system: "aftersales", id: registration.makerCustomerId }),
  OpenedServiceCase: (opened: OpenedServiceCase) => ({ system: "aftersales", id: opened.ownerId }),
  Entitlement: "via-parent",
  // Issue 14: returned by hand-over mutations with their owner (ownedBy); under a case the case reports it.
  Callback: ownedBy,
  EngineeringTask: ownedBy,
  // Reported when a mutation answers with one (ownerId set); under a case, the case reports.
  ReplacementShipment: (shipment: { ownerId?: string }) => (shipment.ownerId ? { system: "aftersales", id: shipment.ownerId } : null),
  ServiceArrangement: (arrangement: { ownerId?: string }) => (arrangement.ownerId ? { system: "aftersales", id: arrangement.ownerId } : null),
  CaseParty: "not-customer-data",
  // Issue 14: notes and transfers belong to their case; the return's key says nothing of whose.
  CaseNote: ownedBy,
  CaseTransfer: "via-parent",
  ReturnRequest: "not-customer-data",
  // The retailer's order as after-sales extends it: the key; the cases it returns report themselves.
  Order: "not-customer-data",
  KnownIssue: "not-customer-data",
  Technician: "not-customer-data",
  ServiceCenter: "not-customer-data",
};
