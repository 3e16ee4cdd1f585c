import { badInput } from "../../../common/errorCodes";
import { checkPageSize, decodeCursor, type TimelineQuery } from "../../kit";
import type { Context } from "../context";
import { toIdentityIds } from "../mappers";
import { SELF, SOURCES } from "../sources";

/** The timeline field's arguments: the query without whose it is (customer, ids), added here. */
export type TimelineArgs = Omit<TimelineQuery, "customerId" | "ids">;

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

/** A client's timeline arguments, checked, plus the customer's ids in every system: the merge key. */
export async function timelineQuery(ctx: Context, customerId: string, args: TimelineArgs): Promise<TimelineQuery> {
  if (args.after) decodeCursor(args.after);
  const links = await ctx.loaders.links.load(customerId);
  return {
    customerId,
    first: checkPageSize(args.first),
    after: args.after ?? null,
    sources: checkSources(args.sources),
    kinds: args.kinds?.length ? [...new Set(args.kinds)].sort() : null,
    since: checkTime(args.since, "since"),
    until: checkTime(args.until, "until"),
    ids: toIdentityIds(customerId, links),
  };
}
