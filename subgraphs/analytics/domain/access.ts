import { codedError, ErrorCode } from "../../../common/errorCodes";
import type { Caller } from "../../../common/caller";

/** Analysts (and supervisors) read across customers, masked; reps and partners work one customer at a time and may not. */
export function requireAnalyst(caller: Caller): void {
  if (caller.role !== "analyst" && caller.role !== "supervisor") {
    throw codedError(ErrorCode.FORBIDDEN, "service analytics are for analysts and supervisors", { requiredRole: "analyst" });
  }
}
