import type { SubgraphDefinition } from "../kit";
import { accessMatrix } from "./accessMatrix";
import { customerData } from "./customerData";
import { migrations } from "./db/migrations";
import type { DB } from "./db/tables";
import { analyticsReaction } from "./domain/ingest";
import { createLoaders, type Loaders } from "./loaders";
import { ServiceHistoryResolver } from "./resolvers/ServiceHistoryResolver";
import { ServiceMetricsResolver } from "./resolvers/ServiceMetricsResolver";
import { seedStories } from "./seed/stories";
import { seedSynthetic } from "./seed/synthetic";

/**
 * Analytics (issue 15): a read model of every source's domain events (history included) in
 * DuckDB, masked on the way in, for analysts and supervisors: serviceHistory across customers
 * and serviceMetrics (docs/ANALYTICS.md). Not a customer-360 source; owns no entities.
 */
export const analyticsSubgraph: SubgraphDefinition<DB, Loaders> = {
  name: "analytics",
  defaultPort: 4008,
  resolvers: [ServiceHistoryResolver, ServiceMetricsResolver],
  referenceResolvers: {},
  accessMatrix,
  customerData,
  migrations,
  seedMarkerTable: "analytics_staging",
  seed: seedStories,
  seedSynthetic,
  createLoaders,
  reactions: [analyticsReaction],
};
