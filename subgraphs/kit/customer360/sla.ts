/**
 * SLA clocks per kind of matter: how long it may stay open before it is overdue.
 * A matter may carry its own due time (a scheduled visit); otherwise opened + SLA.
 */
export const SLA_HOURS: Record<string, number> = {
  COMPLAINT: 48,
  FOLLOW_UP: 24,
  RETURN: 72,
  REPAIR_REQUEST: 72,
  SERVICE_CASE: 72,
  VISIT: 72,
  CALLBACK: 4,
  ENGINEERING_TASK: 48,
  REPLACEMENT: 120,
  BILLING_DISPUTE: 120,
  SUSPENSION: 24,
  OUTAGE: 12,
  LOCKOUT: 24,
};

export const DEFAULT_SLA_HOURS = 72;

export function slaHours(kind: string): number {
  return SLA_HOURS[kind] ?? DEFAULT_SLA_HOURS;
}
