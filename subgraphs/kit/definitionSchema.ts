import { buildFederatedSchema, type FederatedSchema } from "./buildFederatedSchema";
import type { CustomerDataDeclarations } from "./customerData";
import type { AccessMatrix, FieldAccess } from "./accessMatrix";
import { deadLetterAccess, deadLetterFields, isKitDeclaration } from "./events/deadLetterFields";
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

/**
 * The access matrix the kit enforces: the definition's own declarations, with the kit's
 * dead-letter declarations recomputed for the definition it starts (present exactly when it
 * declares reactions, named after its name). So a definition written before the kit had these
 * fields still starts, and a copy under another name or without reactions (tests) does not
 * carry declarations of fields it lacks. Our subgraphs declare them in accessMatrix.ts
 * (withDeadLetterAccess) so docs/SECURITY.md and the security tests, which read those files,
 * see them; they are supervisor-only either way, and the resolvers check again.
 */
export function definitionAccessMatrix<DB, Loaders>(definition: SubgraphDefinition<DB, Loaders>): AccessMatrix {
  const own = (declarations: Record<string, FieldAccess> | undefined) => Object.fromEntries(Object.entries(declarations ?? {}).filter(([, access]) => !isKitDeclaration(access)));
  const kit = definition.reactions?.length ? deadLetterAccess(definition.name) : { Query: {}, Mutation: {} };
  return {
    Query: { ...own(definition.accessMatrix.Query), ...kit.Query },
    Mutation: { ...own(definition.accessMatrix.Mutation), ...kit.Mutation },
  };
}
