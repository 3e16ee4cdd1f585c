import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { IdentityRef, OpenMatter, TimelineEvent } from "./types";

/*
 * The contribution contract: how a source adds to the merged answer. One definition from
 * which everything else is derived, so nothing can drift:
 *   - the kinds of contribution and the kit type each one lists (CONTRIBUTIONS below);
 *   - the field a source adds for each kind, `<source><Kind>` (contributionField);
 *   - the selection the customers subgraph asks of it with @requires, derived from the
 *     built schema's type (selectionOf): add a field to TimelineEvent and the selection
 *     has it, with no copy to forget;
 *   - which merge entity carries which kinds (MERGE_ENTITIES).
 * The keys those entities are fetched by are decoded and checked in queryKeys.ts.
 */

export const CONTRIBUTIONS = {
  Events: TimelineEvent,
  Matters: OpenMatter,
  Matches: IdentityRef,
} as const;

export type ContributionKind = keyof typeof CONTRIBUTIONS;

/** The GraphQL type name of each kind's entries (the classes' names are the type names). */
export function contributionTypeName(kind: ContributionKind): string {
  return CONTRIBUTIONS[kind].name;
}

/** Which merge entity's `result` requires which kinds from every source. */
export const MERGE_ENTITIES: Readonly<Record<string, readonly ContributionKind[]>> = {
  CustomerLookup: ["Matches"],
  OpenMattersView: ["Matters"],
  CustomerOverview: ["Events", "Matters"],
  Timeline: ["Events"],
};

/** The field a source adds to a merge entity for one kind: `ordersEvents`, `billingMatters`, ... */
export function contributionField(source: string, kind: ContributionKind): string {
  return `${source}${kind}`;
}

/**
 * Every field of an object type, objects expanded, in declaration order: the selection
 * that fetches one whole value of that type. Read from the schema, so it is the type.
 */
export function selectionOf(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .map((field) => {
      const named = getNamedType(field.type);
      return isObjectType(named) ? `${field.name} { ${selectionOf(named)} }` : field.name;
    })
    .join(" ");
}

/** The selection of one kind's entries in a built schema (which must hold the kit type). */
export function contributionSelection(schema: GraphQLSchema, kind: ContributionKind): string {
  const type = schema.getType(contributionTypeName(kind));
  if (!isObjectType(type)) throw new Error(`the schema lacks ${contributionTypeName(kind)} (list it in orphanedTypes)`);
  return selectionOf(type);
}
