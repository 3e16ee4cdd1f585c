import type { Transaction } from "kysely";
import type { Caller } from "../../../common/caller";
import { withIdempotency, type ActorInput } from "../../kit";
import type { Context } from "../context";
import type { DB } from "../db/tables";

/**
 * The kit's withIdempotency, plus one race it cannot see: two requests with the SAME key at
 * the same moment both miss the remembered answer, and the second then loses the
 * conditional update (or the key insert). When the key has meanwhile been committed for
 * this operation, the loser replays that answer instead of reporting its own lost race.
 */
export async function idempotent<T>(ctx: Context, key: string, operation: string, run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  try {
    return await withIdempotency(ctx.db, key, operation, run);
  } catch (error) {
    const seen = await ctx.db.selectFrom("idempotency_keys").selectAll().where("key", "=", key).executeTakeFirst();
    if (seen && seen.operation === operation) return JSON.parse(seen.result) as T;
    throw error;
  }
}

/** Timeline actors are the verified caller, never what the request says about itself. */
export function actorOf(caller: Caller): ActorInput {
  return { name: caller.name, role: caller.role, organization: caller.organization };
}
