import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { decodeTimelineKey, encodeKey } from "../../kit";
import type { Context } from "../context";
import { timelineQuery } from "../merge/timelineQuery";
import { timelineResult } from "../merge/timelineResult";
import { Customer } from "../types/Customer";
import { Timeline, TimelineResult } from "../types/Timeline";

@Resolver(() => Customer)
export class CustomerTimelineResolver {
  @FieldResolver(() => Timeline, { description: "What happened, from every system, newest first. Select `result`." })
  async timeline(
    @Root() customer: Customer,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true, description: "An entry's cursor or pageInfo.endCursor" }) after: string | null,
    @Arg("sources", () => [String], { nullable: true }) sources: string[] | null,
    @Arg("kinds", () => [String], { nullable: true }) kinds: string[] | null,
    @Arg("since", () => String, { nullable: true, description: "ISO 8601, inclusive" }) since: string | null,
    @Arg("until", () => String, { nullable: true, description: "ISO 8601, exclusive" }) until: string | null,
  ): Promise<Timeline> {
    return { key: encodeKey(await timelineQuery(ctx, customer.id, { first, after, sources, kinds, since, until })) } as Timeline;
  }
}

@Resolver(() => Timeline)
export class TimelineResolver {
  @FieldResolver(() => TimelineResult)
  async result(@Root() root: Timeline, @Ctx() ctx: Context): Promise<TimelineResult> {
    return timelineResult(ctx, root as unknown as Record<string, unknown>, decodeTimelineKey(root.key));
  }
}
