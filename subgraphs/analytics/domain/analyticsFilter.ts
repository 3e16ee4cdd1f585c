import type { Params } from "./analyticsStore";

/** What an analyst narrows events or matters to (every list is "any of"; times are epoch ms, until exclusive). */
export interface AnalyticsFilter {
  sources?: string[];
  types?: string[];
  organizations?: string[];
  tiers?: string[];
  cities?: string[];
  deviceModels?: string[];
  sinceMs?: number;
  untilMs?: number;
}

/** Column expressions the filter's dimensions map to (events or the matters view). */
export interface FilterColumns {
  source: string;
  type?: string;
  organization: string;
  tier: string;
  city: string;
  deviceModel: string;
  time: string;
}

/**
 * The WHERE conditions for a filter, with named parameters (prefix keeps two filters in one
 * statement apart). Values are always bound, never spliced into the SQL.
 */
export function filterSql(filter: AnalyticsFilter, columns: FilterColumns, prefix: string): { conditions: string[]; params: Params } {
  const conditions: string[] = [];
  const params: Params = {};
  const anyOf = (name: string, column: string | undefined, values: string[] | undefined) => {
    if (!column || !values || values.length === 0) return;
    const names = values.map((value, index) => {
      const key = `${prefix}${name}${index}`;
      params[key] = value;
      return `$${key}`;
    });
    conditions.push(`${column} IN (${names.join(", ")})`);
  };
  anyOf("source", columns.source, filter.sources);
  anyOf("type", columns.type, filter.types);
  anyOf("org", columns.organization, filter.organizations);
  anyOf("tier", columns.tier, filter.tiers);
  anyOf("city", columns.city, filter.cities);
  anyOf("device", columns.deviceModel, filter.deviceModels);
  if (filter.sinceMs !== undefined) {
    params[`${prefix}since`] = filter.sinceMs;
    conditions.push(`${columns.time} >= $${prefix}since`);
  }
  if (filter.untilMs !== undefined) {
    params[`${prefix}until`] = filter.untilMs;
    conditions.push(`${columns.time} < $${prefix}until`);
  }
  return { conditions, params };
}

export const EVENT_COLUMNS: FilterColumns = { source: "source", type: "type", organization: "organization", tier: "tier", city: "city", deviceModel: "device_model", time: "at_ms" };
