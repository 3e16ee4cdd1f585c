import { withDeadLetterAccess, type AccessMatrix } from "../kit";

// It declares reactions: the kit adds its dead-letter fields (supervisors only, kit/events/deadLetterFields.ts).
/** The retailer (kit/accessMatrix.ts). */
export const accessMatrix: AccessMatrix = withDeadLetterAccess("orders", {
  Query: {
    order: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "masked", why: "An order; a partner only orders with its own products." },
    retailerCustomer: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "masked", why: "A retailer's customer account; a partner only its orders with the partner's products." },
    returnRequest: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "masked", why: "A return or repair request; a partner only for its own products." },
    store: { rep: "allow", supervisor: "allow", partner: "allow", analyst: "allow", why: "Reference data: a store." },
    valueAddedServiceOrder: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "masked", why: "A value-added service sold in a case; a partner only those it sold or in its cases." },
    valueAddedServiceCatalog: { rep: "allow", supervisor: "allow", partner: "allow", analyst: "allow", why: "Reference data: what can be sold." },
  },
  Mutation: {
    fileReturnRequest: { rep: "own-organization", supervisor: "own-organization", partner: "deny", analyst: "deny", why: "File a repair, return or refund request on an order for the buyer (S1): the retailer's own staff only." },
    orderValueAddedService: { rep: "own-organization", supervisor: "own-organization", partner: "deny", analyst: "deny", why: "Sell a value-added service inside an open case of the customer (S6): the retailer, the case's maker or a party to it." },
    recordOrder: { rep: "own-organization", supervisor: "own-organization", partner: "deny", analyst: "deny", why: "Record an order for a buyer, creating the retailer customer when new: the retailer's own staff only." },
    refundReturnAtStore: { rep: "own-organization", supervisor: "allow", partner: "deny", analyst: "deny", why: "Pay a return's refund at the store against the maker's certificate (S7): the retailer's desk or a supervisor." },
  },
});
