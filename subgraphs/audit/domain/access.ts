import { codedError, ErrorCode } from "../../../common/errorCodes";
import type { Caller } from "../../../common/caller";

/** Only the gateway (signed as role system) writes the trail; a rep must not be able to plant or bury entries. */
export function requireSystem(caller: Caller): void {
  if (caller.role !== "system") throw codedError(ErrorCode.FORBIDDEN, "only the gateway records audit entries", { requiredRole: "system" });
}

/** Supervisors review who looked at what; the people being audited (reps, partners, analysts) may not read it. */
export function requireSupervisor(caller: Caller): void {
  if (caller.role !== "supervisor") throw codedError(ErrorCode.FORBIDDEN, "the audit trail is for supervisors", { requiredRole: "supervisor" });
}
