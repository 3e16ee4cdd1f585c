import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../context";
import { requireAnalyst } from "../domain/access";
import { analyticsService, drainStaged } from "../domain/ingest";
import { loadServiceMetrics } from "../domain/serviceMetrics";
import { checkFilter, checkUnansweredDays } from "../domain/validation";
import { MetricsGrouping } from "../types/enums";
import { ServiceMetricsFilter } from "../types/ServiceMetricsFilter";
import { ServiceMetricsRow } from "../types/ServiceMetricsRow";

@Resolver()
export class ServiceMetricsResolver {
  @Query(() => [ServiceMetricsRow], {
    description: "Service metrics per organization, source, tier, city, device model or day (definitions: docs/ANALYTICS.md). Analysts and supervisors.",
  })
  async serviceMetrics(
    @Arg("groupBy", () => MetricsGrouping) groupBy: MetricsGrouping,
    @Arg("filter", () => ServiceMetricsFilter, { nullable: true }) filter: ServiceMetricsFilter | null,
    @Ctx() context: Context,
  ): Promise<ServiceMetricsRow[]> {
    requireAnalyst(context.caller);
    const checked = checkFilter(filter);
    const unansweredDays = checkUnansweredDays(filter?.unansweredDays);
    const service = await analyticsService();
    await drainStaged(context.db, service);
    const rows = await loadServiceMetrics(service.store, groupBy, checked, { asOfMs: Math.min(checked.untilMs ?? Date.now(), Date.now()), unansweredDays });
    return rows.map((row) => Object.assign(new ServiceMetricsRow(), row));
  }
}
