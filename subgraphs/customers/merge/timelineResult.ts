import { isPartner, loadScopedTimelineSlice, loadTimelineSlice, maskEntries, type TimelineEvent, type TimelineQuery } from "../../kit";
import type { Context } from "../context";
import { identitySystemOf, SELF, SOURCES } from "../sources";
import type { TimelineResult } from "../types/Timeline";
import { subjectReference } from "../types/TimelineSubject";
import { mergeTimeline } from "./mergeTimeline";
import { collectSources } from "./sourceFields";

/**
 * One timeline page from the sources' slices (in `representation`, as @requires delivered
 * them) and this subgraph's own events (contacts, complaints).
 */
export async function timelineResult(ctx: Context, representation: Record<string, unknown>, query: TimelineQuery): Promise<TimelineResult> {
  ctx.servedCustomerIds.add(query.customerId);
  const asked = (source: string) => (!query.sources || query.sources.includes(source)) && (query.ids[identitySystemOf(source)]?.length ?? 0) > 0;
  const { values, missing } = collectSources<TimelineEvent>(representation, "Events", asked);
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
