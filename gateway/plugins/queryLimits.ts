import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ParseOptions } from "graphql";
import { maxExpandedSelectionsRule } from "./expandedSelections";
import { maxRepeatedFieldsRule } from "./repeatedFields";

/** Limits on what one operation may ask for (OWASP GraphQL cheat sheet), via graphql-armor. */
export interface QueryLimits {
  /** Deepest selection nesting, fragments expanded. @default 15 */
  maxDepth: number;
  /** Aliases per operation (`__typename` aliases are free). @default 20 */
  maxAliases: number;
  /** Lexical tokens per document (stops huge documents before validation). @default 3000 */
  maxTokens: number;
  /** Directives per operation. @default 20 */
  maxDirectives: number;
  /** Estimated cost (armor's cost model; THE 360 query costs about 45,000). @default 100000 */
  maxCost: number;
  /** Times one field may be repeated in one selection set, fragment spreads expanded. @default 5 */
  maxRepeatedFields: number;
  /** Fields selected once every fragment spread is expanded (THE 360 query selects about 100). @default 1000 */
  maxExpandedSelections: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 15, maxAliases: 20, maxTokens: 3000, maxDirectives: 20, maxCost: 100000, maxRepeatedFields: 5, maxExpandedSelections: 1000 };

/**
 * Validation rules, parse options and plugins to hand to Apollo Server. Every refusal is a
 * 400 with GRAPHQL_PARSE_FAILED (tokens) or GRAPHQL_VALIDATION_FAILED (the rest).
 * Field suggestions ("Did you mean ...") are hidden in production: they map the schema for
 * someone who may not introspect it.
 */
export function queryLimits(limits: QueryLimits, production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    // graphql-js's own parser limit instead of armor's: armor's throws from a plugin hook, which
    // Apollo answers with HTTP 500; the parser's is an ordinary syntax error (400).
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, exposeLimits: true },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  const parseOptions: ParseOptions = { maxTokens: limits.maxTokens };
  return {
    parseOptions,
    // Ours first: they look at the document as a whole, with fragments expanded, before any
    // rule walks it, and stop the walk for a document whose expansion is too large.
    validationRules: [maxRepeatedFieldsRule(limits.maxRepeatedFields), maxExpandedSelectionsRule(limits.maxExpandedSelections), ...protection.validationRules],
    plugins: protection.plugins,
  };
}
