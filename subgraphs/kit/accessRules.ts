import type { FieldAccess } from "./accessMatrix";

/*
 * The role rows the subgraphs' access matrices (accessMatrix.ts) share. A matrix lists its
 * fields under the rule they follow, each with its reason, instead of spelling the same four
 * cells on every line: `...STAFF_ONLY({ field: "why" })`. A field whose rule no other field
 * follows keeps its FieldAccess written out in the matrix, so every cell stays visible either
 * here or there.
 */

/** What each role may do with a field, before the reason: a FieldAccess without its `why`. */
export type RoleAccess = Omit<FieldAccess, "why">;

/** A shared rule: called with fields (name -> why), it declares each of them with the rule's cells. */
export type AccessRule = (fields: Record<string, string>) => Record<string, FieldAccess>;

export function accessRule(roles: RoleAccess): AccessRule {
  return (fields) => Object.fromEntries(Object.entries(fields).map(([field, why]) => [field, { ...roles, why }]));
}

/** Reference data without personal data: every client role. */
export const OPEN_TO_ALL = accessRule({ rep: "allow", supervisor: "allow", partner: "allow", analyst: "allow" });

/** A record staff read in full; a partner only its own organization's or its matters', an analyst masked. */
export const PARTNER_OWN_ANALYST_MASKED = accessRule({ rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "masked" });

/** An action staff take on any record; a partner only on its own organization's or its matters'; analysts never. */
export const PARTNER_OWN_NO_ANALYST = accessRule({ rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "deny" });

/** An action of the organization handling (or owning) the record, rep or partner alike; supervisors on any; analysts never. */
export const HANDLING_ORGANIZATION = accessRule({ rep: "own-organization", supervisor: "allow", partner: "own-organization", analyst: "deny" });

/** Only a partner, on its own organization's records (a maker's own registrations and cases). */
export const PARTNER_OWN_ONLY = accessRule({ rep: "deny", supervisor: "deny", partner: "own-organization", analyst: "deny" });

/** Only the staff of the organization the subgraph belongs to (reps and supervisors of that organization). */
export const OWN_STAFF_ONLY = accessRule({ rep: "own-organization", supervisor: "own-organization", partner: "deny", analyst: "deny" });

/** Reps and supervisors; neither partners nor analysts. */
export const STAFF_ONLY = accessRule({ rep: "allow", supervisor: "allow", partner: "deny", analyst: "deny" });

/** Reps and supervisors in full, analysts masked; partners nothing. */
export const STAFF_ANALYST_MASKED = accessRule({ rep: "allow", supervisor: "allow", partner: "deny", analyst: "masked" });

/** Supervisors only. */
export const SUPERVISORS_ONLY = accessRule({ rep: "deny", supervisor: "allow", partner: "deny", analyst: "deny" });

/** The gateway's own field (its `system` identity); no client role. */
export const GATEWAY_ONLY = accessRule({ rep: "deny", supervisor: "deny", partner: "deny", analyst: "deny", system: "allow" });
