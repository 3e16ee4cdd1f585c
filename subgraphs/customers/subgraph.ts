import { guardReferences, guardResolvers, type SubgraphDefinition } from "../kit";
import type { DB } from "./db/tables";
import { migrations } from "./db/migrations";
import { createLoaders, type Loaders } from "./loaders";
import { referenceResolvers } from "./references";
import { ContactLogResolver } from "./resolvers/ContactLogResolver";
import { IdentityPersonsResolver } from "./resolvers/IdentityPersonsResolver";
import { CustomerLookupResolver } from "./resolvers/CustomerLookupResolver";
import { CustomerResolver } from "./resolvers/CustomerResolver";
import { CustomerOpenMattersResolver, OpenMattersResolver } from "./resolvers/OpenMattersResolver";
import { CustomerOverviewResolver, OverviewResolver } from "./resolvers/OverviewResolver";
import { CustomerTimelineResolver, TimelineResolver } from "./resolvers/TimelineResolver";
import { seedStories } from "./seed/stories";
import { seedSynthetic } from "./seed/synthetic";
import { BillingAccount, MakerCustomer, RetailerCustomer, SecurityLogin } from "./types/systemReferences";
import { accessMatrix } from "./accessMatrix";
import { customerData } from "./customerData";

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
    ]),
    // Not under guardResolvers' system refusal: the gateway's own identity is its only caller (accessMatrix.ts).
    IdentityPersonsResolver,
  ],
  orphanedTypes: [RetailerCustomer, MakerCustomer, BillingAccount, SecurityLogin],
  referenceResolvers: guardReferences(referenceResolvers),
  accessMatrix,
  customerData,
  migrations,
  seedMarkerTable: "customers",
  seed: seedStories,
  seedSynthetic,
  createLoaders,
};
