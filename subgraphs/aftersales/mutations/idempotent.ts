import type { Transaction } from "kysely";
import { rememberedAnswer, withIdempotency } from "../../kit";
import type { Context } from "../context";
import type { DB } from "../db/tables";

/**
 * The kit's withIdempotency, scoped to the caller and bound to the mutation's input (all of
 * it but the key), plus one race it cannot see: two requests with the SAME key at the same
 * moment both miss the remembered answer, and the second then loses the conditional update
 * (or the key insert). When the key has meanwhile been committed by this caller for this
 * same request, the loser replays that answer instead of reporting its own lost race.
 */
export async function idempotent<T>(ctx: Context, input: { idempotencyKey: string }, operation: string, run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const { idempotencyKey, ...args } = input;
  const scope = { subject: ctx.caller.subject, key: idempotencyKey, operation, args };
  try {
    return await withIdempotency(ctx.db, scope, run);
  } catch (error) {
    const seen = await rememberedAnswer<T>(ctx.db, scope).catch(() => ({ found: false as const }));
    if (seen.found) return seen.result;
    throw error;
  }
}

export { actorOf } from "../../kit";
