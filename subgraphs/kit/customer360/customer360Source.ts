import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../subgraphDefinition";
import type { ReferenceResolvers } from "../buildFederatedSchema";
import type { CustomerDataDeclarations, OwnerRef } from "../customerData";
import type { NormalizedIdentifier } from "./identifiers";
import { contributionField } from "./contributionContract";
import { decodeLookupKey, decodeMattersKey, decodeTimelineKey } from "./queryKeys";
import { completeMatters, loadTimelineSlice, type MatterRecord } from "./reads";
import { IdentityRef, OpenMatter, TimelineEvent } from "./types";
import type { SourceOpenMatter } from "../events/sourceState";

/*
 * How a subgraph joins the single question. The customers subgraph owns four merge
 * entities, each keyed by a query it encodes (queryKeys.ts):
 *   Timeline         -> each source adds `<source>Events`  (its bounded slice of a page)
 *   OpenMattersView  -> each source adds `<source>Matters` (its open matters, completed)
 *   CustomerOverview -> both of the above at once (one fetch per source for the 360 view)
 *   CustomerLookup   -> each source adds `<source>Matches` (identities an identifier hits)
 * and merges them with @requires. This file generates a source's fields, so joining is one
 * call: `customer360Source("orders", { openMatters, lookup })`.
 *
 * The fields are nullable on purpose: a source that fails yields null, and the merge
 * reports it in `missingSources` instead of losing the whole answer.
 */

export interface SourceOptions<DB, Loaders> {
  /**
   * Whose ids this source's records are keyed by. Default: the source's own name (the
   * customers subgraph links the person to an id in this system). A partner working on
   * another party's behalf may key by that party's ids instead, e.g. a field-service
   * contractor keyed by the maker's registration ids ("aftersales").
   */
  identitySystem?: string;
  /** This source's open matters for the customer's ids in this system. */
  openMatters?: (context: SubgraphContext<DB, Loaders>, ownerIds: string[]) => Promise<MatterRecord[]>;
  /** Identities in this system that an identifier the rep typed points to. */
  lookup?: (context: SubgraphContext<DB, Loaders>, identifier: NormalizedIdentifier) => Promise<IdentityRef[]>;
}

export interface SourceContribution {
  resolvers: Function[];
  orphanedTypes: Function[];
  referenceResolvers: ReferenceResolvers;
  /** Whose data the shared customer-360 types hold (kit/customerData.ts); merged into the subgraph's own declarations. */
  customerData: CustomerDataDeclarations;
  /**
   * The open matters of each owner (ids in this source's identity system), as the merged
   * view would show them to `context.caller`: what the event relay attaches to the events
   * (kit/events/sourceState.ts) when the definition names this contribution.
   */
  openMattersByOwner(context: SubgraphContext<any, any>, ownerIds: string[]): Promise<Map<string, SourceOpenMatter[]>>;
}

interface KeyedEntity {
  key: string;
}

export function customer360Source<DB, Loaders>(source: string, options: SourceOptions<DB, Loaders>): SourceContribution {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(source)) throw new Error(`source name "${source}" must be a lowerCamel GraphQL name`);
  type Context = SubgraphContext<DB, Loaders>;
  const identitySystem = options.identitySystem ?? source;

  @Directive('@key(fields: "key")')
  @ObjectType("Timeline")
  class TimelineEntity {
    @Field() key!: string;
  }

  @Directive('@key(fields: "key")')
  @ObjectType("OpenMattersView")
  class OpenMattersEntity {
    @Field() key!: string;
  }

  @Directive('@key(fields: "key")')
  @ObjectType("CustomerLookup")
  class LookupEntity {
    @Field() key!: string;
  }

  /** Timeline page and open matters together: one fetch per source for the whole 360 view. */
  @Directive('@key(fields: "key")')
  @ObjectType("CustomerOverview")
  class OverviewEntity {
    @Field() key!: string;
  }

  const timelineSlice = (context: Context, key: string) => {
    const query = decodeTimelineKey(key);
    return loadTimelineSlice(context.db, source, query, query.ids[identitySystem] ?? []);
  };
  const openMatters = async (context: Context, key: string) => {
    const query = decodeMattersKey(key);
    const ownerIds = query.ids[identitySystem] ?? [];
    if (!options.openMatters || ownerIds.length === 0) return [];
    return completeMatters(context.db, source, await options.openMatters(context, ownerIds));
  };

  @Resolver(() => TimelineEntity)
  class TimelineSourceResolver {
    @FieldResolver(() => [TimelineEvent], { name: contributionField(source, "Events"), nullable: true, description: `This source's slice of the timeline page` })
    async events(@Root() root: KeyedEntity, @Ctx() context: Context): Promise<TimelineEvent[]> {
      return timelineSlice(context, root.key);
    }
  }

  @Resolver(() => OpenMattersEntity)
  class MattersSourceResolver {
    @FieldResolver(() => [OpenMatter], { name: contributionField(source, "Matters"), nullable: true, description: `This source's open matters` })
    async matters(@Root() root: KeyedEntity, @Ctx() context: Context): Promise<OpenMatter[]> {
      return openMatters(context, root.key);
    }
  }

  // The overview's key is a timeline query; it also carries what open matters need (customer, ids).
  @Resolver(() => OverviewEntity)
  class OverviewSourceResolver {
    @FieldResolver(() => [TimelineEvent], { name: contributionField(source, "Events"), nullable: true, description: `This source's slice of the timeline page` })
    async events(@Root() root: KeyedEntity, @Ctx() context: Context): Promise<TimelineEvent[]> {
      return timelineSlice(context, root.key);
    }

    @FieldResolver(() => [OpenMatter], { name: contributionField(source, "Matters"), nullable: true, description: `This source's open matters` })
    async matters(@Root() root: KeyedEntity, @Ctx() context: Context): Promise<OpenMatter[]> {
      return openMatters(context, root.key);
    }
  }

  @Resolver(() => LookupEntity)
  class LookupSourceResolver {
    @FieldResolver(() => [IdentityRef], { name: contributionField(source, "Matches"), nullable: true, description: `Identities in ${source} the identifier points to` })
    async matches(@Root() root: KeyedEntity, @Ctx() context: Context): Promise<IdentityRef[]> {
      if (!options.lookup) return [];
      return options.lookup(context, decodeLookupKey(root.key) as NormalizedIdentifier);
    }
  }

  const byKey = { __resolveReference: (reference: KeyedEntity) => ({ key: reference.key }) };
  // A merge entity's slice belongs to the person in its key and to their ids in this source's system.
  const keyOwners = (entity: KeyedEntity): OwnerRef[] => {
    const query = decodeMattersKey(entity.key);
    const ids = query.ids[identitySystem] ?? [];
    return [{ system: "customers", id: query.customerId }, ...ids.map((id) => ({ system: identitySystem, id }))];
  };
  const openMattersByOwner = async (context: Context, ownerIds: string[]) => {
    const byOwner = new Map<string, SourceOpenMatter[]>();
    // One owner at a time: a source's matters do not say whose they are.
    for (const ownerId of ownerIds) {
      const records = options.openMatters ? await options.openMatters(context, [ownerId]) : [];
      byOwner.set(ownerId, records.map((m) => ({ kind: m.kind, id: m.id, status: m.status })));
    }
    return byOwner;
  };
  return {
    openMattersByOwner,
    resolvers: [TimelineSourceResolver, MattersSourceResolver, LookupSourceResolver, OverviewSourceResolver],
    orphanedTypes: [TimelineEntity, OpenMattersEntity, LookupEntity, OverviewEntity],
    referenceResolvers: { Timeline: byKey, OpenMattersView: byKey, CustomerLookup: byKey, CustomerOverview: byKey },
    customerData: {
      Timeline: keyOwners,
      OpenMattersView: keyOwners,
      CustomerOverview: keyOwners,
      // The lookup's key is what the rep typed; the identities it found report their owners.
      CustomerLookup: "not-customer-data",
      IdentityRef: (ref: IdentityRef) => ({ system: ref.system, id: ref.externalId }),
      TimelineEvent: "via-parent",
      OpenMatter: "via-parent",
      Actor: "not-customer-data",
      Handler: "not-customer-data",
      Handoff: "not-customer-data",
      Commitment: "via-parent",
    },
  };
}
