import { withDeadLetterAccess, type AccessMatrix } from "../kit";

// It declares reactions: the kit adds its dead-letter fields (supervisors only, kit/events/deadLetterFields.ts).
/** The customers core (kit/accessMatrix.ts). */
export const accessMatrix: AccessMatrix = withDeadLetterAccess("customers", {
  Query: {
    findCustomers: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "masked", why: "Find a person by any identifier; a partner's identifiers match only through its own records (no billing or security identities)." },
    customer: { rep: "allow", supervisor: "allow", partner: "masked", analyst: "masked", why: "A person by id; a partner sees name and city with personal data masked, and only its own parties' contacts and matters." },
    personsOfIdentities: { rep: "deny", supervisor: "deny", partner: "deny", analyst: "deny", system: "allow", why: "The gateway maps identities served to persons for the audit trail (inaccessible to clients)." },
    customersByPhone: { rep: "allow", supervisor: "allow", partner: "masked", analyst: "masked", why: "People by phone; as customer." },
    identityCandidates: { rep: "deny", supervisor: "allow", partner: "deny", analyst: "deny", why: "Possible identity matches the graph did not merge, for a supervisor's review (docs/IDENTITY.md)." },
  },
  Mutation: {
    logContact: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Log a contact in the shared log; a partner only as its own party." },
    fileComplaint: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "File a complaint with owner and due date (S4); a partner only about itself." },
    escalateComplaint: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Escalate a complaint: the organization it is about, or a supervisor." },
    answerComplaint: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Answer a complaint: the organization it is about, or a supervisor." },
    closeComplaint: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Close an answered complaint: the organization it is about, or a supervisor." },
    recordSurveySent: { rep: "allow", supervisor: "allow", partner: "allow", analyst: "deny", why: "Record a survey sent by the caller's own organization; refused (CONFLICT, reason codes) when the customer may not be surveyed." },
    recordSurveyAnswer: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Record a survey's answer: the organization that sent it, or a supervisor." },
    linkIdentity: { rep: "deny", supervisor: "allow", partner: "deny", analyst: "deny", why: "Correct the identity graph: link a system's identity to a person (audited, reason required)." },
    unlinkIdentity: { rep: "deny", supervisor: "allow", partner: "deny", analyst: "deny", why: "Correct the identity graph: unlink an identity (undoes a merge per identity)." },
    mergePersons: { rep: "deny", supervisor: "allow", partner: "deny", analyst: "deny", why: "Merge two persons within the merge limits (docs/IDENTITY.md)." },
  },
});
