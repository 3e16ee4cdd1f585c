import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { canSeeMakerData } from "../../kit";
import type { Context } from "../context";
import { toKnownIssue } from "../mappers";
import { KnownIssue } from "../types/KnownIssue";
import { identifier } from "../validation";

@Resolver(() => KnownIssue)
export class KnownIssueResolver {
  @Query(() => [KnownIssue], { description: "The maker's known issues and hints for a model (e.g. HT-B860); empty when none" })
  async knownIssues(@Arg("model", () => String) model: string, @Ctx() ctx: Context): Promise<KnownIssue[]> {
    const rows = await ctx.loaders.knownIssues.load(identifier(model, "model", "model"));
    // A maker's known issues are its own know-how: a partner sees its own maker's only.
    return rows.filter((row) => canSeeMakerData(ctx.caller, row.maker)).map(toKnownIssue);
  }
}
