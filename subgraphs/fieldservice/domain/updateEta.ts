import { randomUUID } from "node:crypto";
import { cstTime, recordEvent } from "../../kit";
import type { Context } from "../context";
import type { FieldJob } from "../types/FieldJob";
import { actorOf } from "./access";
import { changeOpenJob } from "./changeJob";
import { checkEta, checkJobId, checkText } from "./validation";

/** A new expected arrival, with an optional note saying why (traffic, previous job ran long). */
export async function updateEta(ctx: Context, input: { jobId: string; eta: string; note?: string | null; idempotencyKey: string }): Promise<FieldJob> {
  const jobId = checkJobId(input.jobId, "jobId");
  const eta = checkEta(input.eta);
  const note = input.note == null ? null : checkText(input.note, "note");
  const actor = actorOf(ctx.caller);
  return changeOpenJob(
    ctx,
    jobId,
    input,
    "updateFieldJobEta",
    () => ({ eta }),
    async (trx, job, at) => {
      if (note) await trx.insertInto("job_notes").values({ id: randomUUID(), job_id: job.id, at, author: `${actor.name} (${actor.organization})`, text: note }).execute();
      await recordEvent(trx, {
        ownerId: job.owner_id,
        at,
        kind: "ETA_UPDATED",
        summary: `Technician ${job.technician_name} (快修到家 Kuaixiu) now expected at ${cstTime(eta)} (China time) for visit ${job.visit_id}${note ? `: ${note}` : ""}`,
        actor,
        subjectType: "FieldJob",
        subjectId: job.id,
        payload: { jobId: job.id, visitId: job.visit_id, maker: job.maker_org, contractor: "kuaixiu", technicianName: job.technician_name, technicianPhone: job.technician_phone, status: job.status, eta },
      });
    },
  );
}
