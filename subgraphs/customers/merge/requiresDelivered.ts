import { codedError, ErrorCode } from "../../../common/errorCodes";

/*
 * A merge entity's `result` @requires every source's contribution. A federation planner
 * that honours it fetches the entity once from this subgraph (to get `key`), then from the
 * sources, then through `_entities` here again with a representation holding one field per
 * source: an array, or null when that source failed (then it is reported missing). A
 * planner that skips @requires resolves `result` on the first object (never through
 * `_entities`) or sends a representation without those fields. Both would read as "every
 * source missing" with HTTP 200; they are refused with a coded error instead.
 */

// A symbol property, not a WeakSet: type-graphql hands field resolvers a copy of the
// object __resolveReference returned (own enumerable properties, symbols included).
const DELIVERED = Symbol("came through _entities");

/** Marks a representation that came through `_entities` (the merge entities' __resolveReference). */
export function cameThroughEntities<T extends object>(representation: T): T {
  (representation as Record<symbol, unknown>)[DELIVERED] = true;
  return representation;
}

/**
 * Throws REQUIRES_NOT_DELIVERED unless `root` came through `_entities` carrying the asked
 * sources' fields. A field that is present but null is a source that failed, not this.
 */
export function assertRequiresDelivered(root: object, fields: readonly string[]): void {
  if (fields.length === 0) return;
  const came = (root as Record<symbol, unknown>)[DELIVERED] === true;
  const present = came ? fields.filter((field) => Object.prototype.hasOwnProperty.call(root, field)) : [];
  if (present.length > 0) return;
  throw codedError(
    ErrorCode.REQUIRES_NOT_DELIVERED,
    came
      ? `the merge received none of the sources' fields its @requires asks for (${fields.slice(0, 3).join(", ")}${fields.length > 3 ? ", ..." : ""}); the gateway's planner skipped @requires`
      : "the merge was resolved without its @requires data (not through _entities); the gateway's planner skipped @requires",
    { fields: fields.length },
  );
}
