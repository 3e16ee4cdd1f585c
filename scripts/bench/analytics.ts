import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { toAnalyticsRow } from "../../subgraphs/analytics/domain/analyticsRow";
import { AnalyticsStore } from "../../subgraphs/analytics/domain/analyticsStore";
import { pseudonymizer } from "../../subgraphs/analytics/domain/pseudonym";
import { loadServiceHistory } from "../../subgraphs/analytics/domain/serviceHistory";
import { loadServiceMetrics, type MetricsGroupBy } from "../../subgraphs/analytics/domain/serviceMetrics";
import { syntheticEventsFor } from "../../subgraphs/analytics/seed/syntheticEvents";

/*
 * `npm run bench -- --analytics [--events N] [--runs R]`: the analytics read model on this
 * machine. Generates N synthetic events (default 1,000,000; seed/syntheticEvents.ts), ingests
 * them into a fresh DuckDB file through the same path as delivery's drain (mask + appender
 * batches of 5,000) and builds the derived tables, then times serviceMetrics per grouping
 * (also right after a batch of new events, refresh included) and serviceHistory pages, one
 * client, R runs each, and prints p50/p95 against the targets (500 ms / 100 ms) and the load.
 */

const USAGE = `usage: npm run bench -- --analytics [--events N] [--runs R]
  --events N   synthetic events to ingest (default 1000000)
  --runs R     timed runs per query (default 20)`;

const BATCH = 5000;

function intFlag(args: string[], flag: string, fallback: number): number {
  const index = args.indexOf(flag);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} must be a positive integer`);
  return value;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** p50/p95 of `runs` runs after one warm-up; with `selfTimed`, a run returns its own duration (ms) to leave setup out. */
async function timed(runs: number, run: (i: number) => Promise<unknown>, selfTimed = false): Promise<{ p50: number; p95: number }> {
  await run(-1);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const own = await run(i);
    samples.push(selfTimed ? Number(own) : Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

export async function runAnalyticsBench(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const events = intFlag(args, "--events", 1_000_000);
  const runs = intFlag(args, "--runs", 20);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-analytics-bench-"));
  const store = await AnalyticsStore.open(path.join(dir, "analytics.duckdb"));
  const key = pseudonymizer("bench-secret-not-for-production");
  const endMs = Date.now();
  const log = (line: string) => console.log(`[bench:analytics] ${line}`);
  try {
    log(`load average ${os.loadavg().map((load) => load.toFixed(2)).join(" / ")} at the start; ingesting ${events.toLocaleString("en")} synthetic events ...`);
    let ingested = 0;
    let person = 0;
    let batch = [];
    const started = Date.now();
    while (ingested < events) {
      for (const event of syntheticEventsFor(person++, { endMs, days: 365 })) {
        if (ingested + batch.length >= events) break;
        batch.push(toAnalyticsRow(event, key));
      }
      if (batch.length >= BATCH || ingested + batch.length >= events) {
        await store.insert(batch);
        ingested += batch.length;
        batch = [];
        if (ingested % 100_000 < BATCH) process.stderr.write(`\r  ${ingested.toLocaleString("en")} events`);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write("\n");
    const count = await store.count();
    log(`ingestion: ${count.toLocaleString("en")} events (${person.toLocaleString("en")} persons) in ${seconds.toFixed(1)} s = ${Math.round(count / seconds).toLocaleString("en")} events/s (masking + appender + anti-join, batches of ${BATCH})`);
    const building = Date.now();
    await store.refreshDerived();
    const built = (Date.now() - building) / 1000;
    log(`derived tables (matters, metric_events) built from scratch in ${built.toFixed(1)} s; with them, ${Math.round(count / (seconds + built)).toLocaleString("en")} events/s end to end`);

    const lines: string[] = ["| query | p50 ms | p95 ms | target p95 |", "| --- | ---: | ---: | ---: |"];
    const groupings: MetricsGroupBy[] = ["ORGANIZATION", "SOURCE", "TIER", "DAY"];
    for (const groupBy of groupings) {
      const result = await timed(runs, () => loadServiceMetrics(store, groupBy, {}, { asOfMs: endMs, unansweredDays: 30 }));
      lines.push(`| serviceMetrics(groupBy: ${groupBy}) over ${count.toLocaleString("en")} events | ${result.p50.toFixed(0)} | ${result.p95.toFixed(0)} | 500 |`);
      log(lines[lines.length - 1]);
    }
    const month = await timed(runs, () => loadServiceMetrics(store, "DAY", { sinceMs: endMs - 30 * 86_400_000, organizations: ["huawei"] }, { asOfMs: endMs, unansweredDays: 30 }));
    lines.push(`| serviceMetrics(groupBy: DAY, huawei, last 30 days) | ${month.p50.toFixed(0)} | ${month.p95.toFixed(0)} | 500 |`);
    // Under ingestion: each run first adds a batch of new events, so the query pays the refresh of the matters they touched.
    let fresh = person;
    const afterBatch = await timed(runs, async () => {
      const rows = [];
      while (rows.length < BATCH) for (const event of syntheticEventsFor(fresh++, { endMs, days: 365 })) rows.push(toAnalyticsRow(event, key));
      await store.insert(rows);
      const refreshing = process.hrtime.bigint();
      await loadServiceMetrics(store, "ORGANIZATION", {}, { asOfMs: endMs, unansweredDays: 30 });
      return Number(process.hrtime.bigint() - refreshing) / 1e6;
    }, true);
    lines.push(`| serviceMetrics(groupBy: ORGANIZATION) right after ${BATCH.toLocaleString("en")} new events (refresh of the matters they touched included) | ${afterBatch.p50.toFixed(0)} | ${afterBatch.p95.toFixed(0)} | 500 |`);
    log(lines[lines.length - 1]);
    let cursor: { atMs: number; id: string } | null = null;
    const firstPage = await timed(runs, () => loadServiceHistory(store, {}, 50, null));
    lines.push(`| serviceHistory(first: 50) | ${firstPage.p50.toFixed(1)} | ${firstPage.p95.toFixed(1)} | 100 |`);
    const deep = await timed(runs, async () => {
      const page = await loadServiceHistory(store, {}, 50, cursor);
      cursor = page.hasMore ? page.last : null;
    });
    lines.push(`| serviceHistory(first: 50, after: next page, walking) | ${deep.p50.toFixed(1)} | ${deep.p95.toFixed(1)} | 100 |`);
    const filtered = await timed(runs, () => loadServiceHistory(store, { types: ["contact_logged"], cities: ["Wuhan"], sinceMs: endMs - 30 * 86_400_000 }, 50, null));
    lines.push(`| serviceHistory(first: 50, contact_logged in Wuhan, last 30 days) | ${filtered.p50.toFixed(1)} | ${filtered.p95.toFixed(1)} | 100 |`);
    const [one, five, fifteen] = os.loadavg().map((load) => load.toFixed(2));
    console.log(`\n${lines.join("\n")}\n\n(${os.cpus().length} cores, load average ${one} / ${five} / ${fifteen} at the end, ${runs} runs per query, one client, DuckDB ${path.join(dir, "analytics.duckdb")})`);
    return 0;
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
