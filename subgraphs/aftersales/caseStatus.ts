/** Case states in which someone still has work to do on it. */
export const OPEN_CASE_STATUSES = ["OPEN", "SCHEDULED", "ESCALATED"] as const;

/** States the customer can still close a case from (a RESOLVED case awaits confirmation). */
export const CLOSABLE_CASE_STATUSES = [...OPEN_CASE_STATUSES, "RESOLVED"] as const;

/** Replacement shipments still on their way to the customer. */
export const IN_TRANSIT_STATUSES = ["SHIPPED", "IN_TRANSIT"] as const;

export const OPEN_TASK_STATUSES = ["OPEN", "IN_PROGRESS"] as const;

/** Matter kinds this subgraph reports (kit customer360/sla.ts). */
export const MatterKind = {
  SERVICE_CASE: "SERVICE_CASE",
  VISIT: "VISIT",
  CALLBACK: "CALLBACK",
  ENGINEERING_TASK: "ENGINEERING_TASK",
  REPLACEMENT: "REPLACEMENT",
} as const;

/** "2026-11-06 14:00-18:00 (Beijing time)": how a rep reads a visit window to the customer. */
export function beijingWindow(startIso: string, endIso: string): string {
  const local = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  const start = local(startIso);
  const end = local(endIso);
  const endText = start.slice(0, 10) === end.slice(0, 10) ? end.slice(11, 16) : `${end.slice(0, 10)} ${end.slice(11, 16)}`;
  return `${start.slice(0, 10)} ${start.slice(11, 16)}-${endText} (Beijing time)`;
}
