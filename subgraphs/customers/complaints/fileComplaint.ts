import { randomBytes } from "node:crypto";
import { notFound } from "../../../common/errorCodes";
import { actorOf, addCommitment, assignHandler, cstTime, nowIso, recordEvent } from "../../kit";
import type { Context } from "../context";
import { toComplaint } from "../mappers";
import type { Complaint } from "../types/Complaint";
import { idempotent } from "../mutations/idempotent";
import { customerId as parseCustomerId, futureTime, mintId, optionalText, organization, text } from "../mutations/validation";
import { assertMayFileComplaint } from "./complaintAccess";
import { COMPLAINT_MATTER, ComplaintStatus } from "./complaintStates";

export interface FileComplaintInput {
  customerId: string;
  againstOrganization: string;
  summary: string;
  ownerName: string;
  ownerTeam?: string | null;
  dueAt: string;
  idempotencyKey: string;
}

/**
 * S4: a complaint becomes a tracked item with an owner (someone at the organization it is
 * about) and a promised reply date. The owner is the matter's current handler and the reply
 * a promise on it, so open matters show who must answer and by when, and overdue follows.
 */
export async function fileComplaint(ctx: Context, input: FileComplaintInput): Promise<Complaint> {
  const customerId = parseCustomerId(input.customerId);
  const against = organization(input.againstOrganization, "againstOrganization");
  const summary = text(input.summary, "summary", 1000);
  const ownerName = text(input.ownerName, "ownerName", 120);
  const ownerTeam = optionalText(input.ownerTeam, "ownerTeam", 120);
  const dueAt = futureTime(input.dueAt, "dueAt");
  assertMayFileComplaint(ctx.caller, against);
  const actor = actorOf(ctx.caller);
  return idempotent(ctx, input, "fileComplaint", async (trx) => {
    const customer = await trx.selectFrom("customers").select("id").where("id", "=", customerId).executeTakeFirst();
    if (!customer) throw notFound(`no customer ${customerId}`, { argument: "customerId" });
    const at = nowIso();
    const row = {
      id: mintId("CMP", at, randomBytes(3).toString("hex")),
      customer_id: customerId,
      opened_at: at,
      against_org: against,
      summary,
      status: ComplaintStatus.OPEN,
      escalated: 0,
      resolved_at: null,
      due_at: dueAt,
      owner_name: ownerName,
      owner_team: ownerTeam,
      owner_org: against,
      answer: null,
      answered_at: null,
      answered_by_name: null,
      answered_by_org: null,
      filed_by_name: actor.name,
      filed_by_org: actor.organization,
    };
    await trx.insertInto("complaints").values(row).execute();
    const matter = { kind: COMPLAINT_MATTER, id: row.id };
    await assignHandler(trx, matter, { name: ownerName, team: ownerTeam, organization: against }, at, `complaint filed by ${actor.name} (${actor.organization})`);
    await addCommitment(trx, matter, { description: `Reply to complaint ${row.id}`, dueAt, madeBy: { name: ownerName, organization: against } });
    await recordEvent(trx, {
      ownerId: customerId,
      at,
      kind: "COMPLAINT_FILED",
      summary: `Complaint ${row.id} about ${against} filed by ${actor.name} (${actor.organization}): ${summary}; owner ${ownerName}, reply promised by ${cstTime(dueAt)}`,
      actor,
      subjectType: "Complaint",
      subjectId: row.id,
      payload: { customerId, againstOrganization: against, owner: { name: ownerName, team: ownerTeam, organization: against }, dueAt },
    });
    return toComplaint(row);
  });
}
