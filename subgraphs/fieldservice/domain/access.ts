import { codedError, ErrorCode } from "../../../common/errorCodes";
import type { Caller } from "../../../common/caller";
import type { ActorInput } from "../../kit";
import type { FieldJobsTable } from "../db/tables";
import { CONTRACTOR_ORG } from "./contractor";

/**
 * Who may change a job: the contractor itself, the maker it works for, and supervisors or
 * systems. A retailer's rep asks the maker (aftersales cancelVisit) instead: the maker decides
 * what its contractor does, so nobody else can redirect a technician behind its back.
 */
export function assertMayChange(caller: Caller, job: FieldJobsTable): void {
  if (caller.organization === CONTRACTOR_ORG || caller.organization === job.maker_org) return;
  if (caller.role === "supervisor" || caller.role === "system") return;
  throw codedError(ErrorCode.FORBIDDEN, `${caller.organization} may not change field job ${job.id}: ask ${job.maker_org}, who ordered it`, { jobId: job.id });
}

export function actorOf(caller: Caller): ActorInput {
  return { name: caller.name, role: caller.role, organization: caller.organization };
}
