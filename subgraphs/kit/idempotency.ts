import type { Kysely, Transaction } from "kysely";
import { badInput, conflict } from "../../common/errorCodes";
import type { Customer360Tables } from "./customer360/tables";

/**
 * Runs a mutation at most once per idempotency key, atomically: the state change and the
 * remembered answer commit together, so a repeat (a retry, a double click, a second rep)
 * gets the same answer and changes nothing, and a failure leaves nothing half-written.
 * Reusing a key for a different operation is a CONFLICT, not a silent replay.
 */
export async function withIdempotency<DB, T>(
  db: Kysely<DB>,
  key: string,
  operation: string,
  run: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  if (key.trim().length === 0 || key.length > 200) throw badInput("idempotencyKey must be 1-200 characters", { argument: "idempotencyKey" });
  return db.transaction().execute(async (trx) => {
    const typed = trx as unknown as Transaction<Customer360Tables>;
    const seen = await typed.selectFrom("idempotency_keys").selectAll().where("key", "=", key).executeTakeFirst();
    if (seen) {
      if (seen.operation !== operation) throw conflict(`idempotency key "${key}" was already used for ${seen.operation}`);
      return JSON.parse(seen.result) as T;
    }
    const result = await run(trx);
    await typed.insertInto("idempotency_keys").values({ key, operation, result: JSON.stringify(result), created_at: new Date().toISOString() }).execute();
    return result;
  });
}
