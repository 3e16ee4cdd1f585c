import { badInput } from "../../../common/errorCodes";
import type { IdentifierKind } from "./identifiers";

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
  kind: IdentifierKind;
  value: string;
}

export function encodeKey(value: object): string {
  return JSON.stringify(value);
}

/*
 * Decoding checks the shape of each kind of key: a key comes over the network (a gateway
 * that skipped @requires, a hand-made _entities call), and a wrong one must be a coded
 * error that names what is wrong, not a page of silently empty slices.
 */
type Json = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const isString: Check = (v) => typeof v === "string";
const isStringOrNull: Check = (v) => v === null || typeof v === "string";
const isStringsOrNull: Check = (v) => v === null || (Array.isArray(v) && v.every(isString));
const isPageSize: Check = (v) => Number.isInteger(v) && (v as number) >= 0;
const isIdentityIds: Check = (v) =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((ids) => Array.isArray(ids) && ids.every(isString));
const IDENTIFIER_KINDS = ["phone", "email", "reference"];

const TIMELINE_SHAPE: Record<keyof TimelineQuery, [Check, string]> = {
  customerId: [isString, "a string"],
  first: [isPageSize, "a non-negative integer"],
  after: [isStringOrNull, "a string or null"],
  sources: [isStringsOrNull, "a list of strings or null"],
  kinds: [isStringsOrNull, "a list of strings or null"],
  since: [isStringOrNull, "a string or null"],
  until: [isStringOrNull, "a string or null"],
  ids: [isIdentityIds, "an object of string lists per system"],
};
const MATTERS_SHAPE: Record<keyof MattersQuery, [Check, string]> = { customerId: TIMELINE_SHAPE.customerId, ids: TIMELINE_SHAPE.ids };
const LOOKUP_SHAPE: Record<keyof LookupQuery, [Check, string]> = {
  kind: [(v) => IDENTIFIER_KINDS.includes(v as string), `one of ${IDENTIFIER_KINDS.join(", ")}`],
  value: [isString, "a string"],
};

function parseKey(key: unknown, what: string): Json {
  if (typeof key !== "string") throw badInput(`the ${what} key must be a string`, { argument: "key" });
  let value: unknown;
  try {
    value = JSON.parse(key);
  } catch {
    throw badInput(`the ${what} key is not JSON`, { argument: "key" });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw badInput(`the ${what} key must be a JSON object`, { argument: "key" });
  return value as Json;
}

function checkShape<T>(key: unknown, what: string, shape: Record<string, [Check, string]>): T {
  const value = parseKey(key, what);
  for (const [field, [check, expected]] of Object.entries(shape)) {
    if (!(field in value)) throw badInput(`the ${what} key lacks "${field}"`, { argument: "key", field });
    if (!check(value[field])) throw badInput(`the ${what} key's "${field}" must be ${expected}`, { argument: "key", field });
  }
  return value as T;
}

/** A Timeline or CustomerOverview key: the whole timeline query. */
export function decodeTimelineKey(key: unknown): TimelineQuery {
  return checkShape<TimelineQuery>(key, "timeline", TIMELINE_SHAPE);
}

/** An OpenMattersView key, or the matters part of a timeline key (it carries customerId and ids too). */
export function decodeMattersKey(key: unknown): MattersQuery {
  const query = checkShape<MattersQuery>(key, "open matters", MATTERS_SHAPE);
  return { customerId: query.customerId, ids: query.ids };
}

/** A CustomerLookup key: the identifier the rep typed, normalized. */
export function decodeLookupKey(key: unknown): LookupQuery {
  return checkShape<LookupQuery>(key, "lookup", LOOKUP_SHAPE);
}

export { decodeCursor, encodeCursor, type Cursor } from "../cursor";
