import { Supergraph } from "@apollo/federation-internals";
import type { GraphQLSchema } from "graphql";

/**
 * The schema clients see: the supergraph without federation's join/link machinery and
 * without @inaccessible elements. Breaking changes and operation validity are judged on it,
 * never on the raw supergraph (whose join__ directives change with every subgraph edit).
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}
