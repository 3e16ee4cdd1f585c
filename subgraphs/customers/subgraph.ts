import { guardReferences, guardResolvers, IdentityRef, OpenMatter, TimelineEvent, type SubgraphDefinition } from "../kit";
import type { DB } from "./db/tables";
import { migrations } from "./db/migrations";
import { createLoaders, type Loaders } from "./loaders";
import { withSourceFields } from "./merge/sourceFields";
import { referenceResolvers } from "./references";
import { ContactLogResolver } from "./resolvers/ContactLogResolver";
import { ComplaintMutationResolver } from "./resolvers/ComplaintMutationResolver";
import { SurveyMutationResolver } from "./resolvers/SurveyMutationResolver";
import { IdentityPersonsResolver } from "./resolvers/IdentityPersonsResolver";
import { CustomerLookupResolver } from "./resolvers/CustomerLookupResolver";
import { CustomerResolver } from "./resolvers/CustomerResolver";
import { CustomerOpenMattersResolver, OpenMattersResolver } from "./resolvers/OpenMattersResolver";
import { CustomerOverviewResolver, OverviewResolver } from "./resolvers/OverviewResolver";
import { CustomerTimelineResolver, TimelineResolver } from "./resolvers/TimelineResolver";
import { seedStories } from "./seed/stories";
import { seedSynthetic } from "./seed/synthetic";
import { loadSources, replaceSources, watchSources } from "./sources";
import { readCustomersConfig, useCustomersConfig } from "./config";
import { BillingAccount, MakerCustomer, RetailerCustomer, SecurityLogin } from "./types/systemReferences";
import { accessMatrix } from "./accessMatrix";
import { customerData } from "./customerData";
import { reactions } from "./reactions";
import { IdentityGraphResolver } from "./resolvers/IdentityGraphResolver";

/** Other systems' customer entities this subgraph adds fields to. */
const ENTITY_STUBS = [RetailerCustomer, MakerCustomer, BillingAccount, SecurityLogin];

/**
 * The identity and engagement core: who the customer is in every system, the shared
 * contact log and complaints, and the merge points of the single question (timeline,
 * open matters, lookup).
 */
export const customersSubgraph: SubgraphDefinition<DB, Loaders> = {
  name: "customers",
  defaultPort: 4001,
  // Authorization (kit/authorization.ts): the gates here, partner and analyst views in the resolvers and mappers.
  resolvers: [
    ...guardResolvers([
    CustomerResolver,
    CustomerTimelineResolver,
    TimelineResolver,
    CustomerOpenMattersResolver,
    OpenMattersResolver,
    CustomerOverviewResolver,
    OverviewResolver,
    CustomerLookupResolver,
    ContactLogResolver,
    ComplaintMutationResolver,
    SurveyMutationResolver,
    IdentityGraphResolver,
    ]),
    // Not under guardResolvers' system refusal: the gateway's own identity is its only caller (accessMatrix.ts).
    IdentityPersonsResolver,
  ],
  // And the value types of the per-source merge fields (withSourceFields adds those fields).
  orphanedTypes: [...ENTITY_STUBS, TimelineEvent, OpenMatter, IdentityRef],
  referenceResolvers: guardReferences(referenceResolvers),
  accessMatrix,
  customerData,
  migrations,
  seedMarkerTable: "customers",
  seed: seedStories,
  seedSynthetic,
  createLoaders,
  // The merge fields follow schema/customer360-sources.yaml, live: a new source needs no restart.
  transformSchema: (schema) => withSourceFields(schema, ENTITY_STUBS.map((type) => type.name)),
  watchSchema: (changed) => watchSources(() => changed()),
  // Options and the source list, read once at start (config.ts); passed in, not read at import.
  configure: (env) => {
    const config = readCustomersConfig(env);
    useCustomersConfig(config);
    replaceSources(loadSources(config.sourcesPath));
  },
  reactions,
};
