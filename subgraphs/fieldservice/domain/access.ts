import { codedError, ErrorCode } from "../../../common/errorCodes";
import type { Caller } from "../../../common/caller";
import { assertCanRead, forbidden } from "../../kit";
import type { FieldJobsTable } from "../db/tables";
import { CONTRACTOR_ORG } from "./contractor";

/**
 * Who may read a job: everyone serving customers (reps, supervisors, analysts masked), and of
 * partners only the contractor itself and the maker the job is for: another maker must not see
 * a technician's phone, live position or notes about someone else's customer (issue 10 item 4).
 */
export function mayRead(caller: Caller, job: Pick<FieldJobsTable, "maker_org">): boolean {
  if (caller.role === "system") return false;
  if (caller.role !== "partner") return true;
  return caller.organization === CONTRACTOR_ORG || caller.organization === job.maker_org;
}

/** For a job asked for by its id: FORBIDDEN naming why. */
export function assertMayRead(caller: Caller, job: FieldJobsTable): void {
  assertCanRead(caller);
  if (!mayRead(caller, job)) throw forbidden(`${caller.organization} is not a party to field job ${job.id}: only ${CONTRACTOR_ORG} and ${job.maker_org} see it`, { jobId: job.id });
}

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

export { actorOf } from "../../kit";
