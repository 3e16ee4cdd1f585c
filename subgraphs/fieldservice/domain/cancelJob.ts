import { randomUUID } from "node:crypto";
import { recordEvent, releaseHandler, settleCommitments } from "../../kit";
import type { Context } from "../context";
import type { FieldJob } from "../types/FieldJob";
import { actorOf } from "./access";
import { changeOpenJob } from "./changeJob";
import { FIELD_JOB_MATTER } from "./contractor";
import { checkJobId, checkText } from "./validation";

/** The technician is told not to come: the job closes, its handler and promises with it. */
export async function cancelJob(ctx: Context, input: { jobId: string; reason: string; idempotencyKey: string }): Promise<FieldJob> {
  const jobId = checkJobId(input.jobId, "jobId");
  const reason = checkText(input.reason, "reason");
  const actor = actorOf(ctx.caller);
  return changeOpenJob(
    ctx,
    jobId,
    input,
    "cancelFieldJob",
    () => ({ status: "CANCELLED", cancel_reason: reason, eta: null }),
    async (trx, job, at) => {
      const matter = { kind: FIELD_JOB_MATTER, id: job.id };
      await releaseHandler(trx, matter, at);
      await settleCommitments(trx, matter, "CANCELLED", at);
      await trx.insertInto("job_notes").values({ id: randomUUID(), job_id: job.id, at, author: `${actor.name} (${actor.organization})`, text: `Cancelled: ${reason}` }).execute();
      await recordEvent(trx, {
        ownerId: job.owner_id,
        at,
        kind: "JOB_CANCELLED",
        summary: `快修到家 Kuaixiu job ${job.id} for visit ${job.visit_id} cancelled by ${actor.name} (${actor.organization}): ${reason}. Technician ${job.technician_name} will not come.`,
        actor,
        subjectType: "FieldJob",
        subjectId: job.id,
        // What the maker's after-sales needs to follow the job (kit/events/catalogue.ts JobFacts).
        payload: { jobId: job.id, visitId: job.visit_id, maker: job.maker_org, contractor: "kuaixiu", technicianName: job.technician_name, technicianPhone: job.technician_phone, status: job.status, eta: null, reason },
      });
    },
  );
}
