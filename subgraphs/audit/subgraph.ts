import type { SubgraphDefinition } from "../kit";
import { migrations } from "./db/migrations";
import type { DB } from "./db/tables";
import { createLoaders, type Loaders } from "./loaders";
import { AuditTrailResolver } from "./resolvers/AuditTrailResolver";
import { RecordAuditEntriesResolver } from "./resolvers/RecordAuditEntriesResolver";
import { seedStories } from "./seed/stories";
import { seedSynthetic } from "./seed/synthetic";
import { accessMatrix } from "./accessMatrix";
import { customerData } from "./customerData";

/**
 * The audit trail (issue 4 item 5, S6): the gateway appends one entry per operation (who,
 * role, organization, customers, fields, operation, when, outcome); supervisors read it per
 * customer and per actor. Append-only; not a customer-360 source; owns no entities.
 */
export const auditSubgraph: SubgraphDefinition<DB, Loaders> = {
  name: "audit",
  defaultPort: 4006,
  resolvers: [AuditTrailResolver, RecordAuditEntriesResolver],
  referenceResolvers: {},
  accessMatrix,
  customerData,
  migrations,
  seedMarkerTable: "audit_entries",
  seed: seedStories,
  seedSynthetic,
  createLoaders,
};
