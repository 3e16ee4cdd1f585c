import { buildSchema as buildSdlSchema, parse, validate, type GraphQLObjectType } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { buildFederatedSchema, CONTRIBUTIONS, contributionField, contributionSelection, MERGE_ENTITIES, selectionOf, type ContributionKind } from "../../subgraphs/kit";
import { customersSubgraph } from "../../subgraphs/customers/subgraph";
import { requiredSelection } from "../../subgraphs/customers/merge/sourceFields";
import { SOURCES } from "../../subgraphs/customers/sources";

/*
 * The @requires selection the customers merge asks of every source is derived from the
 * kit's types, never copied: these tests fail if the two could say different things.
 */

const KINDS = Object.keys(CONTRIBUTIONS) as ContributionKind[];

async function customersSchema() {
  return buildFederatedSchema(
    { resolvers: customersSubgraph.resolvers as never, orphanedTypes: customersSubgraph.orphanedTypes as never },
    customersSubgraph.referenceResolvers,
    customersSubgraph.transformSchema,
  );
}

/** Top-level field names of a selection string like `id actor { name } kind`. */
function topLevelFields(selection: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const token of selection.split(/\s+/)) {
    if (token === "{") depth++;
    else if (token === "}") depth--;
    else if (depth === 0) names.push(token);
  }
  return names;
}

describe("the contribution contract", () => {
  let built: Awaited<ReturnType<typeof customersSchema>>;
  beforeAll(async () => {
    // As at start: the customers subgraph reads its options and source list (nothing at import).
    customersSubgraph.configure!({});
    built = await customersSchema();
  });

  it.each(KINDS)("%s: the selection lists exactly the fields type-graphql declares on the kit type", (kind) => {
    const declared = getMetadataStorage()
      .fields.filter((field) => field.target === CONTRIBUTIONS[kind])
      .map((field) => field.schemaName);
    expect(declared.length).toBeGreaterThan(2);
    expect(topLevelFields(contributionSelection(built.schema, kind))).toEqual(declared);
  });

  it("every merge entity's @requires in the served SDL is the derived selection for the current sources", () => {
    expect(SOURCES.length).toBeGreaterThan(0);
    for (const [entity, kinds] of Object.entries(MERGE_ENTITIES)) {
      const result = (built.schema.getType(entity) as GraphQLObjectType).getFields().result;
      const requires = result.astNode?.directives?.find((d) => d.name.value === "requires");
      const fields = requires?.arguments?.[0]?.value;
      expect(fields && "value" in fields ? fields.value : null).toBe(requiredSelection(built.schema, SOURCES, ...kinds));
    }
  });

  it("the selection is a valid query against the schema (every field exists, every object is expanded)", () => {
    for (const [entity, kinds] of Object.entries(MERGE_ENTITIES)) {
      const document = parse(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${entity} { ${requiredSelection(built.schema, SOURCES, ...kinds)} } } }`);
      expect(validate(built.schema, document)).toEqual([]);
      for (const kind of kinds) for (const source of SOURCES) expect(Object.keys((built.schema.getType(entity) as GraphQLObjectType).getFields())).toContain(contributionField(source, kind));
    }
  });

  it("a field added to the type is in the selection with no other change (derived, not copied)", () => {
    const schema = buildSdlSchema(`
      type Actor { name: String! role: String }
      type TimelineEvent { id: ID! at: String! actor: Actor newField: String }
      type Query { x: TimelineEvent }`);
    expect(selectionOf(schema.getType("TimelineEvent") as GraphQLObjectType)).toBe("id at actor { name role } newField");
  });
});
