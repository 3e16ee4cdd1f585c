import type { SubgraphDefinition } from "../kit";
import { readSecurityConfig, useSecurityConfig } from "./config";
import { securityCustomer360 } from "./customer360";
import { migrations } from "./db/migrations";
import type { DB } from "./db/tables";
import { createLoaders, type Loaders } from "./loaders";
import { IdentityVerificationResolver } from "./resolvers/IdentityVerificationResolver";
import { LoginUnlockResolver } from "./resolvers/LoginUnlockResolver";
import { referenceResolvers } from "./resolvers/references";
import { RegisterLoginResolver } from "./resolvers/RegisterLoginResolver";
import { SecurityLoginResolver } from "./resolvers/SecurityLoginResolver";
import { seedStories } from "./seed/stories";
import { seedSynthetic } from "./seed/synthetic";
import { accessMatrix } from "./accessMatrix";
import { customerData } from "./customerData";

/** The account platform (org `platform`): logins, attempts, lockouts, notifications really sent, identity verification (S2, S6). */
export const securitySubgraph: SubgraphDefinition<DB, Loaders> = {
  name: "security",
  defaultPort: 4005,
  resolvers: [SecurityLoginResolver, IdentityVerificationResolver, LoginUnlockResolver, RegisterLoginResolver, ...securityCustomer360.resolvers],
  orphanedTypes: [...securityCustomer360.orphanedTypes],
  referenceResolvers: { ...referenceResolvers, ...securityCustomer360.referenceResolvers },
  accessMatrix,
  customerData,
  migrations,
  seedMarkerTable: "security_logins",
  seed: seedStories,
  seedSynthetic,
  createLoaders,
  customer360Source: securityCustomer360,
  // Its own options, read once at start (config.ts).
  configure: (env) => useSecurityConfig(readSecurityConfig(env)),
};
