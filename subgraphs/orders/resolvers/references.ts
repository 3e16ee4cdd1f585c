import type { ReferenceResolvers } from "../../kit";
import type { Context } from "../context";
import { authorizeOrder, authorizeReturn, authorizeVas } from "../access";
import { toCustomer, toOrder, toReturnRequest, toStore, toVasOrder } from "../mappers";

/*
 * Entity references from the gateway. Each one goes straight to a per-request loader by
 * its key value (nothing awaited first), so an _entities call for 300 orders is one statement.
 * A partner's refused entity is null with a FORBIDDEN error (access.ts).
 */
export const referenceResolvers: ReferenceResolvers = {
  RetailerCustomer: { __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.customer.load(ref.id).then((row) => row && toCustomer(row)) },
  Order: { __resolveReference: (ref: { number: string }, ctx: Context) => ctx.loaders.order.load(ref.number).then(async (row) => row && toOrder(await authorizeOrder(ctx, row))) },
  ReturnRequest: {
    __resolveReference: (ref: { number: string }, ctx: Context) => ctx.loaders.returnRequest.load(ref.number).then(async (row) => row && toReturnRequest(await authorizeReturn(ctx, row))),
  },
  Store: { __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.store.load(ref.id).then((row) => row && toStore(row)) },
  ValueAddedServiceOrder: {
    __resolveReference: (ref: { number: string }, ctx: Context) => ctx.loaders.vasOrder.load(ref.number).then((row) => row && toVasOrder(authorizeVas(ctx, row))),
  },
  // The maker's case: we hold no row for it, only the services sold inside it.
  ServiceCase: { __resolveReference: (ref: { number: string }) => ({ number: ref.number }) },
};
