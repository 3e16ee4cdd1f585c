import type { Transaction } from "kysely";
import { badInput } from "../../../common/errorCodes";
import { rememberedAnswer, withIdempotency } from "../../kit";
import type { Context } from "../context";
import type { DB } from "../db/tables";

/**
 * The kit's withIdempotency scoped to the caller and bound to the whole input (as in
 * aftersales/mutations/idempotent.ts): a racing request with the same key that loses the
 * conditional update replays the winner's remembered answer instead of its own CONFLICT.
 */
export async function idempotent<T>(ctx: Context, input: { idempotencyKey: string }, operation: string, run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const { idempotencyKey, ...args } = input;
  if (idempotencyKey.trim().length === 0 || idempotencyKey.length > 200) throw badInput("idempotencyKey must be 1-200 characters", { argument: "idempotencyKey" });
  const scope = { subject: ctx.caller.subject, key: idempotencyKey, operation, args };
  try {
    return await withIdempotency(ctx.db, scope, run);
  } catch (error) {
    const seen = await rememberedAnswer<T>(ctx.db, scope).catch(() => ({ found: false as const }));
    if (seen.found) return seen.result;
    throw error;
  }
}
