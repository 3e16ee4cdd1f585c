import { toAnalyticsRow } from "../../subgraphs/analytics/domain/analyticsRow";
import { AnalyticsStore } from "../../subgraphs/analytics/domain/analyticsStore";
import { pseudonymizer } from "../../subgraphs/analytics/domain/pseudonym";
import { loadServiceMetrics, type MetricsRow } from "../../subgraphs/analytics/domain/serviceMetrics";
import { AS_OF, HOUR, T0, handBuiltEvents } from "./handBuiltEvents";

/*
 * Every serviceMetrics figure on the hand-built events (handBuiltEvents.ts), worked out by
 * hand from the definitions in docs/ANALYTICS.md.
 */

const key = pseudonymizer("metrics-test-secret-0123456789");
let store: AnalyticsStore;

beforeAll(async () => {
  store = await AnalyticsStore.open(":memory:");
  await store.insert(handBuiltEvents().map((event) => toAnalyticsRow(event, key)));
});
afterAll(() => store.close());

const options = { asOfMs: AS_OF, unansweredDays: 30 };
const byGroup = (rows: MetricsRow[]) => Object.fromEntries(rows.map((row) => [row.group, row]));

describe("serviceMetrics on hand-built events", () => {
  it("counts matters, response and resolution times, escalation, handoffs and parties per handling organization", async () => {
    const rows = byGroup(await loadServiceMetrics(store, "ORGANIZATION", {}, options));
    expect(rows.aolan).toMatchObject({ mattersOpened: 2, mattersResolved: 2, escalationRate: 0.5, handoffsPerMatter: 1.5, partiesPerMatter: 1.5, complaintsUnanswered: 0 });
    expect(rows.aolan.firstResponseHours!.median).toBeCloseTo(3);
    expect(rows.aolan.firstResponseHours!.p90).toBeCloseTo(3.8);
    expect(rows.aolan.resolutionHours!.median).toBeCloseTo(35);
    expect(rows.aolan.resolutionHours!.p90).toBeCloseTo(55);

    expect(rows.unicom).toMatchObject({ mattersOpened: 2, mattersResolved: 1, escalationRate: 0.5, handoffsPerMatter: 0.5, partiesPerMatter: 1, complaintsUnanswered: 1 });
    expect(rows.unicom.firstResponseHours).toEqual({ median: 3, p90: 3 });
    expect(rows.unicom.resolutionHours).toEqual({ median: 50, p90: 50 });
  });

  it("counts repeat contacts after resolution by the party that made them (S5)", async () => {
    const rows = byGroup(await loadServiceMetrics(store, "ORGANIZATION", {}, options));
    expect(rows.aolan.repeatContactsAfterResolution).toBe(1);
    expect(rows.yougou.repeatContactsAfterResolution).toBe(1);
    expect(rows.unicom.repeatContactsAfterResolution).toBe(0);
    const bySource = byGroup(await loadServiceMetrics(store, "SOURCE", {}, options));
    expect(bySource.customers.repeatContactsAfterResolution).toBe(1);
    expect(bySource.aftersales.repeatContactsAfterResolution).toBe(1);
  });

  it("finds overdue promises and how late they are (S4)", async () => {
    const rows = byGroup(await loadServiceMetrics(store, "ORGANIZATION", {}, options));
    // CS-B: due 29 h, kept 53 h -> 1 day. CS-A: made at 3 h without a due time -> due 27 h, never kept -> (960 - 27) / 24 days.
    const never = (AS_OF - (T0 + 27 * HOUR)) / (24 * HOUR);
    expect(rows.aolan.overduePromises).toBe(2);
    expect(rows.aolan.maxDaysLate).toBeCloseTo(never);
    expect(rows.aolan.averageDaysLate).toBeCloseTo((1 + never) / 2);
    // Before the first promise falls due, nothing is overdue yet.
    const early = byGroup(await loadServiceMetrics(store, "ORGANIZATION", {}, { ...options, asOfMs: T0 + 20 * HOUR }));
    expect(early.aolan.overduePromises).toBe(0);
  });

  it("counts complaints unanswered for more than N days and surveys sent while one is open (S4)", async () => {
    const rows = byGroup(await loadServiceMetrics(store, "ORGANIZATION", {}, options));
    expect(rows.unicom.complaintsUnanswered).toBe(1);
    expect(rows.unicom.surveysDuringOpenComplaint).toBe(1);
    // 41 days is longer than CMP-1 has been waiting.
    const stricter = byGroup(await loadServiceMetrics(store, "ORGANIZATION", {}, { ...options, unansweredDays: 41 }));
    expect(stricter.unicom.complaintsUnanswered).toBe(0);
  });

  it("counts refused identity verifications (S2/S6)", async () => {
    const rows = byGroup(await loadServiceMetrics(store, "SOURCE", {}, options));
    expect(rows.security.verificationsRefused).toBe(2);
    expect(rows.aftersales.verificationsRefused).toBe(0);
  });

  it("groups by day and tier, and filters by organization and time", async () => {
    const byDay = byGroup(await loadServiceMetrics(store, "DAY", {}, options));
    expect(byDay["2026-01-01"].mattersOpened).toBe(4);
    const byTier = byGroup(await loadServiceMetrics(store, "TIER", {}, options));
    expect(byTier.L1.mattersOpened).toBe(2);
    expect(byTier["(none)"].mattersOpened).toBe(2);
    const unicomOnly = await loadServiceMetrics(store, "ORGANIZATION", { organizations: ["unicom"] }, options);
    expect(unicomOnly.map((row) => row.group)).toEqual(["unicom"]);
    const later = await loadServiceMetrics(store, "ORGANIZATION", { sinceMs: T0 + HOUR }, options);
    expect(later.reduce((sum, row) => sum + row.mattersOpened, 0)).toBe(0);
  });

  it("ignores a redelivered event", async () => {
    const before = await store.count();
    expect(await store.insert(handBuiltEvents().slice(0, 5).map((event) => toAnalyticsRow(event, key)))).toBe(0);
    expect(await store.count()).toBe(before);
  });
});
