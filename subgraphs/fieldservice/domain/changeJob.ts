import type { Transaction } from "kysely";
import { badInput, conflict, notFound } from "../../../common/errorCodes";
import { withIdempotency } from "../../kit";
import type { Context } from "../context";
import type { DB, FieldJobsTable } from "../db/tables";
import type { FieldJob } from "../types/FieldJob";
import { assertMayChange } from "./access";
import { OPEN_STATUSES } from "./contractor";
import { toFieldJob } from "./mapping";

export function checkIdempotencyKey(key: string): string {
  if (key.trim().length === 0 || key.length > 200) throw badInput("idempotencyKey must be 1-200 characters", { argument: "idempotencyKey" });
  return key;
}

/**
 * The shape every job mutation shares: once per idempotency key, only while the job is open,
 * by a caller allowed to change it. The update is conditional on the job still being open,
 * so of two concurrent changes (cancel vs. ETA update) the loser gets CONFLICT instead of
 * overwriting the winner.
 */
export async function changeOpenJob(
  ctx: Context,
  jobId: string,
  /** The mutation's input: its key, and the arguments (all but the key) the key is bound to. */
  input: { idempotencyKey: string },
  operation: string,
  set: (job: FieldJobsTable, at: string) => Partial<FieldJobsTable>,
  after: (trx: Transaction<DB>, job: FieldJobsTable, at: string) => Promise<void>,
): Promise<FieldJob> {
  const { idempotencyKey, ...args } = input;
  const scope = { subject: ctx.caller.subject, key: checkIdempotencyKey(idempotencyKey), operation, args };
  return withIdempotency(ctx.db, scope, async (trx) => {
    const before = await trx.selectFrom("field_jobs").selectAll().where("id", "=", jobId).executeTakeFirst();
    if (!before) throw notFound(`field job ${jobId} does not exist`, { argument: "jobId" });
    assertMayChange(ctx.caller, before);
    const at = new Date().toISOString();
    const updated = await trx
      .updateTable("field_jobs")
      .set({ ...set(before, at), updated_at: at })
      .where("id", "=", jobId)
      .where("status", "in", [...OPEN_STATUSES])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      const now = await trx.selectFrom("field_jobs").select("status").where("id", "=", jobId).executeTakeFirst();
      throw conflict(`field job ${jobId} is ${now?.status ?? before.status} and can no longer be changed`, { status: now?.status ?? before.status });
    }
    const job = await trx.selectFrom("field_jobs").selectAll().where("id", "=", jobId).executeTakeFirstOrThrow();
    await after(trx, job, at);
    return toFieldJob(job);
  });
}
