import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { EngineeringTask } from "../types/EngineeringTask";

/** When a verification is due (issue 14; null on tasks from before due times were kept). */
@Resolver(() => EngineeringTask)
export class EngineeringTaskDueResolver {
  @FieldResolver(() => String, { nullable: true })
  async dueAt(@Root() task: EngineeringTask, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.loaders.task.load(task.id))?.due_at ?? null;
  }
}
