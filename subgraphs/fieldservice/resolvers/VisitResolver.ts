import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { mayRead } from "../domain/access";
import { toFieldJob } from "../domain/mapping";
import { FieldJob } from "../types/FieldJob";
import { Visit } from "../types/Visit";

@Resolver(() => Visit)
export class VisitResolver {
  @FieldResolver(() => FieldJob, {
    nullable: true,
    description: "快修到家 Kuaixiu's job carrying out this visit: the technician who comes, their phone, position and ETA. The newest job when an earlier one was cancelled; null when the maker has not sent it to the contractor.",
  })
  async fieldJob(@Root() visit: Visit, @Ctx() ctx: Context): Promise<FieldJob | null> {
    const [newest] = await ctx.loaders.jobsOfVisit.load(visit.id);
    // Not asked for by id: a job of another maker's visit is simply not there for this partner.
    return newest && mayRead(ctx.caller, newest) ? toFieldJob(newest, ctx.caller) : null;
  }
}
