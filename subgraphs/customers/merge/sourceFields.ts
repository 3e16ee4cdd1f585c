import { MapperKind, mapSchema } from "@graphql-tools/utils";
import {
  GraphQLSchema,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  Kind,
  type ConstDirectiveNode,
  type GraphQLFieldConfig,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from "graphql";
import { contributionField, contributionSelection, contributionTypeName, MERGE_ENTITIES, type ContributionKind } from "../../kit";
import { SOURCES } from "../sources";
import { assertRequiresDelivered } from "./requiresDelivered";

/*
 * The merge entities carry one @external field per source (`ordersEvents`, `billingMatters`,
 * ...) and one @requires field that asks the planner for all of them at once. They are
 * added to the built schema from the CURRENT source list (withSourceFields), not declared
 * with type-graphql decorators: type-graphql's metadata is global and fixed once the
 * classes are loaded, while the source list changes at runtime (watchSources).
 */

export type SourceSuffix = ContributionKind;

/** The `fields:` selection of `@requires` on a merged field: every source's fields of those kinds, each selecting its whole kit type. */
export function requiredSelection(schema: GraphQLSchema, sources: readonly string[], ...suffixes: readonly SourceSuffix[]): string {
  return suffixes.flatMap((suffix) => sources.map((source) => `${contributionField(source, suffix)} { ${contributionSelection(schema, suffix)} }`)).join(" ");
}

function directive(name: string, fields?: string): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments: fields === undefined ? [] : [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "fields" }, value: { kind: Kind.STRING, value: fields } }],
  };
}

/** A field config whose printed SDL carries `directives` (printSchemaWithDirectives reads the AST node). */
function withDirectives(field: GraphQLFieldConfig<unknown, unknown>, name: string, directives: ConstDirectiveNode[]): GraphQLFieldConfig<unknown, unknown> {
  const astNode = field.astNode ?? { kind: Kind.FIELD_DEFINITION, name: { kind: Kind.NAME, value: name }, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "String" } } };
  return { ...field, astNode: { ...astNode, directives: [...(astNode.directives ?? []), ...directives] } };
}

/**
 * The customers schema as type-graphql built it, plus, on each merge entity, one
 * `<source><Suffix>: [Type!] @external` per source (after its own fields, sorted by source,
 * as composition has always seen them) and `@requires(fields: "...")` on `result`.
 * With no sources, the entities keep only `key` and `result`.
 *
 * `orphans` are the schema's orphaned types other than the value types (which are orphaned
 * only so they exist before any source field refers to them): the result lists those first
 * and the rest in the order the fields reach them, so the printed SDL is the same as when
 * the source fields were declared on the classes.
 */
export function withSourceFields(schema: GraphQLSchema, orphans: string[], sources: readonly string[] = SOURCES): GraphQLSchema {
  const mapped = mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      const suffixes = MERGE_ENTITIES[type.name];
      if (!suffixes || sources.length === 0) return type;
      const config = type.toConfig();
      const fields: Record<string, GraphQLFieldConfig<unknown, unknown>> = {};
      for (const [name, field] of Object.entries(config.fields)) {
        fields[name] = name === "result" ? withDirectives(field, name, [directive("requires", requiredSelection(schema, sources, ...suffixes))]) : field;
      }
      for (const suffix of suffixes) {
        const valueType = schema.getType(contributionTypeName(suffix));
        if (!valueType) throw new Error(`the customers schema lacks ${contributionTypeName(suffix)} (list it in orphanedTypes)`);
        for (const source of sources) {
          const name = contributionField(source, suffix);
          fields[name] = withDirectives({ type: new GraphQLList(new GraphQLNonNull(valueType)) as GraphQLOutputType }, name, [directive("external")]);
        }
      }
      return new GraphQLObjectType({ ...config, fields });
    },
  });
  return new GraphQLSchema({ ...mapped.toConfig(), types: orphans.map((name) => mapped.getType(name)).filter((t): t is GraphQLNamedType => !!t) });
}

/**
 * Reads each source's contribution from the representation the planner sent. A source that
 * was asked but answered nothing (null or absent: it failed or timed out) is missing.
 */
export function collectSources<T>(root: Record<string, unknown>, suffix: SourceSuffix, asked: (source: string) => boolean) {
  const values: T[] = [];
  const missing: string[] = [];
  assertRequiresDelivered(root, SOURCES.filter(asked).map((source) => contributionField(source, suffix)));
  for (const source of SOURCES) {
    if (!asked(source)) continue;
    const contribution = root[contributionField(source, suffix)];
    if (Array.isArray(contribution)) values.push(...(contribution as T[]));
    else missing.push(source);
  }
  return { values, missing };
}
