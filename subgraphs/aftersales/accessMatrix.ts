import { HANDLING_ORGANIZATION, OPEN_TO_ALL, PARTNER_OWN_ANALYST_MASKED, PARTNER_OWN_NO_ANALYST, PARTNER_OWN_ONLY, withDeadLetterAccess, type AccessMatrix } from "../kit";

// It declares reactions: the kit adds its dead-letter fields (supervisors only, kit/events/deadLetterFields.ts).
/** Who may call each of the makers' after-sales root fields (kit/accessMatrix.ts, its shared rules in kit/accessRules.ts; docs/SECURITY.md's table is generated from it). */
export const accessMatrix: AccessMatrix = withDeadLetterAccess("aftersales", {
  Query: {
    ...PARTNER_OWN_ANALYST_MASKED({
      device: "A device by serial; a partner only its own maker's devices.",
      makerCustomer: "A maker's customer registration; a partner only its own maker's.",
      serviceCase: "A service case; a partner only cases it is maker of or a party to.",
      visit: "A technician visit; a partner only visits of cases it may see.",
    }),
    knownIssues: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "allow", why: "Known faults of a model; a partner only its own maker's models." },
    ...OPEN_TO_ALL({
      nearestServiceCenter: "Reference data: service centers by city.",
    }),
  },
  Mutation: {
    ...PARTNER_OWN_NO_ANALYST({
      resolveCaseByCustomer: "Close a case the customer fixed; a partner only on cases it may see.",
      cancelVisit: "Cancel a visit; a partner only on cases it may see.",
      rescheduleVisit: "Move a visit; a partner only on cases it may see.",
      arrangeServiceCenterVisit: "Arrange a visit at the nearest service center for a case (S7); a partner only on cases it may see.",
      sendServiceCenterSms: "Record the center's address SMS as sent (masked destination); a partner only on cases it may see.",
      issueReturnCertificate: "The center's return certificate the store refunds against; a partner only on cases it may see.",
      shipAdvanceReplacement: "Ship an advance replacement (S7); a partner only on cases it may see.",
      markReplacementReturned: "The replaced unit is back; a partner only on cases it may see.",
    }),
    ...PARTNER_OWN_ONLY({
      registerDevice: "A maker registers its own devices for their owners, creating its registration when new.",
      openServiceCase: "A maker opens a case (and books a visit) for its own registered devices.",
    }),
    // Issue 14, hand-over workflows (docs/STATE_MACHINES.md): the organization handling the case acts on it; supervisors on any.
    ...HANDLING_ORGANIZATION({
      openServiceCaseFromReturn: "Hand a return over to the maker as a new case: the retailer or the device's maker.",
      assignCase: "Name a case's owner: the organization handling the case.",
      escalateCase: "Escalate a case one tier: the organization handling the case.",
      takeOverCase: "Take a queued or escalated case over: the organization handling the case.",
      changeCasePriority: "Change a case's priority: the organization handling the case.",
      transferCase: "Hand a case to another organization: the one handling it now.",
      createEngineeringTask: "Ask for an engineering verification: the organization handling the case.",
      completeEngineeringTask: "Record a verification's result: the engineer's organization or the one handling the case.",
      makeCallbackPromise: "Promise a callback: the organization handling the case.",
      keepCallbackPromise: "Mark a callback kept: the promiser's organization or the one handling the case.",
      breakCallbackPromise: "Mark a callback broken: the promiser's organization or the one handling the case.",
      addCaseNote: "A note on a case: its maker, the organization handling it, or a party.",
    }),
  },
});
