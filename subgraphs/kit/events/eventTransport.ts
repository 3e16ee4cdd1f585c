import type { DomainEvent } from "./reaction";

/*
 * The one seam between the event backbone's logic (relay, consumers, retries, dead letters)
 * and the engine that carries events. The embedded log (embeddedLogTransport.ts) is the
 * default; a NATS JetStream transport selected by NATS_URL implements the same interface, so
 * the relay and the consumer code do not change with the engine.
 */

/** Called once per delivered event; resolving acknowledges it (the position advances). */
export type EventHandler = (event: DomainEvent) => Promise<void>;

export interface EventSubscription {
  /** Stops delivering; resolves once the event in hand (if any) has been handled or abandoned. */
  stop(): Promise<void>;
}

export interface SubscribeOptions {
  /** How often a subscription looks for new events after it found some (embedded log). */
  pollMs: number;
  /** The longest it waits while it finds none (kit/events/pollBackoff.ts); pollMs when unset. */
  idlePollMs?: number;
}

export interface EventTransport {
  readonly kind: "embedded" | "nats";
  /**
   * Stores the events durably, in the given order, each at most once per (source, id)
   * (a second publish of the same event is ignored, like JetStream's msgID dedupe).
   * Resolves only once they are durable: the relay marks its outbox rows sent after that.
   */
  publish(events: DomainEvent[]): Promise<void>;
  /**
   * A durable consumer: delivers every event from `sources` ("all": every source) after the
   * consumer's stored position, in order, at least once. A handler that rejects leaves the
   * position where it was and the event is delivered again after `pollMs`.
   */
  subscribe(consumer: string, sources: string[] | "all", handler: EventHandler, options: SubscribeOptions): EventSubscription;
  close(): Promise<void>;
}
