import type { GraphQLSchema } from "graphql";
import type { Kysely, Migration } from "kysely";
import type { NonEmptyArray } from "type-graphql";
import type { Caller } from "../../common/caller";
import type { AccessMatrix } from "./accessMatrix";
import type { ReferenceResolvers } from "./buildFederatedSchema";
import type { CustomerDataDeclarations, OwnerRef } from "./customerData";
import type { SyntheticSeeder } from "./synthetic";
import type { Reaction } from "./events/reaction";
import type { SourceContribution } from "./customer360/customer360Source";

/** What every resolver of a subgraph receives as `@Ctx()`: built fresh for each request. */
export interface SubgraphContext<DB, Loaders> {
  db: Kysely<DB>;
  /** Per-request DataLoaders: every list and reference field goes through them. */
  loaders: Loaders;
  /** Who is asking, verified by the gateway's signed token. */
  caller: Caller;
  /**
   * Customers (ids in the customers subgraph) whose data this request served; reported to
   * the gateway in the `x-customer-ids` header for the audit trail.
   */
  servedCustomerIds: Set<string>;
  /**
   * Customers' identities (system + id) whose records this request returned, filled by the
   * kit from the subgraph's customerData declarations; reported in `x-served-owners`.
   */
  servedOwners: Map<string, OwnerRef>;
}

/**
 * Everything that makes one subgraph; the kit turns it into a running service.
 * Every subgraph folder exports one of these from `subgraph.ts`, so a newcomer (or a
 * partner vendor) who knows one folder knows them all.
 */
export interface SubgraphDefinition<DB, Loaders> {
  /** Service name in schema/supergraph.yaml, SQLite file name, PostgreSQL schema name. */
  name: string;
  /** Port used by `npm start` unless PORT says otherwise. */
  defaultPort: number;
  resolvers: NonEmptyArray<Function>;
  /** Types not reachable from a resolver but part of the schema (entity stubs, interfaces). */
  orphanedTypes?: Function[];
  referenceResolvers: ReferenceResolvers;
  /** Who may call each root Query and Mutation field (kit/accessMatrix.ts); the subgraph does not start with one undeclared. */
  accessMatrix: AccessMatrix;
  /** Whose records each object type holds (kit/customerData.ts), for the audit trail; every type is declared. */
  customerData: CustomerDataDeclarations;
  migrations: Record<string, Migration>;
  /** A table that is empty until the seed ran: the seed runs on first start only. */
  seedMarkerTable: string;
  /** Writes the story data (STORIES.md S1-S7) this subgraph holds. */
  seed(db: Kysely<DB>): Promise<void>;
  /** Writes synthetic customers' records for benchmarks (scripts/seed.ts). */
  seedSynthetic: SyntheticSeeder<DB>;
  createLoaders(db: Kysely<DB>): Loaders;
  /** Adds to the schema type-graphql built, before it is printed (customers: one field per source). */
  transformSchema?: (schema: GraphQLSchema) => GraphQLSchema;
  /**
   * Calls `changed` whenever the schema must be rebuilt (customers: its source list file
   * changed); the running server then serves the new schema without a restart. Returns a stop function.
   */
  watchSchema?: (changed: () => void) => () => void;
  /**
   * The subgraph's customer-360 contribution (kit/customer360Source), when it is a source: its
   * events then carry the owner's open matters here (kit/events/sourceState.ts), which the
   * customers subgraph's survey check reads.
   */
  customer360Source?: SourceContribution;
  /** How this subgraph reacts to other parties' domain events (kit/events/reaction.ts); run by the kit. */
  reactions?: Reaction<DB>[];
  /**
   * Reads and validates the subgraph's own options once, at start (before its schema is built
   * or its database opened; also before --print-sdl). Nothing reads the environment or files at import time.
   */
  configure?: (env: NodeJS.ProcessEnv) => void;
}
