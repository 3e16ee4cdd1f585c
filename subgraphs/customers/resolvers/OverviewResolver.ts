import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { decodeTimelineKey, encodeKey } from "../../kit";
import type { Context } from "../context";
import { openMattersResult } from "../merge/openMattersResult";
import { timelineQuery } from "../merge/timelineQuery";
import { timelineResult } from "../merge/timelineResult";
import { Customer } from "../types/Customer";
import { CustomerOverview, OverviewResult } from "../types/CustomerOverview";

@Resolver(() => Customer)
export class CustomerOverviewResolver {
  @FieldResolver(() => CustomerOverview, {
    description: "Open matters (who is handling each, promises, overdue) and a timeline page in one merge. Same arguments as `timeline`. Select `result`.",
  })
  async overview(
    @Root() customer: Customer,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { defaultValue: 20, description: "Timeline entries per page" }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("sources", () => [String], { nullable: true, description: "Timeline sources (open matters always come from all)" }) sources: string[] | null,
    @Arg("kinds", () => [String], { nullable: true }) kinds: string[] | null,
    @Arg("since", () => String, { nullable: true }) since: string | null,
    @Arg("until", () => String, { nullable: true }) until: string | null,
  ): Promise<CustomerOverview> {
    return { key: encodeKey(await timelineQuery(ctx, customer.id, { first, after, sources, kinds, since, until })) } as CustomerOverview;
  }
}

@Resolver(() => CustomerOverview)
export class OverviewResolver {
  @FieldResolver(() => OverviewResult)
  async result(@Root() root: CustomerOverview, @Ctx() ctx: Context): Promise<OverviewResult> {
    const query = decodeTimelineKey(root.key);
    const representation = root as unknown as Record<string, unknown>;
    const [openMatters, timeline] = await Promise.all([
      openMattersResult(ctx, representation, { customerId: query.customerId, ids: query.ids }),
      timelineResult(ctx, representation, query),
    ]);
    return { openMatters, timeline };
  }
}
