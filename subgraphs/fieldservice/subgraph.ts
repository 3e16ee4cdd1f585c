import { guardReferences, guardResolvers, type SubgraphDefinition } from "../kit";
import { fieldserviceCustomer360 } from "./customer360";
import { migrations } from "./db/migrations";
import type { DB } from "./db/tables";
import { createLoaders, type Loaders } from "./loaders";
import { FieldJobMutationResolver } from "./resolvers/FieldJobMutationResolver";
import { FieldJobResolver } from "./resolvers/FieldJobResolver";
import { referenceResolvers } from "./resolvers/references";
import { VisitResolver } from "./resolvers/VisitResolver";
import { seedStories } from "./seed/stories";
import { seedSynthetic } from "./seed/synthetic";
import { Visit } from "./types/Visit";
import { accessMatrix } from "./accessMatrix";
import { customerData } from "./customerData";
import { reactions } from "./reactions";

/**
 * 快修到家 Kuaixiu Home Service (org `kuaixiu`): the field-service contractor whose
 * technicians actually visit for the makers (S1, S5). The worked example of a partner
 * subgraph (PARTNERS.md): the same kit and folder shape as ours.
 */
export const fieldserviceSubgraph: SubgraphDefinition<DB, Loaders> = {
  name: "fieldservice",
  defaultPort: 4007,
  // Authorization (kit/authorization.ts, domain/access.ts): the system identity refused everywhere, partners scoped in the resolvers.
  resolvers: guardResolvers([FieldJobResolver, VisitResolver, FieldJobMutationResolver, ...fieldserviceCustomer360.resolvers]),
  orphanedTypes: [Visit, ...fieldserviceCustomer360.orphanedTypes],
  referenceResolvers: guardReferences({ ...referenceResolvers, ...fieldserviceCustomer360.referenceResolvers }),
  accessMatrix,
  customerData,
  migrations,
  seedMarkerTable: "field_jobs",
  seed: seedStories,
  seedSynthetic,
  createLoaders,
  customer360Source: fieldserviceCustomer360,
  reactions,
};
