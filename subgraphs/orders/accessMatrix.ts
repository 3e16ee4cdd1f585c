import { OPEN_TO_ALL, OWN_STAFF_ONLY, PARTNER_OWN_ANALYST_MASKED, withDeadLetterAccess, type AccessMatrix } from "../kit";

// It declares reactions: the kit adds its dead-letter fields (supervisors only, kit/events/deadLetterFields.ts).
/** The retailer (kit/accessMatrix.ts, its shared rules in kit/accessRules.ts). */
export const accessMatrix: AccessMatrix = withDeadLetterAccess("orders", {
  Query: {
    ...PARTNER_OWN_ANALYST_MASKED({
      order: "An order; a partner only orders with its own products.",
      retailerCustomer: "A retailer's customer account; a partner only its orders with the partner's products.",
      returnRequest: "A return or repair request; a partner only for its own products.",
      valueAddedServiceOrder: "A value-added service sold in a case; a partner only those it sold or in its cases.",
    }),
    ...OPEN_TO_ALL({
      store: "Reference data: a store.",
      valueAddedServiceCatalog: "Reference data: what can be sold.",
    }),
  },
  Mutation: {
    ...OWN_STAFF_ONLY({
      fileReturnRequest: "File a repair, return or refund request on an order for the buyer (S1): the retailer's own staff only.",
      orderValueAddedService: "Sell a value-added service inside an open case of the customer (S6): the retailer, the case's maker or a party to it.",
      recordOrder: "Record an order for a buyer, creating the retailer customer when new: the retailer's own staff only.",
    }),
    refundReturnAtStore: { rep: "own-organization", supervisor: "allow", partner: "deny", analyst: "deny", why: "Pay a return's refund at the store against the maker's certificate (S7): the retailer's desk or a supervisor." },
  },
});
