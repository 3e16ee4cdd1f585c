import { withDeadLetterAccess, type AccessMatrix } from "../kit";

// It declares reactions: the kit adds its dead-letter fields (supervisors only, kit/events/deadLetterFields.ts).
/** Who may call each of the makers' after-sales root fields (kit/accessMatrix.ts; docs/SECURITY.md's table is generated from it). */
export const accessMatrix: AccessMatrix = withDeadLetterAccess("aftersales", {
  Query: {
    device: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "masked", why: "A device by serial; a partner only its own maker's devices." },
    knownIssues: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "allow", why: "Known faults of a model; a partner only its own maker's models." },
    makerCustomer: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "masked", why: "A maker's customer registration; a partner only its own maker's." },
    serviceCase: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "masked", why: "A service case; a partner only cases it is maker of or a party to." },
    nearestServiceCenter: { rep: "allow", supervisor: "allow", partner: "allow", analyst: "allow", why: "Reference data: service centers by city." },
    visit: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "masked", why: "A technician visit; a partner only visits of cases it may see." },
  },
  Mutation: {
    resolveCaseByCustomer: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Close a case the customer fixed; a partner only on cases it may see." },
    cancelVisit: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Cancel a visit; a partner only on cases it may see." },
    rescheduleVisit: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Move a visit; a partner only on cases it may see." },
    registerDevice: { rep: "deny", supervisor: "deny", partner: "own-organization", analyst: "deny", why: "A maker registers its own devices for their owners, creating its registration when new." },
    openServiceCase: { rep: "deny", supervisor: "deny", partner: "own-organization", analyst: "deny", why: "A maker opens a case (and books a visit) for its own registered devices." },
    // Issue 14, hand-over workflows (docs/STATE_MACHINES.md): the organization handling the case acts on it; supervisors on any.
    openServiceCaseFromReturn: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Hand a return over to the maker as a new case: the retailer or the device's maker." },
    assignCase: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Name a case's owner: the organization handling the case." },
    escalateCase: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Escalate a case one tier: the organization handling the case." },
    takeOverCase: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Take a queued or escalated case over: the organization handling the case." },
    changeCasePriority: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Change a case's priority: the organization handling the case." },
    transferCase: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Hand a case to another organization: the one handling it now." },
    createEngineeringTask: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Ask for an engineering verification: the organization handling the case." },
    completeEngineeringTask: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Record a verification's result: the engineer's organization or the one handling the case." },
    makeCallbackPromise: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Promise a callback: the organization handling the case." },
    keepCallbackPromise: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Mark a callback kept: the promiser's organization or the one handling the case." },
    breakCallbackPromise: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Mark a callback broken: the promiser's organization or the one handling the case." },
    addCaseNote: { rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "A note on a case: its maker, the organization handling it, or a party." },
    arrangeServiceCenterVisit: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Arrange a visit at the nearest service center for a case (S7); a partner only on cases it may see." },
    sendServiceCenterSms: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Record the center's address SMS as sent (masked destination); a partner only on cases it may see." },
    issueReturnCertificate: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "The center's return certificate the store refunds against; a partner only on cases it may see." },
    shipAdvanceReplacement: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Ship an advance replacement (S7); a partner only on cases it may see." },
    markReplacementReturned: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "The replaced unit is back; a partner only on cases it may see." },
  },
});
