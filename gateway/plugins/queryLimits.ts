import { ApolloArmor } from "@escape.tech/graphql-armor";

/** Limits on what one operation may ask for (OWASP GraphQL cheat sheet), via graphql-armor. */
export interface QueryLimits {
  /** Deepest selection nesting, fragments expanded. @default 15 */
  maxDepth: number;
  /** Aliases per operation. @default 20 */
  maxAliases: number;
  /** Lexical tokens per document (stops huge documents before validation). @default 3000 */
  maxTokens: number;
  /** Directives per operation. @default 20 */
  maxDirectives: number;
  /** Estimated cost (armor's cost model). @default 20000 */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 15, maxAliases: 20, maxTokens: 3000, maxDirectives: 20, maxCost: 20000 };

/** Validation rules and plugins to hand to Apollo Server. Field suggestions are hidden in production. */
export function queryLimits(limits: QueryLimits, production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    maxTokens: { n: limits.maxTokens, exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, exposeLimits: true },
    blockFieldSuggestion: { enabled: production },
  });
  return armor.protect();
}
