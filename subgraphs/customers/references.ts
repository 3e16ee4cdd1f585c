import type { ReferenceResolvers } from "../kit";
import type { Context } from "./context";
import { cameThroughEntities } from "./merge/requiresDelivered";
import { toCustomer } from "./mappers";

/** Representations of the merge entities carry the sources' fields: pass them through whole, marked as delivered by the planner. */
const passThrough = { __resolveReference: (representation: Record<string, unknown>) => cameThroughEntities(representation) };

export const referenceResolvers: ReferenceResolvers = {
  Customer: {
    async __resolveReference(reference: { id: string }, ctx: Context) {
      const row = await ctx.loaders.customer.load(reference.id);
      if (row) ctx.servedCustomerIds.add(row.id);
      return row ? toCustomer(row, ctx.caller) : null;
    },
  },
  Timeline: passThrough,
  OpenMattersView: passThrough,
  CustomerLookup: passThrough,
  CustomerOverview: passThrough,
};
