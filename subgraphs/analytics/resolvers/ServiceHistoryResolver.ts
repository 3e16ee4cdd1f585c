import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { encodeCursor } from "../../kit";
import type { Context } from "../context";
import { requireAnalyst } from "../domain/access";
import { analyticsService, drainStaged } from "../domain/ingest";
import { loadServiceHistory } from "../domain/serviceHistory";
import { checkAfter, checkFilter, checkFirst } from "../domain/validation";
import { ServiceEvent } from "../types/ServiceEvent";
import { ServiceHistoryFilter } from "../types/ServiceHistoryFilter";
import { ServiceHistoryPage } from "../types/ServiceHistoryPage";

@Resolver()
export class ServiceHistoryResolver {
  @Query(() => ServiceHistoryPage, {
    description: "Events across customers and parties, newest first, masked (pseudonymous keys; no names, contact details or summaries). Analysts and supervisors.",
  })
  async serviceHistory(
    @Arg("filter", () => ServiceHistoryFilter, { nullable: true }) filter: ServiceHistoryFilter | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true, description: "endCursor of the previous page" }) after: string | null,
    @Ctx() context: Context,
  ): Promise<ServiceHistoryPage> {
    requireAnalyst(context.caller);
    const checked = { filter: checkFilter(filter), first: checkFirst(first), after: checkAfter(after) };
    const service = await analyticsService();
    await drainStaged(context.db, service);
    const page = await loadServiceHistory(service.store, checked.filter, checked.first, checked.after);
    return Object.assign(new ServiceHistoryPage(), {
      events: page.events.map((event) => Object.assign(new ServiceEvent(), event)),
      hasMore: page.hasMore,
      endCursor: page.last ? encodeCursor({ at: new Date(page.last.atMs).toISOString(), id: page.last.id }) : null,
    });
  }
}
