import { connect } from "@nats-io/transport-node";
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager, type JsMsg } from "@nats-io/jetstream";
import { nanos, type NatsConnection } from "@nats-io/nats-core";
import type { EventHandler, EventSubscription, EventTransport, SubscribeOptions } from "./eventTransport";
import type { DomainEvent } from "./reaction";

/*
 * Delivery on NATS JetStream (chosen by startEventDelivery when NATS_URL is set); the relay
 * and the reactions are the same code as on the embedded log.
 * - One stream per source, `<NS>C360_<SOURCE>`, subjects `<ns>c360.<source>.<type>`; the
 *   namespace (EVENTS_NAMESPACE, else DB_SCHEMA_PREFIX) keeps parallel graphs (tests) apart.
 * - publish: msgID = event id (JetStream's duplicate window drops a second publish), and it
 *   resolves only after every PubAck, so the relay marks its outbox rows sent after that.
 * - subscribe: one durable pull consumer per (consumer, source stream), named from the
 *   reaction's consumer; max_ack_pending 1 keeps a stream's events in order; explicit ack
 *   after the handler resolved (effect committed), nak (redelivery after pollMs) when it
 *   rejected. Retries, backoff and dead letters stay in runReaction.
 * - A NATS that is down never blocks start: the connection is opened lazily and retried;
 *   publish rejects (the relay keeps the outbox unsent and retries), consumers wait.
 */

export interface JetStreamLocation {
  url: string;
  /** Prefix of stream names and subjects; "" for none. */
  namespace: string;
}

const DUPLICATE_WINDOW_MS = 2 * 60_000;
/** Short, so an event in hand of a killed consumer comes again soon; a long handler sends working(). */
const ACK_WAIT_MS = 5_000;
const CONNECT_RETRY_MS = 1_000;

/** Letters, digits, _ and - only (NATS subject tokens and stream/consumer names). */
export function sanitizeNatsName(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, "_");
}

export function streamName(namespace: string, source: string): string {
  return `${sanitizeNatsName(namespace).toUpperCase()}C360_${sanitizeNatsName(source).toUpperCase()}`;
}

export function subjectPrefix(namespace: string, source: string): string {
  return `${sanitizeNatsName(namespace).toLowerCase()}c360.${sanitizeNatsName(source)}`;
}

export function eventSubject(namespace: string, event: Pick<DomainEvent, "source" | "type">): string {
  const type = String(event.type)
    .split(".")
    .map((token) => sanitizeNatsName(token) || "_")
    .join(".");
  return `${subjectPrefix(namespace, event.source)}.${type}`;
}

/** The namespace of this process: EVENTS_NAMESPACE, else the schema prefix. */
export function eventsNamespace(env: NodeJS.ProcessEnv = process.env, schemaPrefix?: string): string {
  return env.EVENTS_NAMESPACE ?? schemaPrefix ?? env.DB_SCHEMA_PREFIX ?? "";
}

export class JetStreamTransport implements EventTransport {
  readonly kind = "nats" as const;
  private connection: Promise<{ nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager }> | null = null;
  private lastFailure = 0;
  private closed = false;
  private readonly ensured = new Map<string, Promise<void>>();
  private warned = false;

  constructor(readonly location: JetStreamLocation) {}

  /** The connection, opened on first use; a failed attempt is retried after a second. */
  async connected(): Promise<{ nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager }> {
    if (this.closed) throw new Error("JetStream transport closed");
    if (!this.connection) {
      if (Date.now() - this.lastFailure < CONNECT_RETRY_MS) throw new Error(`NATS at ${this.location.url} unreachable`);
      this.connection = (async () => {
        const nc = await connect({ servers: this.location.url, timeout: 2_000, maxReconnectAttempts: -1, reconnectTimeWait: 500, name: `c360-${this.location.namespace || "default"}` });
        if (this.closed) {
          await nc.close();
          throw new Error("JetStream transport closed");
        }
        if (this.warned) console.error(`[events] NATS at ${this.location.url} reachable again`);
        this.warned = false;
        return { nc, js: jetstream(nc, { timeout: 5_000 }), jsm: await jetstreamManager(nc, { timeout: 5_000 }) };
      })();
      this.connection.catch((error) => {
        this.connection = null;
        this.lastFailure = Date.now();
        if (!this.warned && !this.closed) console.error(`[events] NATS at ${this.location.url}: ${(error as Error).message}; retrying`);
        this.warned = true;
      });
    }
    return this.connection;
  }

  /** Creates the source's stream when missing (idempotent; concurrent processes race safely). */
  ensureStream(source: string): Promise<void> {
    const name = streamName(this.location.namespace, source);
    let done = this.ensured.get(name);
    if (!done) {
      done = (async () => {
        const { jsm } = await this.connected();
        try {
          await jsm.streams.info(name);
          return;
        } catch {
          // missing: create below
        }
        try {
          await jsm.streams.add({ name, subjects: [`${subjectPrefix(this.location.namespace, source)}.>`], duplicate_window: nanos(DUPLICATE_WINDOW_MS) });
        } catch (error) {
          // Another process created it in between.
          await jsm.streams.info(name).catch(() => {
            throw error;
          });
        }
      })();
      this.ensured.set(name, done);
      done.catch(() => this.ensured.delete(name));
    }
    return done;
  }

  async publish(events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const { js } = await this.connected();
    for (const source of new Set(events.map((event) => event.source))) await this.ensureStream(source);
    // Sent in order on one connection, then every ack awaited: stored in order, each once.
    await Promise.all(events.map((event) => js.publish(eventSubject(this.location.namespace, event), JSON.stringify(event), { msgID: event.id, timeout: 5_000 })));
  }

  /** Publishes one event and says whether JetStream dropped it as a duplicate (tests). */
  async publishOne(event: DomainEvent): Promise<{ duplicate: boolean; seq: number }> {
    const { js } = await this.connected();
    await this.ensureStream(event.source);
    const ack = await js.publish(eventSubject(this.location.namespace, event), JSON.stringify(event), { msgID: event.id, timeout: 5_000 });
    return { duplicate: ack.duplicate, seq: ack.seq };
  }

  /** Messages stored in a source's stream (tests). */
  async storedCount(source: string, id?: string): Promise<number> {
    const { jsm } = await this.connected();
    await this.ensureStream(source);
    const name = streamName(this.location.namespace, source);
    if (!id) return (await jsm.streams.info(name)).state.messages;
    let n = 0;
    const info = await jsm.streams.info(name);
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const message = await jsm.streams.getMessage(name, { seq }).catch(() => null);
      if (message && message.json<DomainEvent>().id === id) n++;
    }
    return n;
  }

  /** The stream sources present in this namespace (for "all" subscriptions). */
  async sources(): Promise<string[]> {
    const { jsm } = await this.connected();
    const prefix = `${sanitizeNatsName(this.location.namespace).toUpperCase()}C360_`;
    const found: string[] = [];
    for await (const info of jsm.streams.list()) {
      if (!info.config.name.startsWith(prefix)) continue;
      const subject = info.config.subjects?.[0] ?? "";
      const head = `${sanitizeNatsName(this.location.namespace).toLowerCase()}c360.`;
      if (subject.startsWith(head) && subject.endsWith(".>")) found.push(subject.slice(head.length, -2));
    }
    return found;
  }

  /** Deletes a consumer's durable consumers: it then starts again from the beginning (tests: a position reset). */
  async resetConsumer(consumer: string, sources: string[]): Promise<void> {
    const { jsm } = await this.connected();
    for (const source of sources) await jsm.consumers.delete(streamName(this.location.namespace, source), sanitizeNatsName(consumer)).catch(() => false);
  }

  /** Pending (undelivered + unacked) messages of a durable consumer (tests, bench). */
  async pending(consumer: string, source: string): Promise<number> {
    const { jsm } = await this.connected();
    const info = await jsm.consumers.info(streamName(this.location.namespace, source), sanitizeNatsName(consumer));
    return info.num_pending + info.num_ack_pending;
  }

  subscribe(consumer: string, sources: string[] | "all", handler: EventHandler, options: SubscribeOptions): EventSubscription {
    let stopped = false;
    const running = new Map<string, Promise<void>>();
    const stops = new Set<() => void>();
    let wake: (() => void) | undefined;
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    let warned = false;
    const durable = sanitizeNatsName(consumer);

    const follow = async (source: string) => {
      while (!stopped) {
        try {
          const { js, jsm } = await this.connected();
          await this.ensureStream(source);
          const stream = streamName(this.location.namespace, source);
          try {
            await jsm.consumers.info(stream, durable);
          } catch {
            await jsm.consumers
              .add(stream, { durable_name: durable, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, max_ack_pending: 1, ack_wait: nanos(ACK_WAIT_MS) })
              .catch(async (error) => {
                await jsm.consumers.info(stream, durable).catch(() => {
                  throw error;
                });
              });
          }
          const pull = await js.consumers.get(stream, durable);
          const messages = await pull.consume({ max_messages: 16, expires: 5_000 });
          const stop = () => void messages.stop();
          stops.add(stop);
          // stop() may have run while this pull was being set up: it did not see this one, and
          // an idle pull never ends by itself (the wait for a message would hold stop() forever).
          if (stopped) stop();
          try {
            for await (const msg of messages) {
              if (stopped) {
                msg.nak();
                break;
              }
              await this.deliver(msg, handler, options, () => stopped);
            }
          } finally {
            stops.delete(stop);
          }
          warned = false;
        } catch (error) {
          if (!warned && !stopped) console.error(`[events] consumer ${consumer} on ${source}: ${(error as Error).message}; retrying`);
          warned = true;
        }
        if (!stopped) await sleep(Math.max(options.pollMs, 200));
      }
    };
    const start = (source: string) => {
      if (!running.has(source)) running.set(source, follow(source));
    };
    let discovery: Promise<void> = Promise.resolve();
    if (sources === "all") {
      // Every source stream in the namespace, including those created later.
      discovery = (async () => {
        while (!stopped) {
          try {
            for (const source of await this.sources()) start(source);
          } catch {
            // NATS unreachable: try again.
          }
          if (!stopped) await sleep(Math.max(options.pollMs * 10, 1_000));
        }
      })();
    } else {
      for (const source of sources) start(source);
    }
    return {
      stop: async () => {
        stopped = true;
        wake?.();
        for (const stop of stops) stop();
        await discovery;
        await Promise.all(running.values());
      },
    };
  }

  private async deliver(msg: JsMsg, handler: EventHandler, options: SubscribeOptions, isStopped: () => boolean): Promise<void> {
    let event: DomainEvent;
    try {
      event = msg.json<DomainEvent>();
    } catch {
      // Not ours to decode: acknowledged so it does not block the stream.
      await msg.ackAck().catch(() => false);
      return;
    }
    // Long retries (runReaction's backoff) must not hit ack_wait.
    const keepAlive = setInterval(() => (isStopped() ? clearInterval(keepAlive) : msg.working()), ACK_WAIT_MS / 3);
    try {
      await handler(event);
      clearInterval(keepAlive);
      await msg.ackAck();
    } catch (error) {
      clearInterval(keepAlive);
      msg.nak(isStopped() ? 0 : options.pollMs);
      if ((error as Error)?.name !== "DeliveryStopped" && !isStopped()) console.error(`[events] ${event.source}.${event.type} ${event.id}: ${(error as Error).message}; redelivering`);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = null;
    if (connection) {
      const { nc } = await connection.catch(() => ({ nc: null }));
      await nc?.drain().catch(() => undefined);
    }
  }
}

export function openJetStream(location: JetStreamLocation): JetStreamTransport {
  return new JetStreamTransport(location);
}

/** Deletes every stream of a namespace (test harnesses, after a graph stopped). A NATS that is down is ignored. */
export async function deleteJetStreamNamespace(url: string, namespace: string): Promise<void> {
  const nc = await connect({ servers: url, timeout: 2_000, maxReconnectAttempts: 0 }).catch(() => null);
  if (!nc) return;
  try {
    const jsm = await jetstreamManager(nc);
    const prefix = `${sanitizeNatsName(namespace).toUpperCase()}C360_`;
    const names: string[] = [];
    for await (const info of jsm.streams.list()) if (info.config.name.startsWith(prefix)) names.push(info.config.name);
    for (const name of names) await jsm.streams.delete(name).catch(() => false);
  } catch {
    // best effort
  } finally {
    await nc.close().catch(() => undefined);
  }
}
