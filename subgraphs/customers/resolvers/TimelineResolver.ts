import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { badInput } from "../../../common/errorCodes";
import { decodeCursor, decodeKey, encodeKey, isPartner, loadScopedTimelineSlice, loadTimelineSlice, maskEntries, type TimelineEvent, type TimelineQuery } from "../../kit";
import type { Context } from "../context";
import { toIdentityIds } from "../mappers";
import { mergeTimeline } from "../merge/mergeTimeline";
import { collectSources } from "../merge/sourceFields";
import { identitySystemOf, SELF, SOURCES } from "../sources";
import { Customer } from "../types/Customer";
import { Timeline, TimelineResult } from "../types/Timeline";
import { subjectReference } from "../types/TimelineSubject";
import { checkPageSize } from "./CustomerResolver";

function checkTime(value: string | null | undefined, argument: string): string | null {
  if (value == null) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badInput(`${argument} must be an ISO 8601 time, got "${value}"`, { argument });
  return new Date(ms).toISOString();
}

function checkSources(sources: string[] | null | undefined): string[] | null {
  if (!sources) return null;
  const known = [SELF, ...SOURCES];
  const unknown = sources.filter((s) => !known.includes(s));
  if (unknown.length) throw badInput(`unknown source(s) ${unknown.join(", ")}; known: ${known.join(", ")}`, { argument: "sources" });
  return [...new Set(sources)].sort();
}

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
    if (after) decodeCursor(after);
    const links = await ctx.loaders.links.load(customer.id);
    const query: TimelineQuery = {
      customerId: customer.id,
      first: checkPageSize(first),
      after: after ?? null,
      sources: checkSources(sources),
      kinds: kinds?.length ? [...new Set(kinds)].sort() : null,
      since: checkTime(since, "since"),
      until: checkTime(until, "until"),
      ids: toIdentityIds(customer.id, links),
    };
    return { key: encodeKey(query) } as Timeline;
  }
}

@Resolver(() => Timeline)
export class TimelineResolver {
  @FieldResolver(() => TimelineResult)
  async result(@Root() root: Timeline, @Ctx() ctx: Context): Promise<TimelineResult> {
    const query = decodeKey<TimelineQuery>(root.key);
    ctx.servedCustomerIds.add(query.customerId);
    const asked = (source: string) => (!query.sources || query.sources.includes(source)) && (query.ids[identitySystemOf(source)]?.length ?? 0) > 0;
    const { values, missing } = collectSources<TimelineEvent>(root as unknown as Record<string, unknown>, "Events", asked);
    // A partner's own entries here are the contacts and complaints its organization recorded.
    const own = isPartner(ctx.caller)
      ? await loadScopedTimelineSlice(ctx.db, SELF, query, { ownerIds: query.ids[SELF] ?? [], actorOrganization: ctx.caller.organization })
      : await loadTimelineSlice(ctx.db, SELF, query);
    const page = mergeTimeline([...values, ...own], query.first);
    return {
      entries: maskEntries(ctx.caller, page.entries).map((entry) => ({ ...entry, subject: subjectReference(entry.subjectType, entry.subjectId) as never })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.entries.at(-1)?.cursor ?? null },
      missingSources: missing,
      sources: [SELF, ...SOURCES].filter((s) => s === SELF || asked(s)),
    };
  }
}
