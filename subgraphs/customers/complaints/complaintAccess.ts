import type { Caller } from "../../../common/caller";
import { assertCanWrite, forbidden, isPartner } from "../../kit";

/**
 * Who may act on a complaint once filed: the organization it is about (its reps and its
 * partner desk) and platform supervisors. Anyone else gets FORBIDDEN saying whose it is.
 */
export function assertMayHandleComplaint(caller: Caller, complaint: { id: string; against_org: string }, action: string): void {
  assertCanWrite(caller, action);
  if (caller.role === "supervisor") return;
  if (caller.organization !== complaint.against_org) {
    throw forbidden(`complaint ${complaint.id} is about ${complaint.against_org}; ${caller.organization} may not ${action} on it`, { complaintId: complaint.id });
  }
}

/** Filing: any rep desk records what the customer says about anyone; a partner only about itself. */
export function assertMayFileComplaint(caller: Caller, againstOrganization: string): void {
  assertCanWrite(caller, "file complaints");
  if (isPartner(caller) && caller.organization !== againstOrganization) {
    throw forbidden(`a partner files complaints only about its own organization (${caller.organization}), not ${againstOrganization}`, { argument: "againstOrganization" });
  }
}
