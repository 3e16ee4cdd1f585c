import type { Kysely } from "kysely";
import type { SubgraphDefinition } from "../subgraphDefinition";
import { relayCaller, type SourceStateReader } from "./sourceState";

/**
 * The relay's reader of open matters for a subgraph that is a customer-360 source: its
 * contribution's own function (the same rules as the merged view), as the relay's caller, on a
 * fresh context per batch (loaders cache what they read).
 */
export function relaySourceState<DB, Loaders>(definition: SubgraphDefinition<DB, Loaders>, db: Kysely<DB>): SourceStateReader | undefined {
  const contribution = definition.customer360Source;
  if (!contribution) return undefined;
  return (ownerIds) =>
    contribution.openMattersByOwner({ db, loaders: definition.createLoaders(db), caller: relayCaller(definition.name), servedCustomerIds: new Set(), servedOwners: new Map() }, ownerIds);
}
