import type { Kysely } from "kysely";
import type { EventType } from "./catalogue";
import type { SourceState } from "./sourceState";

/*
 * The contract between the event backbone (delivery: kit/events/*) and the subgraphs that
 * react to each other's actions. A subgraph declares its reactions in its definition
 * (`reactions` in subgraph.ts); the kit runs them, on NATS JetStream when NATS_URL is set
 * and on the embedded log otherwise: the reaction code is the same on both.
 */

/** The actor of an event, as written in the timeline. */
export interface EventActor {
  name: string;
  role?: string | null;
  organization: string;
  team?: string | null;
}

/** One domain event as a consumer receives it (an outbox row, decoded). */
export interface DomainEvent<P = Record<string, unknown>> {
  /** Same id as the timeline entry written with it; the dedupe key everywhere. */
  id: string;
  /** The subgraph whose outbox holds it (supergraph.yaml's service name), e.g. "aftersales". */
  source: string;
  /** The catalogue type without the source, e.g. "visit.cancelled". */
  type: EventType | string;
  version: number;
  occurredAt: string;
  actor: EventActor | null;
  /** The customer's id in the source system. */
  ownerId: string;
  payload: P;
  /**
   * True for seeded history (written before any consumer existed). Reactions never see
   * history; consumers that build read models (analytics) ask for it with includeHistory.
   */
  history: boolean;
  /**
   * What is still open for the owner in the source when the relay handed the event on
   * (sourceState.ts); absent from sources without a customer-360 contribution and from events
   * published before it existed.
   */
  sourceState?: SourceState | null;
}

/**
 * A durable consumer: the kit delivers every matching event at least once and applies
 * `handle` at most once in effect (inbox row + effect in one transaction, kit/events/consumeOnce.ts).
 * A handler that throws is retried with backoff; after the kit's attempt limit the event lands
 * in the dead-letter list, which a supervisor queries and replays through the graph.
 */
export interface Reaction<DB = any> {
  /** Durable consumer name, unique in the system: "<subgraph>.<what-it-does>", e.g. "fieldservice.job-follows-visit". */
  consumer: string;
  /** Source subgraphs it listens to; "all" for every source in supergraph.yaml. */
  sources: string[] | "all";
  /** Event types it reacts to (others are acknowledged and skipped); omitted means all. */
  types?: string[];
  /** Also deliver seeded history (read models only). Default false. */
  includeHistory?: boolean;
  /** The effect, on the consumer's own database inside the inbox transaction. */
  handle(event: DomainEvent, trx: Kysely<DB>): Promise<void>;
}
