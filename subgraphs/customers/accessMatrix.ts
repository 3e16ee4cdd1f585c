import { accessRule, GATEWAY_ONLY, HANDLING_ORGANIZATION, PARTNER_OWN_ANALYST_MASKED, PARTNER_OWN_NO_ANALYST, SUPERVISORS_ONLY, withDeadLetterAccess, type AccessMatrix } from "../kit";

/** People seen by a partner: name and city, personal data masked (as by an analyst). */
const PARTNER_MASKED = accessRule({ rep: "allow", supervisor: "allow", partner: "masked", analyst: "masked" });

// It declares reactions: the kit adds its dead-letter fields (supervisors only, kit/events/deadLetterFields.ts).
/** The customers core (kit/accessMatrix.ts, its shared rules in kit/accessRules.ts). */
export const accessMatrix: AccessMatrix = withDeadLetterAccess("customers", {
  Query: {
    ...PARTNER_OWN_ANALYST_MASKED({
      findCustomers: "Find a person by any identifier; a partner's identifiers match only through its own records (no billing or security identities).",
    }),
    ...PARTNER_MASKED({
      customer: "A person by id; a partner sees name and city with personal data masked, and only its own parties' contacts and matters.",
      customersByPhone: "People by phone; as customer.",
    }),
    ...GATEWAY_ONLY({
      personsOfIdentities: "The gateway maps identities served to persons for the audit trail (inaccessible to clients).",
    }),
    ...SUPERVISORS_ONLY({
      identityCandidates: "Possible identity matches the graph did not merge, for a supervisor's review (docs/IDENTITY.md).",
    }),
  },
  Mutation: {
    ...PARTNER_OWN_NO_ANALYST({
      logContact: "Log a contact in the shared log; a partner only as its own party.",
      fileComplaint: "File a complaint with owner and due date (S4); a partner only about itself.",
    }),
    // The organization a complaint is about (or that sent the survey) acts on it; supervisors on any.
    ...HANDLING_ORGANIZATION({
      escalateComplaint: "Escalate a complaint: the organization it is about, or a supervisor.",
      answerComplaint: "Answer a complaint: the organization it is about, or a supervisor.",
      closeComplaint: "Close an answered complaint: the organization it is about, or a supervisor.",
      recordSurveyAnswer: "Record a survey's answer: the organization that sent it, or a supervisor.",
    }),
    recordSurveySent: { rep: "allow", supervisor: "allow", partner: "allow", analyst: "deny", why: "Record a survey sent by the caller's own organization; refused (CONFLICT, reason codes) when the customer may not be surveyed." },
    // Corrections of the identity graph (docs/IDENTITY.md).
    ...SUPERVISORS_ONLY({
      linkIdentity: "Correct the identity graph: link a system's identity to a person (audited, reason required).",
      unlinkIdentity: "Correct the identity graph: unlink an identity (undoes a merge per identity).",
      mergePersons: "Merge two persons within the merge limits (docs/IDENTITY.md).",
    }),
  },
});
