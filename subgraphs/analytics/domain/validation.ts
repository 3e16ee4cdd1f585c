import { badInput } from "../../../common/errorCodes";
import { decodeCursor } from "../../kit";
import type { AnalyticsFilter } from "./analyticsFilter";
import { normalizeType } from "./classify";

export { checkPageSize as checkFirst } from "../../kit";

const MAX_VALUES = 50;
const MAX_TEXT = 120;
/** Longest range serviceMetrics' unansweredDays accepts. */
export const MAX_UNANSWERED_DAYS = 3650;

interface FilterInput {
  sources?: string[] | null;
  kinds?: string[] | null;
  organizations?: string[] | null;
  tiers?: string[] | null;
  cities?: string[] | null;
  deviceModels?: string[] | null;
  since?: string | null;
  until?: string | null;
}

function list(values: string[] | null | undefined, argument: string): string[] | undefined {
  if (values === null || values === undefined) return undefined;
  if (values.length > MAX_VALUES) throw badInput(`${argument} takes at most ${MAX_VALUES} values`, { argument });
  for (const value of values) {
    if (value.trim().length === 0 || value.length > MAX_TEXT || /[\u0000-\u001f]/.test(value)) throw badInput(`${argument} values must be 1-${MAX_TEXT} printable characters`, { argument });
  }
  return values;
}

function time(value: string | null | undefined, argument: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badInput(`${argument} must be an ISO 8601 time, got "${value.slice(0, 40)}"`, { argument });
  return ms;
}

/** A GraphQL filter as the store's filter, every value checked. */
export function checkFilter(input: FilterInput | null | undefined, argument = "filter"): AnalyticsFilter {
  if (!input) return {};
  const filter: AnalyticsFilter = {
    sources: list(input.sources, `${argument}.sources`),
    types: list(input.kinds, `${argument}.kinds`)?.map(normalizeType),
    organizations: list(input.organizations, `${argument}.organizations`),
    tiers: list(input.tiers, `${argument}.tiers`),
    cities: list(input.cities, `${argument}.cities`),
    deviceModels: list(input.deviceModels, `${argument}.deviceModels`),
    sinceMs: time(input.since, `${argument}.since`),
    untilMs: time(input.until, `${argument}.until`),
  };
  if (filter.sinceMs !== undefined && filter.untilMs !== undefined && filter.sinceMs >= filter.untilMs) throw badInput(`${argument}.since must be before ${argument}.until`, { argument: `${argument}.since` });
  return filter;
}

export function checkUnansweredDays(value: number | null | undefined): number {
  if (value === null || value === undefined) return 30;
  if (!Number.isInteger(value) || value < 0 || value > MAX_UNANSWERED_DAYS) throw badInput(`filter.unansweredDays must be 0-${MAX_UNANSWERED_DAYS}`, { argument: "filter.unansweredDays" });
  return value;
}

/** A history cursor: the kit's (at, id) encoding. */
export function checkAfter(after: string | null | undefined): { atMs: number; id: string } | null {
  if (after === null || after === undefined) return null;
  const cursor = decodeCursor(after, "is not a service history cursor; pass a page's endCursor");
  return { atMs: Date.parse(cursor.at), id: cursor.id };
}
