import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { consumeOnce } from "./consumeOnce";
import type { DeadLettersTable } from "./outboxTables";
import type { DomainEvent, Reaction } from "./reaction";

/*
 * Events a consumer could not apply after its attempts, kept in the consumer's own database
 * (dead_letters, migration 004) so the consumer moves on and a supervisor can list and replay
 * them. Replaying re-applies through consumeOnce, so an event that did get applied meanwhile
 * is not applied twice.
 */

export interface DeadLetter {
  id: string;
  eventId: string;
  consumer: string;
  event: DomainEvent;
  error: string;
  attempts: number;
  failedAt: string;
  replayedAt: string | null;
}

export interface DeadLetterPage {
  items: DeadLetter[];
  /** Pass as `after` for the next page; null when this is the last. */
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Reactions running in this process, by consumer name: what replayDeadLetter re-applies. */
const registered = new Map<string, Reaction<any>>();

export function registerReactions(reactions: Reaction<any>[]): void {
  for (const reaction of reactions) registered.set(reaction.consumer, reaction);
}

export function unregisterReactions(reactions: Reaction<any>[]): void {
  for (const reaction of reactions) if (registered.get(reaction.consumer) === reaction) registered.delete(reaction.consumer);
}

function deadLetterId(consumer: string, event: DomainEvent): string {
  return createHash("sha256").update(`${consumer}\n${event.source}\n${event.id}`).digest("hex").slice(0, 32);
}

function toDeadLetter(row: DeadLettersTable): DeadLetter {
  return {
    id: row.id,
    eventId: row.event_id,
    consumer: row.consumer,
    event: JSON.parse(row.event),
    error: row.error,
    attempts: Number(row.attempts),
    failedAt: row.failed_at,
    replayedAt: row.replayed_at,
  };
}

/** Records (or, for the same consumer and event again, refreshes) a dead letter. */
export async function writeDeadLetter(db: Kysely<any>, consumer: string, event: DomainEvent, error: unknown, attempts: number): Promise<string> {
  const id = deadLetterId(consumer, event);
  const message = String((error as Error)?.message ?? error).slice(0, 2000);
  const failedAt = new Date().toISOString();
  await (db as Kysely<{ dead_letters: DeadLettersTable }>)
    .insertInto("dead_letters")
    .values({ id, event_id: event.id, consumer, event: JSON.stringify(event), error: message, attempts, failed_at: failedAt, replayed_at: null })
    .onConflict((oc) => oc.column("id").doUpdateSet({ error: message, attempts, failed_at: failedAt, replayed_at: null }))
    .execute();
  return id;
}

function encodeAfter(row: { failed_at: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.failed_at, row.id])).toString("base64url");
}

/** `after` is not a cursor listDeadLetters returned (the graph answers BAD_USER_INPUT). */
export class InvalidDeadLetterCursor extends Error {
  constructor() {
    super("invalid dead-letter cursor");
    this.name = "InvalidDeadLetterCursor";
  }
}

/** The dead letter's consumer is not among the reactions that could replay it (renamed or removed since). */
export class NoReactionForDeadLetter extends Error {
  constructor(
    readonly deadLetterId: string,
    readonly consumer: string,
  ) {
    super(`no reaction "${consumer}" runs here to replay dead letter ${deadLetterId}`);
    this.name = "NoReactionForDeadLetter";
  }
}

/** The reaction failed again on replay; the dead letter stays unreplayed with `attempts` (one more). Its message is the reaction's. */
export class DeadLetterReplayFailed extends Error {
  constructor(
    readonly deadLetterId: string,
    readonly attempts: number,
    readonly reason: unknown,
  ) {
    super(String((reason as Error)?.message ?? reason));
    this.name = "DeadLetterReplayFailed";
  }
}

function decodeAfter(after: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(after, "base64url").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string") return [value[0], value[1]];
  } catch {
    // fall through
  }
  throw new InvalidDeadLetterCursor();
}

/**
 * Dead letters oldest first (failed_at, id). By default only those not replayed yet;
 * `consumer` narrows to one consumer. `first` defaults to 20, at most 100.
 */
export async function listDeadLetters(db: Kysely<any>, page: { first?: number; after?: string | null; consumer?: string; includeReplayed?: boolean } = {}): Promise<DeadLetterPage> {
  const first = Math.min(Math.max(page.first ?? 20, 1), 100);
  let query = (db as Kysely<{ dead_letters: DeadLettersTable }>).selectFrom("dead_letters").selectAll();
  if (!page.includeReplayed) query = query.where("replayed_at", "is", null);
  if (page.consumer) query = query.where("consumer", "=", page.consumer);
  if (page.after) {
    const [failedAt, id] = decodeAfter(page.after);
    query = query.where((eb) => eb.or([eb("failed_at", ">", failedAt), eb.and([eb("failed_at", "=", failedAt), eb("id", ">", id)])]));
  }
  const rows = await query.orderBy("failed_at").orderBy("id").limit(first + 1).execute();
  const items = rows.slice(0, first);
  return { items: items.map(toDeadLetter), hasNextPage: rows.length > first, endCursor: items.length ? encodeAfter(items[items.length - 1]) : null };
}

export interface ReplayResult {
  deadLetter: DeadLetter;
  /** False when the event had already been applied (the inbox had it): nothing ran again. */
  applied: boolean;
}

/**
 * Re-applies a dead letter's event with its consumer's handler (the reactions registered by
 * this process's delivery, or those passed), via consumeOnce, and marks it replayed in the
 * same transaction. Returns null for an unknown id. A handler that fails again throws
 * DeadLetterReplayFailed; the dead letter stays unreplayed with the new error and one more attempt.
 */
export async function replayDeadLetter(db: Kysely<any>, id: string, reactions?: Reaction<any>[]): Promise<ReplayResult | null> {
  const typed = db as Kysely<{ dead_letters: DeadLettersTable }>;
  const row = await typed.selectFrom("dead_letters").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const reaction = reactions?.find((r) => r.consumer === row.consumer) ?? registered.get(row.consumer);
  if (!reaction) throw new NoReactionForDeadLetter(id, row.consumer);
  const event: DomainEvent = JSON.parse(row.event);
  const at = new Date().toISOString();
  let applied: boolean;
  try {
    applied = await consumeOnce(db, event.id, row.consumer, at, async (trx) => {
      await reaction.handle(event, trx);
      await (trx as Kysely<{ dead_letters: DeadLettersTable }>).updateTable("dead_letters").set({ replayed_at: at }).where("id", "=", id).execute();
    });
  } catch (error) {
    await typed
      .updateTable("dead_letters")
      .set((eb) => ({ error: String((error as Error)?.message ?? error).slice(0, 2000), attempts: eb("attempts", "+", 1) }))
      .where("id", "=", id)
      .execute();
    throw new DeadLetterReplayFailed(id, Number(row.attempts) + 1, error);
  }
  if (!applied) await typed.updateTable("dead_letters").set({ replayed_at: at }).where("id", "=", id).execute();
  return { deadLetter: toDeadLetter({ ...row, replayed_at: at }), applied };
}
