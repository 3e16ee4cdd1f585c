import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { assignCase } from "../mutations/assignCase";
import { changeCasePriority } from "../mutations/changeCasePriority";
import { escalateCase } from "../mutations/escalateCase";
import { openServiceCaseFromReturn } from "../mutations/openServiceCaseFromReturn";
import { takeOverCase } from "../mutations/takeOverCase";
import { transferCase } from "../mutations/transferCase";
import { ServiceCase } from "../types/ServiceCase";

/** Who owns a case (issue 14; docs/STATE_MACHINES.md "Case ownership" and "Transfer"). Each repeats safely with the same idempotencyKey. */
@Resolver(() => ServiceCase)
export class CaseOwnershipMutationResolver {
  @Mutation(() => ServiceCase, { description: "Hand a retailer's return or repair request over to the device's maker: a new case linked to the order and the return, in the maker's L1 queue (S1, S7)." })
  async openServiceCaseFromReturn(
    @Arg("returnNumber", () => String, { description: "The retailer's request, RT-..." }) returnNumber: string,
    @Arg("serial", () => String, { description: "The device returned; its order links the case" }) serial: string,
    @Arg("summary", () => String, { description: "The fault in the customer's words, 1-500 characters" }) summary: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceCase> {
    return openServiceCaseFromReturn(ctx, { returnNumber, serial, summary, idempotencyKey });
  }

  @Mutation(() => ServiceCase, { description: "Name who owns an open case at its current tier (QUEUED/ASSIGNED/ESCALATED -> ASSIGNED)." })
  async assignCase(
    @Arg("caseNumber", () => String) caseNumber: string,
    @Arg("assigneeName", () => String) assigneeName: string,
    @Arg("assigneeTeam", () => String, { nullable: true }) assigneeTeam: string | null,
    @Arg("assigneePhone", () => String, { nullable: true, description: "How to reach them, e.g. 950800 ext. 2" }) assigneePhone: string | null,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceCase> {
    return assignCase(ctx, { caseNumber, assigneeName, assigneeTeam, assigneePhone, reason, idempotencyKey });
  }

  @Mutation(() => ServiceCase, { description: "Escalate one tier (L1 -> L2 -> L3) with a reason; the case waits in that tier's queue (ESCALATED) until taken over (S7)." })
  async escalateCase(
    @Arg("caseNumber", () => String) caseNumber: string,
    @Arg("reason", () => String, { description: "Why first line cannot solve it, 1-500 characters" }) reason: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceCase> {
    return escalateCase(ctx, { caseNumber, reason, idempotencyKey });
  }

  @Mutation(() => ServiceCase, { description: "The caller takes a queued or escalated case over and is its current handler (S7: first line out of the loop)." })
  async takeOverCase(
    @Arg("caseNumber", () => String) caseNumber: string,
    @Arg("team", () => String, { nullable: true }) team: string | null,
    @Arg("phone", () => String, { nullable: true, description: "How the customer and parties reach the new owner" }) phone: string | null,
    @Arg("hours", () => String, { nullable: true, description: "e.g. 09:00-18:00" }) hours: string | null,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceCase> {
    return takeOverCase(ctx, { caseNumber, team, phone, hours, reason, idempotencyKey });
  }

  @Mutation(() => ServiceCase, { description: "Change an open case's priority (LOW, NORMAL, HIGH, URGENT) with a reason." })
  async changeCasePriority(
    @Arg("caseNumber", () => String) caseNumber: string,
    @Arg("priority", () => String, { description: "LOW, NORMAL, HIGH or URGENT" }) priority: string,
    @Arg("reason", () => String) reason: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceCase> {
    return changeCasePriority(ctx, { caseNumber, priority, reason, idempotencyKey });
  }

  @Mutation(() => ServiceCase, { description: "Hand an open case to another organization with a reason (S5): it becomes a party and the handler; the sender keeps read access." })
  async transferCase(
    @Arg("caseNumber", () => String) caseNumber: string,
    @Arg("toOrganization", () => String, { description: "Organization code (docs/STORY_DATA.md), e.g. hengtong, kuaixiu" }) toOrganization: string,
    @Arg("reason", () => String) reason: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceCase> {
    return transferCase(ctx, { caseNumber, toOrganization, reason, idempotencyKey });
  }
}
