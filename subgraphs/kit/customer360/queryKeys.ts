import { badInput } from "../../../common/errorCodes";

/*
 * The merge entities' keys. Federation @requires selections are static, so the page
 * parameters and the customer's identities travel inside the entity key itself
 * (ARCHITECTURE: "make the page itself an entity whose key carries the page parameters").
 * The key is canonical JSON: the customers subgraph writes it, every source reads it.
 */

/** A customer's ids per system (subgraph name -> external ids). */
export type IdentityIds = Record<string, string[]>;

export interface TimelineQuery {
  customerId: string;
  first: number;
  /** Continue after this cursor (newest first: older entries). */
  after: string | null;
  sources: string[] | null;
  kinds: string[] | null;
  since: string | null;
  until: string | null;
  ids: IdentityIds;
}

export interface MattersQuery {
  customerId: string;
  ids: IdentityIds;
}

export interface LookupQuery {
  /** What the rep typed, normalized. */
  kind: string;
  value: string;
}

export function encodeKey(value: object): string {
  return JSON.stringify(value);
}

export function decodeKey<T>(key: string): T {
  try {
    return JSON.parse(key) as T;
  } catch {
    throw badInput("malformed query key");
  }
}

/** Position of an entry in newest-first order: (at, id) descending. */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && typeof id === "string" && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // fall through to the coded error
  }
  throw badInput(`"${raw}" is not a timeline cursor; pass an entry's cursor or pageInfo.endCursor`, { argument: "after" });
}
