import type { CustomerDataDeclarations } from "../kit";
import { aftersalesSource } from "./customer360";
import type { Device } from "./types/Device";
import type { MakerCustomer } from "./types/MakerCustomer";
import type { ServiceCase } from "./types/ServiceCase";
import type { Visit } from "./types/Visit";

/** Whose records each after-sales type holds, for the audit trail (kit/customerData.ts). Ids are the makers' registration ids. */
export const customerData: CustomerDataDeclarations = {
  ...aftersalesSource.customerData,
  MakerCustomer: (registration: MakerCustomer) => ({ system: "aftersales", id: registration.id }),
  Device: (device: Device) => ({ system: "aftersales", id: device.ownerId }),
  ServiceCase: (serviceCase: ServiceCase) => ({ system: "aftersales", id: serviceCase.ownerId }),
  Visit: (visit: Visit) => ({ system: "aftersales", id: visit.ownerId }),
  Entitlement: "via-parent",
  Callback: "via-parent",
  EngineeringTask: "via-parent",
  // Reported when a mutation answers with one (ownerId set); under a case, the case reports.
  ReplacementShipment: (shipment: { ownerId?: string }) => (shipment.ownerId ? { system: "aftersales", id: shipment.ownerId } : null),
  ServiceArrangement: (arrangement: { ownerId?: string }) => (arrangement.ownerId ? { system: "aftersales", id: arrangement.ownerId } : null),
  CaseParty: "not-customer-data",
  // The retailer's order as after-sales extends it: the key; the cases it returns report themselves.
  Order: "not-customer-data",
  KnownIssue: "not-customer-data",
  Technician: "not-customer-data",
  ServiceCenter: "not-customer-data",
};
