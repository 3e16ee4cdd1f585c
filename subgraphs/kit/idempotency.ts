import { createHash } from "node:crypto";
import stableStringify from "fast-json-stable-stringify";
import type { Kysely, Transaction } from "kysely";
import { badInput, conflict } from "../../common/errorCodes";
import type { Customer360Tables } from "./customer360/tables";

/** Which remembered answer a mutation may replay: one caller's key, for one request. */
export interface IdempotencyScope {
  /** The caller's subject: keys are per caller, so one caller can never replay another's answer. */
  subject: string;
  /** The client's idempotency key (1-200 characters). */
  key: string;
  /** The mutation's name. */
  operation: string;
  /** The mutation's arguments, without the key itself: the key is bound to them. */
  args: unknown;
}

/** sha256 of the operation and its arguments in canonical JSON (key order does not matter). */
export function requestHash(operation: string, args: unknown): string {
  return createHash("sha256").update(stableStringify({ operation, args: args ?? null })).digest("hex");
}

export function checkKey(key: string): void {
  if (key.trim().length === 0 || key.length > 200) throw badInput("idempotencyKey must be 1-200 characters", { argument: "idempotencyKey" });
}

/**
 * Runs a mutation at most once per (caller, idempotency key), atomically: the state change
 * and the remembered answer commit together, so a retry or a double click by the same
 * caller with the same arguments gets the same answer and changes nothing, and a failure
 * leaves nothing half-written.
 *
 * The key is the caller's own: another caller's same key is independent (it runs its own
 * operation and never sees the first caller's answer, which may hold data it may not read).
 * It is bound to a hash of the operation and its arguments: reusing it for another
 * operation or with other arguments is a CONFLICT naming the key, never a silent replay of
 * an answer to a different request.
 *
 * Two requests with the SAME key at the same moment both miss the remembered answer; the
 * second then fails somewhere (its key insert, a unique index, or a domain check that
 * already sees the first one's committed effect, e.g. "invoice already has an open
 * dispute"). Whatever it failed on, when the key has meanwhile been committed by this caller
 * for this same request, the second replays that answer: both clicks answer alike. When it
 * lost a unique index to ANOTHER request (another key took the same invoice, number or slot),
 * it runs once more, deciding again on what committed: the repeat then reports the domain's
 * own CONFLICT instead of a raw constraint error.
 */
export async function withIdempotency<DB, T>(db: Kysely<DB>, scope: IdempotencyScope, run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  checkKey(scope.key);
  const hash = requestHash(scope.operation, scope.args);
  try {
    return await once(db, scope, hash, run);
  } catch (error) {
    const seen = await rememberedAnswer<T>(db, scope, hash).catch(() => ({ found: false as const }));
    if (seen.found) return seen.result;
    if (isUniqueViolation(error)) return once(db, scope, hash, run);
    throw error;
  }
}

/** Unique-index violations on SQLite and PostgreSQL: a concurrent request committed the same row first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** One attempt: the remembered answer, or the mutation and its answer committed together. */
function once<DB, T>(db: Kysely<DB>, scope: IdempotencyScope, hash: string, run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const seen = await rememberedAnswer<T>(trx, scope, hash);
    if (seen.found) return seen.result;
    const result = await run(trx);
    await (trx as unknown as Transaction<Customer360Tables>)
      .insertInto("idempotency_keys")
      .values({ subject: scope.subject, key: scope.key, operation: scope.operation, request_hash: hash, result: JSON.stringify(result), created_at: new Date().toISOString() })
      .execute();
    return result;
  });
}

/**
 * The answer remembered for this caller's key, when the request matches the one that key
 * was first used for; CONFLICT when it does not. For callers that lost a race on the key's
 * insert and want the winner's answer (same caller, same request).
 */
export async function rememberedAnswer<T>(db: Kysely<any>, scope: IdempotencyScope, hash = requestHash(scope.operation, scope.args)): Promise<{ found: true; result: T } | { found: false }> {
  const seen = await (db as Kysely<Customer360Tables>)
    .selectFrom("idempotency_keys")
    .selectAll()
    .where("subject", "=", scope.subject)
    .where("key", "=", scope.key)
    .executeTakeFirst();
  if (!seen) return { found: false };
  if (seen.operation !== scope.operation) {
    throw conflict(`idempotency key "${scope.key}" was already used for ${seen.operation}; use a new key for ${scope.operation}`, { idempotencyKey: scope.key });
  }
  if (seen.request_hash !== hash) {
    throw conflict(`idempotency key "${scope.key}" was already used for ${seen.operation} with other arguments; use a new key for a different request`, { idempotencyKey: scope.key });
  }
  return { found: true, result: JSON.parse(seen.result) as T };
}

/** withIdempotency as a mutation uses it: scoped to the caller, bound to the whole input but the key. */
export async function idempotentMutation<DB, T, Input extends { idempotencyKey: string }>(
  db: Kysely<DB>,
  caller: { subject: string },
  input: Input,
  operation: string,
  run: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const { idempotencyKey, ...args } = input;
  checkKey(idempotencyKey ?? "");
  return withIdempotency(db, { subject: caller.subject, key: idempotencyKey, operation, args }, run);
}
