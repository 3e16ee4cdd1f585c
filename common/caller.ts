/**
 * Who is asking, as the gateway verified it and forwards it to every subgraph.
 * Subgraphs authorize with this; they never trust anything else a request says about its caller.
 */
export type Role = "rep" | "supervisor" | "partner" | "analyst" | "system";

/** The organizations that staff the graph. `platform` is the retailer's marketplace operator. */
export type Organization = string;

export interface Caller {
  /** Stable id of the person or system (JWT `sub`). */
  subject: string;
  /** Display name for timelines ("Rep Chen (retailer)"). */
  name: string;
  role: Role;
  organization: Organization;
}

export const ROLES: readonly Role[] = ["rep", "supervisor", "partner", "analyst", "system"];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
