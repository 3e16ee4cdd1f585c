import type { ReferenceResolvers } from "../../kit";
import type { Context } from "../context";
import { toBillingAccount } from "../types/BillingAccount";
import { toBillingDispute } from "../types/BillingDispute";
import { toBillingLine } from "../types/BillingLine";
import { toInvoice } from "../types/Invoice";
import { toOutage } from "../types/Outage";

/*
 * _entities: every representation of a type goes to one per-request loader by its key value,
 * with nothing awaited before load(), so N references cost one statement.
 */
export const referenceResolvers: ReferenceResolvers = {
  BillingAccount: {
    __resolveReference: (ref: { number: string }, ctx: Context) => ctx.loaders.accountByNumber.load(ref.number).then((row) => (row ? toBillingAccount(row) : null)),
  },
  BillingLine: {
    __resolveReference: (ref: { number: string }, ctx: Context) => ctx.loaders.lineByNumber.load(ref.number).then((row) => (row ? toBillingLine(row) : null)),
  },
  Invoice: {
    __resolveReference: (ref: { number: string }, ctx: Context) => ctx.loaders.invoiceByNumber.load(ref.number).then((row) => (row ? toInvoice(row) : null)),
  },
  Outage: {
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.outageById.load(ref.id).then((row) => (row ? toOutage(row) : null)),
  },
  BillingDispute: {
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.disputeById.load(ref.id).then((row) => (row ? toBillingDispute(row) : null)),
  },
};
