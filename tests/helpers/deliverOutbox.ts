/**
 * Test plumbing, not delivery: reads a source subgraph's real outbox rows, decodes them to
 * DomainEvents (as the kit's delivery hands them to consumers), and applies a target
 * subgraph's reactions through the kit's consumeOnce (inbox row + effect in one transaction).
 * Lets the reaction tests run each handle() against real databases after a real mutation,
 * without a relay or a broker.
 */
import type { Kysely } from "kysely";
import { consumeOnce } from "../../subgraphs/kit/events/consumeOnce";
import { outboxRowToEvent } from "../../subgraphs/kit/events/outboxRelay";
import type { DomainEvent, Reaction } from "../../subgraphs/kit/events/reaction";
import { reactionWants } from "../../subgraphs/kit/events/runReaction";

export interface OutboxSource {
  /** Service name (supergraph.yaml), becomes DomainEvent.source. */
  name: string;
  db: Kysely<any>;
}

export interface ReactionTarget {
  db: Kysely<any>;
  reactions: Reaction<any>[];
}

/** The source's outbox in commit order, from after `afterSeq` (0: everything). */
export async function readOutbox(source: OutboxSource, afterSeq = 0): Promise<Array<DomainEvent & { seq: number }>> {
  const rows = await source.db.selectFrom("outbox").selectAll().where("seq", ">", afterSeq).orderBy("seq").orderBy("id").execute();
  // Decoded as the kit's relay decodes them before publishing.
  return rows.map((row: any) => ({ ...outboxRowToEvent(source.name, row), seq: Number(row.seq) }));
}

/** The highest seq so far (read before an action, so a test delivers only what the action wrote). */
export async function outboxMark(source: OutboxSource): Promise<number> {
  const events = await readOutbox(source);
  return events.length ? events[events.length - 1].seq : 0;
}

/** Applies every matching reaction once per event; returns how many (event, consumer) pairs took effect. */
export async function deliverEvents(events: DomainEvent[], target: ReactionTarget): Promise<number> {
  let applied = 0;
  for (const event of events) {
    for (const reaction of target.reactions) {
      // The kit's own filter: sources, types, and no seeded history unless asked for.
      if (!reactionWants(reaction, event)) continue;
      if (await consumeOnce(target.db, event.id, reaction.consumer, new Date().toISOString(), (trx) => reaction.handle(event, trx))) applied++;
    }
  }
  return applied;
}

/** readOutbox + deliverEvents. */
export async function deliverOutbox(source: OutboxSource, target: ReactionTarget, afterSeq = 0): Promise<{ events: DomainEvent[]; applied: number }> {
  const events = await readOutbox(source, afterSeq);
  return { events, applied: await deliverEvents(events, target) };
}
