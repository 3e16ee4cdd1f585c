import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../context";
import { toKnownIssue } from "../mappers";
import { KnownIssue } from "../types/KnownIssue";
import { identifier } from "../validation";

@Resolver(() => KnownIssue)
export class KnownIssueResolver {
  @Query(() => [KnownIssue], { description: "The maker's known issues and hints for a model (e.g. HT-B860); empty when none" })
  async knownIssues(@Arg("model", () => String) model: string, @Ctx() ctx: Context): Promise<KnownIssue[]> {
    return (await ctx.loaders.knownIssues.load(identifier(model, "model", "model"))).map(toKnownIssue);
  }
}
