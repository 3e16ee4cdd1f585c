import { toAnalyticsRow } from "../../subgraphs/analytics/domain/analyticsRow";
import { AnalyticsStore } from "../../subgraphs/analytics/domain/analyticsStore";
import type { AnalyticsFilter } from "../../subgraphs/analytics/domain/analyticsFilter";
import type { DerivedRefresh } from "../../subgraphs/analytics/domain/derivedTables";
import { pseudonymizer } from "../../subgraphs/analytics/domain/pseudonym";
import { loadServiceHistory } from "../../subgraphs/analytics/domain/serviceHistory";
import { loadServiceMetrics, type MetricsGroupBy, type MetricsRow } from "../../subgraphs/analytics/domain/serviceMetrics";
import { syntheticEventsFor } from "../../subgraphs/analytics/seed/syntheticEvents";
import { seededRandom } from "../../subgraphs/kit/synthetic";
import type { DomainEvent } from "../../subgraphs/kit/events";
import { AS_OF, HOUR, T0, handBuiltEvents } from "./handBuiltEvents";

/*
 * The derived tables serviceMetrics reads (derivedTables.ts) are kept up to date per changed
 * matter. Whatever order events arrive in, and however often the metrics are asked in
 * between, the answers must be those of a store that got every event in one batch (which
 * builds the tables from scratch). And serviceHistory's two-step page must page through
 * exactly the events in (at, id) order, ties included.
 */

const key = pseudonymizer("incremental-test-secret-0123456789");
const END_MS = T0 + 200 * 24 * HOUR;
const GROUPINGS: MetricsGroupBy[] = ["ORGANIZATION", "SOURCE", "TIER", "DAY", "CITY", "DEVICE_MODEL"];

function allEvents(): DomainEvent[] {
  const synthetic = Array.from({ length: 150 }, (_, person) => syntheticEventsFor(person, { endMs: END_MS, days: 180 })).flat();
  return [...handBuiltEvents(), ...synthetic];
}

function shuffled<T>(items: T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Numbers to 9 significant digits: averages may sum in another order. */
function comparable(rows: MetricsRow[]): unknown {
  return JSON.parse(JSON.stringify(rows, (_, value: unknown) => (typeof value === "number" ? Number(value.toPrecision(9)) : value)));
}

const questions: { filter: AnalyticsFilter; asOfMs: number; unansweredDays: number }[] = [
  { filter: {}, asOfMs: AS_OF, unansweredDays: 30 },
  { filter: {}, asOfMs: END_MS, unansweredDays: 30 },
  { filter: {}, asOfMs: T0 + 20 * HOUR, unansweredDays: 1 },
  { filter: { organizations: ["aolan", "unicom"], sinceMs: T0, untilMs: END_MS - 30 * 24 * HOUR }, asOfMs: END_MS - 30 * 24 * HOUR, unansweredDays: 10 },
  { filter: { cities: ["Wuhan"], tiers: ["L1"] }, asOfMs: END_MS, unansweredDays: 30 },
];

async function answers(store: AnalyticsStore): Promise<unknown[]> {
  const all: unknown[] = [];
  for (const question of questions)
    for (const groupBy of GROUPINGS) all.push(comparable(await loadServiceMetrics(store, groupBy, question.filter, { asOfMs: question.asOfMs, unansweredDays: question.unansweredDays })));
  return all;
}

describe("derived tables kept per changed matter", () => {
  let whole: AnalyticsStore;
  let piecemeal: AnalyticsStore;
  const refreshes: DerivedRefresh[] = [];

  beforeAll(async () => {
    const events = allEvents();
    whole = await AnalyticsStore.open(":memory:");
    await whole.insert(events.map((event) => toAnalyticsRow(event, key)));

    // Half the events first, then the rest in small out-of-order batches with a question after each.
    piecemeal = await AnalyticsStore.open(":memory:");
    const order = shuffled(events, 42);
    const half = Math.floor(order.length / 2);
    await piecemeal.insert(order.slice(0, half).map((event) => toAnalyticsRow(event, key)));
    refreshes.push(await piecemeal.refreshDerived());
    for (let i = half; i < order.length; i += 37) {
      await piecemeal.insert(order.slice(i, i + 37).map((event) => toAnalyticsRow(event, key)));
      if ((i - half) % 111 === 0) await loadServiceMetrics(piecemeal, "ORGANIZATION", {}, { asOfMs: END_MS, unansweredDays: 30 });
      else refreshes.push(await piecemeal.refreshDerived());
    }
    // A redelivered batch changes nothing.
    await piecemeal.insert(order.slice(0, 50).map((event) => toAnalyticsRow(event, key)));
    refreshes.push(await piecemeal.refreshDerived());
  }, 60_000);
  afterAll(async () => {
    await whole.close();
    await piecemeal.close();
  });

  it("recomputed only the changed matters after the first build", () => {
    expect(refreshes[0]).toBe("rebuilt");
    expect(refreshes.slice(1, -1).length).toBeGreaterThan(5);
    expect(refreshes.slice(1, -1).every((done) => done === "changed")).toBe(true);
    expect(refreshes[refreshes.length - 1]).toBe("current");
  });

  it("answers every grouping, filter and as-of like a store built in one batch", async () => {
    expect(await piecemeal.count()).toBe(await whole.count());
    const expected = await answers(whole);
    // The answers are not trivially empty: matters opened, promises overdue, surveys counted.
    const firstRows = expected[0] as MetricsRow[];
    expect(firstRows.reduce((sum, row) => sum + row.mattersOpened, 0)).toBeGreaterThan(100);
    const late = expected[6] as MetricsRow[];
    expect(late.reduce((sum, row) => sum + row.overduePromises, 0)).toBeGreaterThan(10);
    expect(late.reduce((sum, row) => sum + row.surveysDuringOpenComplaint, 0)).toBeGreaterThan(0);
    expect(await answers(piecemeal)).toEqual(expected);
  });
});

describe("serviceHistory pages", () => {
  let store: AnalyticsStore;

  beforeAll(async () => {
    store = await AnalyticsStore.open(":memory:");
    const events = allEvents();
    // Ties on the time: copies of some events at the same instant, other ids.
    const ties = events.slice(0, 40).map((event, i) => ({ ...event, id: `${event.id}-tie-${i}` }));
    await store.insert(shuffled([...events, ...ties], 7).map((event) => toAnalyticsRow(event, key)));
  });
  afterAll(() => store.close());

  const filters: AnalyticsFilter[] = [{}, { types: ["contact_logged", "callback_made"] }, { cities: ["Wuhan"], sinceMs: END_MS - 60 * 24 * HOUR }, { sources: ["nobody"] }];

  it.each(filters.map((filter) => [JSON.stringify(filter), filter]))("walks every event newest first, each once (filter %s)", async (_, filter) => {
    const conditions: string[] = [];
    if (filter.types) conditions.push(`type IN (${filter.types.map((t) => `'${t}'`).join(", ")})`);
    if (filter.cities) conditions.push(`city IN (${filter.cities.map((c) => `'${c}'`).join(", ")})`);
    if (filter.sources) conditions.push(`source IN (${filter.sources.map((s) => `'${s}'`).join(", ")})`);
    if (filter.sinceMs !== undefined) conditions.push(`at_ms >= ${filter.sinceMs}`);
    const expected = (await store.query(`SELECT id FROM events ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""} ORDER BY at_ms DESC, id DESC`)).map((row) => String(row.id));

    const walked: string[] = [];
    let after: { atMs: number; id: string } | null = null;
    for (let pages = 0; pages < 1000; pages++) {
      const page = await loadServiceHistory(store, filter, 23, after);
      walked.push(...page.events.map((event) => event.id));
      if (!page.hasMore) break;
      after = page.last;
    }
    expect(walked).toEqual(expected);
  });
});
