import { guardReferences, guardResolvers, type SubgraphDefinition } from "../kit";
import { aftersalesCustomer360 } from "./customer360";
import type { DB } from "./db/tables";
import { migrations } from "./db/migrations";
import { createLoaders, type Loaders } from "./loaders";
import { CaseMutationResolver } from "./resolvers/CaseMutationResolver";
import { CreationMutationResolver } from "./resolvers/CreationMutationResolver";
import { HandoverMutationResolver } from "./resolvers/HandoverMutationResolver";
import { DeviceResolver } from "./resolvers/DeviceResolver";
import { KnownIssueResolver } from "./resolvers/KnownIssueResolver";
import { MakerCustomerResolver } from "./resolvers/MakerCustomerResolver";
import { OrderResolver } from "./resolvers/OrderResolver";
import { referenceResolvers } from "./resolvers/references";
import { ServiceArrangementResolver } from "./resolvers/ServiceArrangementResolver";
import { ServiceCaseResolver } from "./resolvers/ServiceCaseResolver";
import { ServiceCenterResolver } from "./resolvers/ServiceCenterResolver";
import { TechnicianResolver } from "./resolvers/TechnicianResolver";
import { VisitMutationResolver } from "./resolvers/VisitMutationResolver";
import { VisitResolver } from "./resolvers/VisitResolver";
import { seedStories } from "./seed/stories";
import { seedSynthetic } from "./seed/synthetic";
import { Order } from "./types/Order";
import { accessMatrix } from "./accessMatrix";
import { handOverResolvers, handOverReferenceResolvers, handOverTypes } from "./handOverResolvers";
import { customerData } from "./customerData";
import { reactions } from "./reactions";

/** The makers' after-sales (aolan, xinghai, hengtong, lenovo, huawei): devices, cases, visits, service centers. */
export const aftersalesSubgraph: SubgraphDefinition<DB, Loaders> = {
  name: "aftersales",
  defaultPort: 4003,
  // Authorization (kit/authorization.ts, access.ts): the gates here, partner and analyst views in resolvers and mappers.
  resolvers: guardResolvers([
    ServiceCaseResolver,
    CaseMutationResolver,
    MakerCustomerResolver,
    DeviceResolver,
    KnownIssueResolver,
    VisitResolver,
    VisitMutationResolver,
    HandoverMutationResolver,
    TechnicianResolver,
    ServiceCenterResolver,
    ServiceArrangementResolver,
    OrderResolver,
    ...handOverResolvers,
    ...aftersalesCustomer360.resolvers,
    CreationMutationResolver,
  ]),
  orphanedTypes: [Order, ...handOverTypes, ...aftersalesCustomer360.orphanedTypes],
  referenceResolvers: guardReferences({ ...referenceResolvers, ...handOverReferenceResolvers, ...aftersalesCustomer360.referenceResolvers }),
  accessMatrix,
  customerData,
  migrations,
  seedMarkerTable: "service_cases",
  seed: seedStories,
  seedSynthetic,
  createLoaders,
  customer360Source: aftersalesCustomer360,
  reactions,
};
