import { Directive, Field } from "type-graphql";
import { SOURCES } from "../sources";

/*
 * The merge entities carry one @external field per source (`ordersEvents`, `billingMatters`,
 * ...), declared here from the source list instead of by hand, and one @requires field
 * that asks the planner for all of them at once.
 */

const HANDLER = "name team organization tier phone hours since";
const ACTOR = "name role organization team";

export const SELECTIONS = {
  Events: `id at source kind summary actor { ${ACTOR} } subjectType subjectId cursor redacted redactedReason`,
  Matters:
    `id source kind title status openedAt priority subjectType subjectId handler { ${HANDLER} } ` +
    `handoffs { from { ${HANDLER} } to { ${HANDLER} } at reason } ` +
    `promises { id description dueAt madeBy { ${ACTOR} } status keptAt overdue overdueMinutes overdueText } dueAt overdue redacted redactedReason`,
  Matches: "system externalId matchedBy",
} as const;

export type SourceSuffix = keyof typeof SELECTIONS;

export function sourceField(source: string, suffix: SourceSuffix): string {
  return `${source}${suffix}`;
}

/** Adds `<source><suffix>: [type] @external` for every source to an entity class. */
export function declareExternalSourceFields(entity: Function, suffix: SourceSuffix, type: Function): void {
  for (const source of SOURCES) {
    const name = sourceField(source, suffix);
    Field(() => [type], { nullable: true })(entity.prototype, name);
    Directive("@external")(entity.prototype, name);
  }
}

/** `@requires(fields: "ordersEvents { ... } billingEvents { ... }")` for the merged field. */
export function requiresAllSources(...suffixes: SourceSuffix[]): string {
  if (SOURCES.length === 0) return "";
  const selection = suffixes.flatMap((suffix) => SOURCES.map((source) => `${sourceField(source, suffix)} { ${SELECTIONS[suffix]} }`)).join(" ");
  return `@requires(fields: "${selection}")`;
}

/**
 * Reads each source's contribution from the representation the planner sent. A source that
 * was asked but answered nothing (null or absent: it failed or timed out) is missing.
 */
export function collectSources<T>(root: Record<string, unknown>, suffix: SourceSuffix, asked: (source: string) => boolean) {
  const values: T[] = [];
  const missing: string[] = [];
  for (const source of SOURCES) {
    if (!asked(source)) continue;
    const contribution = root[sourceField(source, suffix)];
    if (Array.isArray(contribution)) values.push(...(contribution as T[]));
    else missing.push(source);
  }
  return { values, missing };
}
