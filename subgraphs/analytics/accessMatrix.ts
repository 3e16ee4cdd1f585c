import { withDeadLetterAccess, type AccessMatrix } from "../kit";

// It declares reactions: the kit adds its dead-letter fields (supervisors only, kit/events/deadLetterFields.ts).
/** Analytics: analysts and supervisors read masked data across customers; nobody writes through the graph but a supervisor replaying a dead letter. */
export const accessMatrix: AccessMatrix = withDeadLetterAccess("analytics", {
  Query: {
    serviceHistory: { rep: "deny", supervisor: "masked", partner: "deny", analyst: "masked", why: "Masked events across customers (pseudonymous keys, no contact details)." },
    serviceMetrics: { rep: "deny", supervisor: "masked", partner: "deny", analyst: "masked", why: "Aggregates across customers and parties (docs/ANALYTICS.md)." },
  },
});
