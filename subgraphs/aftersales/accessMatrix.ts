import type { AccessMatrix } from "../kit";

/** Who may call each of the makers' after-sales root fields (kit/accessMatrix.ts; docs/SECURITY.md's table is generated from it). */
export const accessMatrix: AccessMatrix = {
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
    arrangeServiceCenterVisit: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Arrange a visit at the nearest service center for a case (S7); a partner only on cases it may see." },
    sendServiceCenterSms: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Record the center's address SMS as sent (masked destination); a partner only on cases it may see." },
    issueReturnCertificate: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "The center's return certificate the store refunds against; a partner only on cases it may see." },
    shipAdvanceReplacement: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "Ship an advance replacement (S7); a partner only on cases it may see." },
    markReplacementReturned: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny", why: "The replaced unit is back; a partner only on cases it may see." },
  },
};
