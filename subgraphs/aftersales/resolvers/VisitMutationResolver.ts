import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { cancelVisit } from "../mutations/cancelVisit";
import { rescheduleVisit } from "../mutations/rescheduleVisit";
import { Visit } from "../types/Visit";

@Resolver(() => Visit)
export class VisitMutationResolver {
  @Mutation(() => Visit, { description: "Cancel a scheduled technician visit (S1). Repeating with the same idempotencyKey returns the same answer." })
  async cancelVisit(
    @Arg("visitId", () => String) visitId: string,
    @Arg("reason", () => String, { description: 'e.g. "resolved by the customer"' }) reason: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<Visit> {
    return cancelVisit(ctx, { visitId, reason, idempotencyKey });
  }

  @Mutation(() => Visit, { description: "Move a scheduled visit to a new window; returns the new visit (the old one becomes RESCHEDULED)." })
  async rescheduleVisit(
    @Arg("visitId", () => String) visitId: string,
    @Arg("windowStart", () => String, { description: "ISO 8601" }) windowStart: string,
    @Arg("windowEnd", () => String, { description: "ISO 8601, at most 12 hours after windowStart" }) windowEnd: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<Visit> {
    return rescheduleVisit(ctx, { visitId, windowStart, windowEnd, idempotencyKey });
  }
}
