import type { CallerClaims, Graph } from "./graphHarness";
import { RETAILER_REP } from "./graphHarness";
import { readOutbox } from "./deliverOutbox";
import type { DomainEvent } from "../../subgraphs/kit/events/reaction";

/*
 * Issue 13 item 5: a person who is in no seed, created through the graph's own mutations
 * (the retailer records an order, the maker registers the device and opens a case with a
 * visit), so story replays (S1, S5) can start from them. Every call goes through the gateway
 * as its party would make it; a failure throws with the graph's answer.
 */

export const AOLAN_PARTNER: CallerClaims = { role: "partner", org: "aolan", sub: "partner-aolan-desk", name: "刘芳 Liu Fang (Aolan after-sales)" };

/** Whom an order or a registration is for: the contact details the parties record. */
export interface Contact {
  name: string;
  nameLatin?: string;
  mobile: string;
  email?: string;
  city: string;
  district?: string;
  address: string;
}

export interface NewPersonInput extends Contact {
  /** Retailer SKU bought (AL-EH60 by default: S1's water heater). */
  sku?: string;
  /** The unit's serial; a fresh one when omitted. */
  serial?: string;
  /** The maker's organization and model of the SKU (aolan / AL-EH60 by default). */
  maker?: string;
  model?: string;
  /** The fault the case is opened for. */
  fault?: string;
  /** The visit window (ISO); tomorrow 14:00-18:00 China time when omitted. */
  windowStart?: string;
  windowEnd?: string;
  technicianId?: string;
  /** Field contractor working the visit (kuaixiu by default, as in S1); null for none. */
  fieldContractor?: string | null;
  retailer?: CallerClaims;
  makerCaller?: CallerClaims;
  /** Prefix of the idempotency keys (a repeat with the same prefix replays the same answers). */
  keyPrefix?: string;
  /** S1: the buyer's repair (or return) request, filed with the retailer before the maker opens the case. */
  returnRequest?: { type?: "REPAIR" | "REFUND" | "EXCHANGE"; reason: string };
}

export interface NewPerson {
  orderNumber: string;
  retailerCustomerId: string;
  makerRegistrationId: string;
  serial: string;
  caseNumber: string;
  visitId: string;
  /** The contractor's job id the visit gets (fieldservice reaction to visit.scheduled), when a contractor works it. */
  fieldJobId: string | null;
  /** The retailer's request (RT-...) when `returnRequest` was given. */
  returnNumber?: string;
}

let serials = 0;

function tomorrowChina(hour: number): string {
  const day = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  return new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`).toISOString();
}

async function must(graph: Graph, document: string, variables: Record<string, unknown>, caller: CallerClaims, field: string): Promise<any> {
  const { body } = await graph.query(document, variables, { caller });
  if (body.errors || !body.data?.[field]) throw new Error(`${field} failed: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data[field];
}

export const RECORD_ORDER = `mutation($input: RecordOrderInput!) { recordOrder(input: $input) { customerId customerCreated order { number status totalYuan } } }`;
export const REGISTER_DEVICE = `mutation($input: RegisterDeviceInput!) { registerDevice(input: $input) { makerCustomerId registrationCreated device { serial model maker } } }`;
export const FILE_RETURN_REQUEST = `mutation($input: FileReturnRequestInput!) { fileReturnRequest(input: $input) { number status handlingParty nextStep } }`;
export const OPEN_SERVICE_CASE = `mutation($input: OpenServiceCaseInput!) { openServiceCase(input: $input) { serviceCase { number status maker } visit { id status windowStart windowEnd } } }`;

/** The retailer records the purchase of one unit (in a store when `storeId` is given). */
async function recordOrder(graph: Graph, retailer: CallerClaims, buyer: Contact, line: { sku: string; serial: string }, keys: string, storeId?: string): Promise<any> {
  const { name, nameLatin, mobile, email, city, district, address } = buyer;
  const input = { buyer: { name, nameLatin, mobile, email, city, district, address }, lines: [line], ...(storeId ? { channel: "STORE", storeId } : {}), idempotencyKey: `${keys}-order` };
  return must(graph, RECORD_ORDER, { input }, retailer, "recordOrder");
}

/** The maker registers the unit for warranty (on the retailer's order when there is one); the owner's district is not the maker's to keep. */
async function registerDevice(graph: Graph, makerCaller: CallerClaims, owner: Contact, device: { maker: string; model: string; productName?: string; serial: string; purchaseOrderNumber?: string }, keys: string): Promise<any> {
  const { name, nameLatin, mobile, email, city, address } = owner;
  return must(graph, REGISTER_DEVICE, { input: { ...device, owner: { name, nameLatin, mobile, email, city, address }, idempotencyKey: `${keys}-device` } }, makerCaller, "registerDevice");
}

interface CaseWithVisit {
  serial: string;
  summary: string;
  channel: string;
  orderNumber?: string;
  windowStart: string;
  windowEnd: string;
  technicianId: string;
  fieldContractor: string | null;
}

/** The maker opens a case on the unit with a home visit; a visit kuaixiu works gets its job (fieldservice's reaction to visit.scheduled). */
async function openCaseWithVisit(graph: Graph, makerCaller: CallerClaims, opening: CaseWithVisit, keys: string): Promise<{ caseNumber: string; visitId: string; fieldJobId: string | null }> {
  const { serial, summary, channel, orderNumber, windowStart, windowEnd, technicianId, fieldContractor } = opening;
  const input = { serial, summary, channel, orderNumber, visit: { windowStart, windowEnd, technicianId, fieldContractor }, idempotencyKey: `${keys}-case` };
  const opened = await must(graph, OPEN_SERVICE_CASE, { input }, makerCaller, "openServiceCase");
  const visitId: string = opened.visit.id;
  return { caseNumber: opened.serviceCase.number, visitId, fieldJobId: fieldContractor === "kuaixiu" ? `FJ-KX-${visitId.replace(/^VIS-/, "")}` : null };
}

export async function createPersonThroughGraph(graph: Graph, person: NewPersonInput): Promise<NewPerson> {
  const keys = person.keyPrefix ?? `new-person-${process.pid}-${Date.now()}-${++serials}`;
  const serial = person.serial ?? `AL-EH60-NP${process.pid}${Date.now() % 1_000_000}${serials}`;
  const retailer = person.retailer ?? RETAILER_REP;
  const makerCaller = person.makerCaller ?? AOLAN_PARTNER;

  const recorded = await recordOrder(graph, retailer, person, { sku: person.sku ?? "AL-EH60", serial }, keys);
  const orderNumber: string = recorded.order.number;
  const filed = person.returnRequest
    ? await must(graph, FILE_RETURN_REQUEST, { input: { orderNumber, type: person.returnRequest.type ?? "REPAIR", reason: person.returnRequest.reason, idempotencyKey: `${keys}-return` } }, retailer, "fileReturnRequest")
    : null;
  const registered = await registerDevice(graph, makerCaller, person, { maker: person.maker ?? "aolan", model: person.model ?? "AL-EH60", serial, purchaseOrderNumber: orderNumber }, keys);
  const opened = await openCaseWithVisit(
    graph,
    makerCaller,
    {
      serial,
      summary: person.fault ?? "安装后进水口漏水 / Water heater leaks at the inlet after installation",
      channel: "RETAILER",
      orderNumber,
      windowStart: person.windowStart ?? tomorrowChina(14),
      windowEnd: person.windowEnd ?? tomorrowChina(18),
      technicianId: person.technicianId ?? "TEC-AL-0001",
      fieldContractor: person.fieldContractor === undefined ? "kuaixiu" : person.fieldContractor,
    },
    keys,
  );
  return {
    orderNumber,
    retailerCustomerId: recorded.customerId,
    makerRegistrationId: registered.makerCustomerId,
    serial,
    ...opened,
    ...(filed ? { returnNumber: filed.number as string } : {}),
  };
}

export interface NewDeviceOwnerInput extends Omit<Contact, "district"> {
  /** The maker (hengtong by default: S5's set-top box, supplied by the cable provider, no retailer order). */
  maker?: string;
  makerCaller?: CallerClaims;
  model?: string;
  productName?: string;
  serial?: string;
  fault?: string;
  /** How the case reached the maker (PROVIDER by default: the provider's complaint). */
  channel?: string;
  windowStart?: string;
  windowEnd?: string;
  technicianId?: string;
  /** Field contractor working the visit (kuaixiu by default); null for the maker's own technician. */
  fieldContractor?: string | null;
  keyPrefix?: string;
}

export const HENGTONG_PARTNER: CallerClaims = { role: "partner", org: "hengtong", sub: "partner-hengtong-desk", name: "王珊 Wang Shan (Hengtong after-sales desk)" };

/**
 * S5's shape, from a person in no seed: a device the customer got through a provider (no
 * retailer order); the maker registers it and opens a case from the provider's complaint
 * with a home visit worked by the contractor. Every call goes through the gateway.
 */
export async function createDeviceOwnerThroughGraph(graph: Graph, owner: NewDeviceOwnerInput): Promise<Omit<NewPerson, "orderNumber" | "retailerCustomerId">> {
  const keys = owner.keyPrefix ?? `new-owner-${process.pid}-${Date.now()}-${++serials}`;
  const serial = owner.serial ?? `STB-HT-NP${process.pid}${Date.now() % 1_000_000}${serials}`;
  const makerCaller = owner.makerCaller ?? HENGTONG_PARTNER;
  const productName = owner.productName ?? "恒通 HT-B860 高清机顶盒 / Hengtong HT-B860 HD set-top box";
  const registered = await registerDevice(graph, makerCaller, owner, { maker: owner.maker ?? "hengtong", model: owner.model ?? "HT-B860", productName, serial }, keys);
  const opened = await openCaseWithVisit(
    graph,
    makerCaller,
    {
      serial,
      summary: owner.fault ?? "两次停电后遥控器失灵 / Remote control stopped working after two power cuts",
      channel: owner.channel ?? "PROVIDER",
      windowStart: owner.windowStart ?? tomorrowChina(9),
      windowEnd: owner.windowEnd ?? tomorrowChina(13),
      technicianId: owner.technicianId ?? "TEC-HT-0001",
      fieldContractor: owner.fieldContractor === undefined ? "kuaixiu" : owner.fieldContractor,
    },
    keys,
  );
  return { makerRegistrationId: registered.makerCustomerId, serial, ...opened };
}

/** An outbox row decoded as the kit's relay publishes it, with its commit order. */
export type OutboxRow = DomainEvent & { seq: number };

/** A subgraph's outbox as written (kit/events/writeOutboxEvent.ts), oldest first: what its mutations published. */
export async function outboxOf(graph: Graph, subgraph: string): Promise<OutboxRow[]> {
  const { db } = await graph.database(subgraph);
  // Seeded history is the subgraph's own past, not what the graph just did.
  return (await readOutbox({ name: subgraph, db })).filter((event) => !event.history);
}

export interface NewBuyerInput extends Contact {
  /** Retailer SKU bought (must be in the catalogue; its brand is the maker). */
  sku: string;
  /** The unit's serial; a fresh one when omitted. */
  serial?: string;
  /** The maker's organization and model the maker registers the unit under. */
  maker: string;
  model: string;
  productName?: string;
  /** A STORE purchase at this store (ST-...); online when omitted. */
  storeId?: string;
  retailer?: CallerClaims;
  makerCaller: CallerClaims;
  keyPrefix?: string;
}

export interface NewBuyer {
  orderNumber: string;
  retailerCustomerId: string;
  makerRegistrationId: string;
  serial: string;
}

/**
 * S7's beginning, from a person in no seed: the retailer records the purchase (in a store,
 * for S7) and the maker registers the unit for warranty on that order; no case yet, because
 * in S7 the customer reaches the maker's hotline first and first line opens the case.
 */
export async function createBuyerThroughGraph(graph: Graph, buyer: NewBuyerInput): Promise<NewBuyer> {
  const keys = buyer.keyPrefix ?? `new-buyer-${process.pid}-${Date.now()}-${++serials}`;
  const serial = buyer.serial ?? `${buyer.sku}-NP${process.pid}${Date.now() % 1_000_000}${++serials}`;
  const recorded = await recordOrder(graph, buyer.retailer ?? RETAILER_REP, buyer, { sku: buyer.sku, serial }, keys, buyer.storeId);
  const device = { maker: buyer.maker, model: buyer.model, productName: buyer.productName, serial, purchaseOrderNumber: recorded.order.number };
  const registered = await registerDevice(graph, buyer.makerCaller, buyer, device, keys);
  return { orderNumber: recorded.order.number, retailerCustomerId: recorded.customerId, makerRegistrationId: registered.makerCustomerId, serial };
}
