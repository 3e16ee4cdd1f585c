import type { Kysely, Transaction } from "kysely";
import type { Caller } from "../../../common/caller";
import { badInput } from "../../../common/errorCodes";
import { rememberedAnswer, withIdempotency } from "../../kit";
import type { DB } from "../db/tables";

/** Caller-scoped idempotency bound to the whole input; a same-key loser of a race replays the winner's answer. */
export async function idempotentFor<T>(db: Kysely<DB>, caller: Caller, input: { idempotencyKey: string }, operation: string, run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const { idempotencyKey, ...args } = input;
  if (idempotencyKey.trim().length === 0 || idempotencyKey.length > 200) throw badInput("idempotencyKey must be 1-200 characters", { argument: "idempotencyKey" });
  const scope = { subject: caller.subject, key: idempotencyKey, operation, args };
  try {
    return await withIdempotency(db, scope, run);
  } catch (error) {
    const seen = await rememberedAnswer<T>(db, scope).catch(() => ({ found: false as const }));
    if (seen.found) return seen.result;
    throw error;
  }
}
