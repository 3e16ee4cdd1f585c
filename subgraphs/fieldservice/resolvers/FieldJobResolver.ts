import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { assertMayRead } from "../domain/access";
import { toFieldJob, toJobNote } from "../domain/mapping";
import { checkFirst, checkJobId } from "../domain/validation";
import { FieldJob } from "../types/FieldJob";
import { JobNote } from "../types/JobNote";

@Resolver(() => FieldJob)
export class FieldJobResolver {
  @Query(() => FieldJob, { nullable: true, description: "A field job by id (FJ-KX-0001); null when there is none" })
  async fieldJob(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<FieldJob | null> {
    const row = await ctx.loaders.job.load(checkJobId(id));
    if (!row) return null;
    assertMayRead(ctx.caller, row);
    return toFieldJob(row, ctx.caller);
  }

  @FieldResolver(() => [JobNote], { description: "Dispatcher and technician notes, newest first" })
  async notes(@Root() job: FieldJob, @Arg("first", () => Int, { defaultValue: 20 }) first: number, @Ctx() ctx: Context): Promise<JobNote[]> {
    const rows = await ctx.loaders.notes(checkFirst(first)).load(job.id);
    return rows.map(toJobNote);
  }
}
