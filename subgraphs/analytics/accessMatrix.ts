import type { AccessMatrix } from "../kit";

/** Analytics: analysts and supervisors read masked data across customers; nobody writes through the graph. */
export const accessMatrix: AccessMatrix = {
  Query: {
    serviceHistory: { rep: "deny", supervisor: "masked", partner: "deny", analyst: "masked", why: "Masked events across customers (pseudonymous keys, no contact details)." },
    serviceMetrics: { rep: "deny", supervisor: "masked", partner: "deny", analyst: "masked", why: "Aggregates across customers and parties (docs/ANALYTICS.md)." },
  },
};
