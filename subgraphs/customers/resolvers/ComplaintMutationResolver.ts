import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { answerComplaint, closeComplaint, escalateComplaint } from "../complaints/changeComplaint";
import { fileComplaint } from "../complaints/fileComplaint";
import { Complaint } from "../types/Complaint";

/** S4: complaints as tracked items with an owner and a due date. Each is idempotent per key. */
@Resolver(() => Complaint)
export class ComplaintMutationResolver {
  @Mutation(() => Complaint, { description: "File a complaint with an owner at the organization it is about and a promised reply date (S4)." })
  async fileComplaint(
    @Arg("customerId", () => String) customerId: string,
    @Arg("againstOrganization", () => String, { description: "Organization code: unicom, huawei, yougou, ..." }) againstOrganization: string,
    @Arg("summary", () => String, { description: "What the customer complains about (1-1000 characters)" }) summary: string,
    @Arg("ownerName", () => String, { description: "Who at that organization owns the answer" }) ownerName: string,
    @Arg("dueAt", () => String, { description: "Reply promised by (ISO 8601, in the future)" }) dueAt: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
    @Arg("ownerTeam", () => String, { nullable: true }) ownerTeam?: string | null,
  ): Promise<Complaint> {
    return fileComplaint(ctx, { customerId, againstOrganization, summary, ownerName, ownerTeam: ownerTeam ?? null, dueAt, idempotencyKey });
  }

  @Mutation(() => Complaint, { description: "Escalate an OPEN complaint, optionally to a new owner; CONFLICT otherwise." })
  async escalateComplaint(
    @Arg("complaintId", () => String) complaintId: string,
    @Arg("reason", () => String) reason: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
    @Arg("newOwnerName", () => String, { nullable: true }) newOwnerName?: string | null,
    @Arg("newOwnerTeam", () => String, { nullable: true }) newOwnerTeam?: string | null,
  ): Promise<Complaint> {
    return escalateComplaint(ctx, { complaintId, reason, newOwnerName: newOwnerName ?? null, newOwnerTeam: newOwnerTeam ?? null, idempotencyKey });
  }

  @Mutation(() => Complaint, { description: "Answer an OPEN or ESCALATED complaint (the reply promise is kept); CONFLICT otherwise." })
  async answerComplaint(
    @Arg("complaintId", () => String) complaintId: string,
    @Arg("answer", () => String, { description: "1-2000 characters" }) answer: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<Complaint> {
    return answerComplaint(ctx, { complaintId, answer, idempotencyKey });
  }

  @Mutation(() => Complaint, { description: "Close an ANSWERED complaint (RESOLVED); CONFLICT otherwise." })
  async closeComplaint(
    @Arg("complaintId", () => String) complaintId: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
    @Arg("note", () => String, { nullable: true }) note?: string | null,
  ): Promise<Complaint> {
    return closeComplaint(ctx, { complaintId, note: note ?? null, idempotencyKey });
  }
}
