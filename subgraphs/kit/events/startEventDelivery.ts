import type { Kysely } from "kysely";
import { registerReactions, unregisterReactions } from "./deadLetters";
import { readDeliveryOptions, type DeliveryOptions } from "./deliveryOptions";
import { openEmbeddedLog, type EventLogLocation } from "./embeddedLogTransport";
import type { EventSubscription, EventTransport } from "./eventTransport";
import { eventsNamespace, openJetStream } from "./jetStreamTransport";
import { startOutboxRelay, type RunningRelay } from "./outboxRelay";
import type { Reaction } from "./reaction";
import { startReaction } from "./runReaction";
import type { SourceStateReader } from "./sourceState";

/*
 * Event delivery for one subgraph process, started by the kit's server after migrations and
 * seed: the relay for its outbox (when it has one) and one durable consumer per declared
 * reaction. The transport is NATS JetStream when NATS_URL is set (jetStreamTransport.ts),
 * the embedded log otherwise, unless one is given.
 */

export interface EventDeliveryConfig {
  /** The subgraph's name: the events' source. */
  source: string;
  db: Kysely<any>;
  /** True when the subgraph keeps an outbox (migration 004_event_outbox). */
  publishes: boolean;
  reactions: Reaction<any>[];
  /** What the relay attaches to each event: the owner's open matters in this source (sourceState.ts). */
  sourceState?: SourceStateReader;
  /** Where the embedded log lives (same defaults as the subgraph's own database). */
  log?: EventLogLocation & {
    /** NATS JetStream URL; defaults to $NATS_URL; "" forces the embedded log. */
    natsUrl?: string;
    /** Stream/subject namespace on NATS; defaults to $EVENTS_NAMESPACE, else the schema prefix. */
    namespace?: string;
  };
  /** Overrides of the env-read options (tests). */
  options?: Partial<DeliveryOptions>;
  /** A transport to use instead of opening one (tests, or a shared one). Not closed by stop(). */
  transport?: EventTransport;
}

export interface RunningEventDelivery {
  transport: EventTransport;
  options: DeliveryOptions;
  relay: RunningRelay | null;
  stop(): Promise<void>;
}

/** Resolves to null when there is nothing to do (no outbox, no reactions). */
export async function startEventDelivery(config: EventDeliveryConfig): Promise<RunningEventDelivery | null> {
  if (!config.publishes && config.reactions.length === 0) return null;
  if (config.reactions.length && !config.publishes) throw new Error(`${config.source}: reactions need the kit's event tables (inbox, dead_letters: migration 004_event_outbox)`);
  const options = readDeliveryOptions(process.env, config.options);
  const consumers = new Set<string>();
  for (const reaction of config.reactions) {
    if (consumers.has(reaction.consumer)) throw new Error(`${config.source}: two reactions are named "${reaction.consumer}"; consumer names are unique`);
    consumers.add(reaction.consumer);
  }
  const natsUrl = config.log?.natsUrl ?? process.env.NATS_URL ?? "";
  const transport =
    config.transport ??
    (natsUrl
      ? openJetStream({ url: natsUrl, namespace: config.log?.namespace ?? eventsNamespace(process.env, config.log?.schemaPrefix) })
      : await openEmbeddedLog(config.log));
  const relay = config.publishes ? startOutboxRelay(config.db, config.source, transport, options.pollMs, options.idlePollMs, config.sourceState) : null;
  const subscriptions: EventSubscription[] = config.reactions.map((reaction) => startReaction(config.db, reaction, transport, options));
  registerReactions(config.reactions);
  return {
    transport,
    options,
    relay,
    async stop() {
      unregisterReactions(config.reactions);
      await Promise.all(subscriptions.map((s) => s.stop()));
      await relay?.stop();
      if (!config.transport) await transport.close();
    },
  };
}
