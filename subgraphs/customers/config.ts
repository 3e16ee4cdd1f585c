import fs from "node:fs";
import path from "node:path";
import { intSetting } from "../kit/subgraphConfig";

/**
 * The customers subgraph's own options (README "Configuration"), read and validated once at
 * start by the definition's `configure` (nothing is read at import time). Environment
 * variable in brackets.
 */
export interface CustomersConfig {
  /** [CUSTOMER360_SOURCES] default: schema/customer360-sources.yaml of this checkout (found from this file, not the working folder). */
  sourcesPath: string;
  /** [CUSTOMER360_SOURCES_POLL_MS] default 1000: how often the source list file is looked at (a change is served without restart). */
  sourcesPollMs: number;
  /** [SURVEY_WINDOW_DAYS] default 30: no two surveys within this many days (S4). */
  surveyWindowDays: number;
}

export const DEFAULT_SURVEY_WINDOW_DAYS = 30;

/** The checkout's schema/customer360-sources.yaml: the nearest one above this file (source or dist/). */
function defaultSourcesPath(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "schema", "customer360-sources.yaml");
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.resolve("schema", "customer360-sources.yaml");
  }
}

export function readCustomersConfig(env: NodeJS.ProcessEnv): CustomersConfig {
  return {
    sourcesPath: env.CUSTOMER360_SOURCES ? path.resolve(env.CUSTOMER360_SOURCES) : defaultSourcesPath(),
    sourcesPollMs: intSetting(env, "CUSTOMER360_SOURCES_POLL_MS", 1000, 10, 3_600_000),
    surveyWindowDays: intSetting(env, "SURVEY_WINDOW_DAYS", DEFAULT_SURVEY_WINDOW_DAYS, 0, 3650),
  };
}

let current: CustomersConfig | undefined;

/** Remembers the options the process started with (customersSubgraph.configure). */
export function useCustomersConfig(config: CustomersConfig): void {
  current = config;
}

/** The options the process started with; before start, the defaults. */
export function customersConfig(): CustomersConfig {
  return (current ??= readCustomersConfig({}));
}
