import type { CustomerDataDeclarations } from "../kit";
import { ordersCustomer360 } from "./customer360";
import type { Order } from "./types/Order";
import type { RecordOrderResult } from "./types/RecordOrderResult";
import type { RetailerCustomer } from "./types/RetailerCustomer";
import type { ReturnRequest } from "./types/ReturnRequest";
import type { ValueAddedServiceOrder } from "./types/ValueAddedServiceOrder";

/** Whose records each retailer type holds, for the audit trail (kit/customerData.ts). Ids are the retailer's customer ids. */
export const customerData: CustomerDataDeclarations = {
  ...ordersCustomer360.customerData,
  RetailerCustomer: (customer: RetailerCustomer) => ({ system: "orders", id: customer.id }),
  Order: (order: Order) => ({ system: "orders", id: order.customerId }),
  ReturnRequest: (request: ReturnRequest) => ({ system: "orders", id: request.customerId }),
  ValueAddedServiceOrder: (service: ValueAddedServiceOrder) => ({ system: "orders", id: service.customerId }),
  OrderLine: "via-parent",
  RecordOrderResult: (result: RecordOrderResult) => ({ system: "orders", id: result.customerId }),
  // A maker's case as the retailer extends it: the key; what it returns (services sold) reports itself.
  ServiceCase: "not-customer-data",
  Product: "not-customer-data",
  Store: "not-customer-data",
  ValueAddedServiceOffer: "not-customer-data",
};
