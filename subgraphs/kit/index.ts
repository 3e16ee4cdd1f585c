/**
 * The subgraph kit: everything our subgraphs (and partners' subgraphs) share.
 * A subgraph folder provides a SubgraphDefinition; the kit builds, serves and checks it.
 */
export { buildFederatedSchema, type ReferenceResolvers } from "./buildFederatedSchema";
export { buildDefinitionSchema, definitionAccessMatrix, definitionCustomerData } from "./definitionSchema";
export { startSubgraph, type RunningSubgraph, type SubgraphServerOptions } from "./createSubgraphServer";
export { openDatabase, isEmpty, type Database } from "./database";
export { rowLoader, groupLoader, MAX_BATCH } from "./loaders";
export { runSubgraphMain } from "./runSubgraphMain";
export type { SubgraphContext, SubgraphDefinition } from "./subgraphDefinition";
export { withIdempotency, idempotentMutation, rememberedAnswer, requestHash, type IdempotencyScope } from "./idempotency";
export { nowIso, daysAgo, daysFromNow, minutesAgo, addHours, lateness, cstTime } from "./clock";
export * from "./customer360/types";
export { actorOf } from "./actorOf";
export { checkPageSize, MAX_PAGE } from "./pageSize";
export { type Cursor } from "./cursor";
export { CONTRIBUTIONS, MERGE_ENTITIES, contributionField, contributionSelection, contributionTypeName, selectionOf, type ContributionKind } from "./customer360/contributionContract";
export { customer360Source, type SourceOptions, type SourceContribution } from "./customer360/customer360Source";
export { type Customer360Tables } from "./customer360/tables";
export { KIT_MIGRATIONS, KIT_MIGRATION_TABLE } from "./customer360/kitMigrations";
export { recordEvent, assignHandler, releaseHandler, addCommitment, settleCommitments, type ActorInput, type HandlerInput, type EventInput } from "./customer360/writes";
export { recordSeededEvents, assignSeededHandlers, type SeededHandler } from "./customer360/seedWrites";
export { loadTimelineSlice, completeMatters, toTimelineEvent, toCommitment, toHandler, type MatterRecord } from "./customer360/reads";
export { normalizeIdentifier, normalizePhone, maskPhone, type NormalizedIdentifier } from "./customer360/identifiers";
export { encodeKey, decodeTimelineKey, decodeMattersKey, decodeLookupKey, encodeCursor, decodeCursor, type TimelineQuery, type MattersQuery, type LookupQuery, type IdentityIds } from "./customer360/queryKeys";
export { SLA_HOURS, slaHours } from "./customer360/sla";
export { graphqlEnum, type EnumValue } from "./graphqlEnum";
export { seededRandom, insertInChunks, type SyntheticPerson, type SyntheticSeeder } from "./synthetic";
export * from "./authorization";
export { enforceAccessMatrix, accessFor, declarableRootFields, CLIENT_ROLES, type Access, type AccessMatrix, type FieldAccess, type ClientRole } from "./accessMatrix";
export { accessRule, GATEWAY_ONLY, HANDLING_ORGANIZATION, OPEN_TO_ALL, OWN_STAFF_ONLY, PARTNER_OWN_ANALYST_MASKED, PARTNER_OWN_NO_ANALYST, PARTNER_OWN_ONLY, STAFF_ANALYST_MASKED, STAFF_ONLY, SUPERVISORS_ONLY, type AccessRule, type RoleAccess } from "./accessRules";
export { reportCustomerData, formatOwner, parseOwners, SERVED_OWNERS_HEADER, type OwnerRef, type OwnerOf, type CustomerDataDeclarations } from "./customerData";
export { deadLetterAccess, deadLetterFieldNames, withDeadLetterAccess, type DeadLetterFieldNames } from "./events/deadLetterFields";
// What a subgraph (ours or a partner's, through @customer360/kit) needs to publish and react (PARTNERS.md "Events").
export type { DomainEvent, EventActor, Reaction } from "./events/reaction";
export type { EventCatalogue, EventType, BasePayload } from "./events/catalogue";
export type { SourceState, SourceOpenMatter } from "./events/sourceState";
