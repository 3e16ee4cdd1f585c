import type { Selectable } from "kysely";
import type { OrderLinesTable, OrdersTable, ProductsTable, RetailerCustomersTable, ReturnRequestsTable, StoresTable, VasOrdersTable } from "./db/tables";
import { fenToYuan } from "./money";
import type { Order } from "./types/Order";
import { OrderChannel } from "./types/OrderChannel";
import type { OrderLine } from "./types/OrderLine";
import type { Product } from "./types/Product";
import type { RetailerCustomer } from "./types/RetailerCustomer";
import type { ReturnRequest } from "./types/ReturnRequest";
import { ReturnRequestType } from "./types/ReturnRequestType";
import type { Store } from "./types/Store";
import type { ValueAddedServiceOrder } from "./types/ValueAddedServiceOrder";

/** Rows -> the shapes the resolvers return. A line's product is loaded by its resolver. */

export function toCustomer(row: Selectable<RetailerCustomersTable>): RetailerCustomer {
  return { id: row.id, name: row.name, nameLatin: row.name_latin, city: row.city, memberSince: row.member_since };
}

export function toStore(row: Selectable<StoresTable>): Store {
  return { id: row.id, name: row.name, nameLatin: row.name_latin, address: row.address, addressLatin: row.address_latin, city: row.city, phone: row.phone, hours: row.hours };
}

export function toProduct(row: Selectable<ProductsTable>): Product {
  return { sku: row.sku, name: row.name, nameLatin: row.name_latin, model: row.model, brand: row.brand };
}

export function toOrder(row: Selectable<OrdersTable>): Order {
  return {
    number: row.number,
    placedAt: row.placed_at,
    status: row.status,
    channel: row.channel as OrderChannel,
    totalFen: Number(row.total_fen),
    totalYuan: fenToYuan(Number(row.total_fen)),
    customerId: row.customer_id,
    storeId: row.store_id,
  };
}

export function toOrderLine(row: Selectable<OrderLinesTable>): OrderLine {
  return {
    lineNo: Number(row.line_no),
    quantity: Number(row.quantity),
    unitPriceFen: Number(row.unit_price_fen),
    unitPriceYuan: fenToYuan(Number(row.unit_price_fen)),
    serial: row.serial,
    orderNumber: row.order_number,
    sku: row.sku,
  };
}

/** REPAIR requests are matters of kind REPAIR_REQUEST; refunds and exchanges are RETURNs. */
export function returnMatterKind(type: string): "REPAIR_REQUEST" | "RETURN" {
  return type === ReturnRequestType.REPAIR ? "REPAIR_REQUEST" : "RETURN";
}

export function toReturnRequest(row: Selectable<ReturnRequestsTable>): ReturnRequest {
  return {
    number: row.number,
    type: row.type as ReturnRequestType,
    status: row.status,
    reason: row.reason,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    nextStep: row.next_step,
    handlingParty: row.handling_party,
    refundFen: row.refund_fen === null ? null : Number(row.refund_fen),
    lineNo: Number(row.line_no),
    orderNumber: row.order_number,
    customerId: row.customer_id,
    storeId: row.store_id,
    matterKind: returnMatterKind(row.type),
    makerCertificateNumber: row.maker_certificate_number ?? null,
    makerCaseNumber: row.maker_case_number ?? null,
    refundedAt: row.refunded_at ?? null,
    refundedBy: row.refunded_by_name ? `${row.refunded_by_name} (${row.refunded_by_org})` : null,
  };
}

export function toVasOrder(row: Selectable<VasOrdersTable>): ValueAddedServiceOrder {
  return {
    number: row.number,
    serviceCode: row.service_code,
    service: row.service_name,
    priceFen: Number(row.price_fen),
    priceYuan: fenToYuan(Number(row.price_fen)),
    status: row.status,
    orderedAt: row.ordered_at,
    dueAt: row.due_at,
    caseNumber: row.case_number,
    orderedBy: { name: row.ordered_by_name, role: row.ordered_by_role ?? undefined, organization: row.ordered_by_org },
    customerId: row.customer_id,
  };
}

/** A return's own handler field maps handler rows the way the kit's open matters do. */
export { toHandler } from "../kit";
