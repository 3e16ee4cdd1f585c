import { buildFederatedSchema, type FederatedSchema } from "./buildFederatedSchema";
import type { CustomerDataDeclarations } from "./customerData";
import { deadLetterFieldNames, deadLetterFields } from "./events/deadLetterFields";
import type { SubgraphDefinition } from "./subgraphDefinition";

/*
 * A definition's schema as it is served and composed: the subgraph's own resolvers plus what
 * the kit adds to every subgraph of a kind (today: the dead-letter fields of a subgraph that
 * declares reactions, kit/events/deadLetterFields.ts). One function for the running server and
 * for --print-sdl, so what composes is what runs.
 */

function kitFields<DB, Loaders>(definition: SubgraphDefinition<DB, Loaders>) {
  return definition.reactions?.length ? [deadLetterFields(definition.name, definition.reactions)] : [];
}

export async function buildDefinitionSchema<DB, Loaders>(definition: SubgraphDefinition<DB, Loaders>): Promise<FederatedSchema> {
  const added = kitFields(definition);
  const resolvers = [...definition.resolvers, ...added.flatMap((fields) => fields.resolvers)] as [Function, ...Function[]];
  const orphanedTypes = [...(definition.orphanedTypes ?? []), ...added.flatMap((fields) => fields.orphanedTypes)];
  return buildFederatedSchema({ resolvers, orphanedTypes }, definition.referenceResolvers, definition.transformSchema);
}

/** The definition's customer-data declarations plus the kit's for the types it added (the subgraph does not declare kit types). */
export function definitionCustomerData<DB, Loaders>(definition: SubgraphDefinition<DB, Loaders>): CustomerDataDeclarations {
  return Object.assign({}, definition.customerData, ...kitFields(definition).map((fields) => fields.customerData));
}

/** Says how to declare the kit's fields, before enforceAccessMatrix's generic "no declaration". */
export function assertKitFieldsDeclared<DB, Loaders>(definition: SubgraphDefinition<DB, Loaders>): void {
  if (!definition.reactions?.length) return;
  const names = deadLetterFieldNames(definition.name);
  if (!definition.accessMatrix.Query?.[names.list] || !definition.accessMatrix.Mutation?.[names.replay]) {
    throw new Error(
      `${definition.name}: it declares reactions, so the kit adds Query.${names.list} and Mutation.${names.replay} (its dead letters); declare them: export const accessMatrix = withDeadLetterAccess("${definition.name}", { ... }) in accessMatrix.ts`,
    );
  }
}
