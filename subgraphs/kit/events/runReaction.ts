import type { Kysely } from "kysely";
import { consumeOnce } from "./consumeOnce";
import { writeDeadLetter } from "./deadLetters";
import type { DeliveryOptions } from "./deliveryOptions";
import type { EventSubscription, EventTransport } from "./eventTransport";
import type { DomainEvent, Reaction } from "./reaction";

/*
 * Runs one Reaction as a durable consumer on any transport: filters (history unless
 * includeHistory, types), applies via consumeOnce (inbox + effect in one transaction on the
 * consumer's own database), retries a throwing handler with exponential backoff and, after
 * maxAttempts, writes a dead letter and acknowledges, so the consumer moves on.
 */

export class DeliveryStopped extends Error {
  constructor() {
    super("delivery stopped");
    this.name = "DeliveryStopped";
  }
}

/** True when the reaction wants this event (history only for read models that ask). */
export function reactionWants(reaction: Reaction<any>, event: DomainEvent): boolean {
  if (event.history && !reaction.includeHistory) return false;
  if (reaction.sources !== "all" && !reaction.sources.includes(event.source)) return false;
  if (reaction.types && !reaction.types.includes(event.type) && !reaction.types.includes(`${event.source}.${event.type}`)) return false;
  return true;
}

export function startReaction(db: Kysely<any>, reaction: Reaction<any>, transport: EventTransport, options: DeliveryOptions): EventSubscription {
  const abort = new AbortController();
  const sleep = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (abort.signal.aborted) return reject(new DeliveryStopped());
      const timer = setTimeout(() => {
        abort.signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new DeliveryStopped());
      };
      abort.signal.addEventListener("abort", onAbort, { once: true });
    });

  const handle = async (event: DomainEvent) => {
    if (!reactionWants(reaction, event)) return;
    let lastError: unknown;
    for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
      if (abort.signal.aborted) throw new DeliveryStopped();
      try {
        await consumeOnce(db, event.id, reaction.consumer, new Date().toISOString(), (trx) => reaction.handle(event, trx));
        return;
      } catch (error) {
        lastError = error;
        if (attempt < options.maxAttempts) await sleep(options.retryBaseMs * 2 ** (attempt - 1));
      }
    }
    await writeDeadLetter(db, reaction.consumer, event, lastError, options.maxAttempts);
    console.error(`[events] ${reaction.consumer}: event ${event.source}.${event.type} ${event.id} dead-lettered after ${options.maxAttempts} attempts: ${(lastError as Error)?.message ?? lastError}`);
  };

  const subscription = transport.subscribe(reaction.consumer, reaction.sources, handle, { pollMs: options.pollMs, idlePollMs: options.idlePollMs });
  return {
    async stop() {
      abort.abort();
      await subscription.stop();
    },
  };
}
