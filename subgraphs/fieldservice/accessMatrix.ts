import { withDeadLetterAccess, type AccessMatrix } from "../kit";

// It declares reactions: the kit adds its dead-letter fields (supervisors only, kit/events/deadLetterFields.ts).
/** The field-service contractor's jobs (kit/accessMatrix.ts). */
export const accessMatrix: AccessMatrix = withDeadLetterAccess("fieldservice", {
  Query: {
    fieldJob: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "masked", why: "A technician's job; a partner only the contractor itself or the maker the job is for." },
  },
  Mutation: {
    updateFieldJobEta: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "New arrival time: the contractor, the maker it works for, supervisors." },
    cancelFieldJob: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Tell the technician not to come: the contractor, the maker, supervisors." },
  },
});
