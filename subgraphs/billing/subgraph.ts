import { guardReferences, guardResolvers, type SubgraphDefinition } from "../kit";
import { assertMayReadBilling, denyPartners } from "./access";
import { billingCustomer360 } from "./customer360";
import type { DB } from "./db/tables";
import { migrations } from "./db/migrations";
import { createLoaders, type Loaders } from "./loaders";
import { BillingAccountResolver } from "./resolvers/BillingAccountResolver";
import { BillingDisputeResolver } from "./resolvers/BillingDisputeResolver";
import { BillingLineResolver } from "./resolvers/BillingLineResolver";
import { InvoiceItemResolver, InvoiceResolver } from "./resolvers/InvoiceResolver";
import { OpenBillingAccountResolver } from "./resolvers/OpenBillingAccountResolver";
import { OutageResolver } from "./resolvers/OutageResolver";
import { referenceResolvers } from "./resolvers/references";
import { SuspensionResolver } from "./resolvers/SuspensionResolver";
import { seedStories } from "./seed/stories";
import { seedSynthetic } from "./seed/synthetic";
import { accessMatrix } from "./accessMatrix";
import { customerData } from "./customerData";

/** Telecom (unicom) and cable TV (jiangcheng) billing: accounts, lines, invoices, suspensions, outages, disputes. */
export const billingSubgraph: SubgraphDefinition<DB, Loaders> = {
  name: "billing",
  defaultPort: 4004,
  // Authorization (kit/authorization.ts, access.ts): nothing for partners or the system identity; analysts see personal data masked.
  resolvers: [
    ...guardResolvers([BillingAccountResolver, BillingLineResolver, InvoiceResolver, InvoiceItemResolver, OutageResolver, SuspensionResolver, BillingDisputeResolver, OpenBillingAccountResolver], denyPartners),
    ...billingCustomer360.resolvers,
  ],
  orphanedTypes: billingCustomer360.orphanedTypes,
  referenceResolvers: { ...guardReferences(referenceResolvers, assertMayReadBilling), ...guardReferences(billingCustomer360.referenceResolvers) },
  accessMatrix,
  customerData,
  migrations,
  seedMarkerTable: "billing_accounts",
  seed: seedStories,
  seedSynthetic,
  createLoaders,
  customer360Source: billingCustomer360,
};
