import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";

/** Federation 2 directives our subgraphs may use; imported once, here, for all of them. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

/** `__resolveReference` functions per entity type; they must be passed here, not added later. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The SDL exactly as composition sees it (checked in under schema/). */
  sdl: string;
}

/**
 * type-graphql classes -> a Federation 2 subgraph schema (type-graphql's own
 * apollo-federation-2 example): build with the checks off, print WITH directives
 * (graphql's printSchema drops @key), add the @link line, and hand SDL + resolvers to
 * @apollo/subgraph together with the reference resolvers.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck">,
  referenceResolvers: ReferenceResolvers = {},
  transform: (schema: GraphQLSchema) => GraphQLSchema = (schema) => schema,
): Promise<FederatedSchema> {
  const typeGraphQLSchema = transform(await buildSchema({ ...options, skipCheck: true }));
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphQLSchema)}`;
  const resolvers = createResolversMap(typeGraphQLSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as any });
  return { schema, sdl };
}
