import { guardReferences, guardResolvers, type SubgraphDefinition } from "../kit";
import { ordersCustomer360 } from "./customer360";
import type { DB } from "./db/tables";
import { migrations } from "./db/migrations";
import { createLoaders, type Loaders } from "./loaders";
import { OrderLineResolver } from "./resolvers/OrderLineResolver";
import { OrderResolver } from "./resolvers/OrderResolver";
import { referenceResolvers } from "./resolvers/references";
import { RecordOrderResolver } from "./resolvers/RecordOrderResolver";
import { RetailerCustomerResolver } from "./resolvers/RetailerCustomerResolver";
import { ReturnRequestResolver } from "./resolvers/ReturnRequestResolver";
import { ServiceCaseResolver } from "./resolvers/ServiceCaseResolver";
import { StoreResolver } from "./resolvers/StoreResolver";
import { StoreRefundResolver } from "./resolvers/StoreRefundResolver";
import { ValueAddedServiceOrderResolver } from "./resolvers/ValueAddedServiceOrderResolver";
import { seed } from "./seed/stories";
import { seedSynthetic } from "./seed/synthetic";
import { ServiceCase } from "./types/ServiceCase";
import { accessMatrix } from "./accessMatrix";
import { customerData } from "./customerData";
import { reactions } from "./reactions";

/** The retailer, Yougou Mall: orders, lines, products, stores, returns, value-added services. */
export const ordersSubgraph: SubgraphDefinition<DB, Loaders> = {
  name: "orders",
  defaultPort: 4002,
  // Authorization (kit/authorization.ts, access.ts): the gates here, partner views in resolvers.
  resolvers: guardResolvers([
    StoreRefundResolver,
    RetailerCustomerResolver,
    OrderResolver,
    OrderLineResolver,
    ReturnRequestResolver,
    StoreResolver,
    ValueAddedServiceOrderResolver,
    ServiceCaseResolver,
    ...ordersCustomer360.resolvers,
    RecordOrderResolver,
  ]),
  orphanedTypes: [ServiceCase, ...ordersCustomer360.orphanedTypes],
  referenceResolvers: guardReferences({ ...referenceResolvers, ...ordersCustomer360.referenceResolvers }),
  accessMatrix,
  customerData,
  migrations,
  seedMarkerTable: "orders",
  seed,
  seedSynthetic,
  createLoaders,
  customer360Source: ordersCustomer360,
  reactions,
};
