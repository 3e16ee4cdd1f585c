/*
 * How a subgraph tells the gateway whose records an answer held (issue 10 item 1): a header
 * of identities, `orders:RC-1001,security:u-lina`. Shared by the kit (which writes it) and the
 * gateway's audit trail (which maps the identities to persons).
 */

/** A customer's identity in one system: `orders:RC-1001`, `aftersales:MC-2001`, `customers:C-S1`. */
export interface OwnerRef {
  /** The identity system: the subgraph (or the system whose ids a source is keyed by). */
  system: string;
  id: string;
}

export const SERVED_OWNERS_HEADER = "x-served-owners";

/** `orders:RC-1001`, with ids URL-encoded so commas and colons inside ids survive the header. */
export function formatOwner(owner: OwnerRef): string {
  return `${owner.system}:${encodeURIComponent(owner.id)}`;
}

export function parseOwners(header: string): OwnerRef[] {
  const owners: OwnerRef[] = [];
  for (const part of header.split(",")) {
    const colon = part.indexOf(":");
    if (colon <= 0) continue;
    try {
      owners.push({ system: part.slice(0, colon), id: decodeURIComponent(part.slice(colon + 1)) });
    } catch {
      // A malformed id is skipped; the other owners still count.
    }
  }
  return owners;
}
