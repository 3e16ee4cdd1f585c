import type { Transaction } from "kysely";
import { idempotentMutation } from "../../kit";
import type { Context } from "../context";
import type { DB } from "../db/tables";

/** The kit's idempotentMutation (caller-scoped, bound to the input) on this subgraph's context. */
export function idempotent<T>(ctx: Context, input: { idempotencyKey: string }, operation: string, run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return idempotentMutation(ctx.db, ctx.caller, input, operation, run);
}
