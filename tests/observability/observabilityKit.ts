/** Shared bits of the observability tests: reading the JSON log lines and the Prometheus text. */
import fs from "node:fs";

export interface LogLine {
  service: string;
  msg: string;
  requestId?: string;
  [field: string]: unknown;
}

/** Every JSON line in the log file (the gateway and the subgraphs all append to it). */
export function readLogLines(file: string): LogLine[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);
}

/** Polls until `check` returns a value (log lines are written when a response is gone, a moment after the client has it). */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The value of one sample in Prometheus text (`name{a="1",b="2"} 3`), 0 when absent. Labels must match exactly. */
export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    const wanted = Object.entries(labels);
    if (wanted.length === Object.keys(found).length && wanted.every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return 0;
}

export async function scrape(url: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.text();
}

/** The /metrics URL next to a /graphql URL. */
export function metricsUrlOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, "/metrics");
}
