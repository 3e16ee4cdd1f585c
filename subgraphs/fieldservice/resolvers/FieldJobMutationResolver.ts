import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { cancelJob } from "../domain/cancelJob";
import { updateEta } from "../domain/updateEta";
import { FieldJob } from "../types/FieldJob";

@Resolver(() => FieldJob)
export class FieldJobMutationResolver {
  @Mutation(() => FieldJob, { description: "New expected arrival for an open job (contractor, the maker, supervisors). Repeating with the same idempotencyKey returns the same answer." })
  async updateFieldJobEta(
    @Arg("jobId", () => ID) jobId: string,
    @Arg("eta", () => String, { description: "ISO 8601" }) eta: string,
    @Arg("note", () => String, { nullable: true, description: "Why, e.g. traffic on the Yangtze bridge" }) note: string | null,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<FieldJob> {
    return updateEta(ctx, { jobId, eta, note, idempotencyKey });
  }

  @Mutation(() => FieldJob, { description: "Tell the technician not to come (contractor, the maker, supervisors). CONFLICT when the job is already closed." })
  async cancelFieldJob(
    @Arg("jobId", () => ID) jobId: string,
    @Arg("reason", () => String) reason: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<FieldJob> {
    return cancelJob(ctx, { jobId, reason, idempotencyKey });
  }
}
