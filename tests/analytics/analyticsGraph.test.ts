/**
 * The analytics subgraph in the running graph: events accepted by its reaction (staged as
 * delivery stages them) are queryable through the gateway; every analyst answer is masked
 * (scanned against every personal value the seeded graph holds); non-analyst roles are
 * refused; the history pages with its cursor.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { DomainEvent } from "../../subgraphs/kit/events";
import { ROOT, startGraph, type CallerClaims, type Graph } from "../helpers/graphHarness";
import { handBuiltEvents } from "./handBuiltEvents";
import { leaksIn, seededPiiValues } from "./piiValues";

const ANALYST: CallerClaims = { role: "analyst", org: "platform", sub: "analyst-1", name: "Analyst One" };
const SUPERVISOR: CallerClaims = { role: "supervisor", org: "platform", sub: "sup-1", name: "Supervisor One" };
const SOURCES = (parse(fs.readFileSync(path.join(ROOT, "schema", "customer360-sources.yaml"), "utf8")).sources as Array<string | { name: string }>).map((s) => (typeof s === "string" ? s : s.name));

const METRICS = `query($groupBy: MetricsGrouping!, $filter: ServiceMetricsFilter) { serviceMetrics(groupBy: $groupBy, filter: $filter) {
  group mattersOpened mattersResolved firstResponseHours { median p90 } resolutionHours { median p90 } escalationRate handoffsPerMatter partiesPerMatter
  complaintsUnanswered repeatContactsAfterResolution overduePromises averageDaysLate maxDaysLate surveysDuringOpenComplaint verificationsRefused } }`;
const HISTORY = `query($filter: ServiceHistoryFilter, $first: Int!, $after: String) { serviceHistory(filter: $filter, first: $first, after: $after) {
  events { id at source type label personKey matterKey matterType organization actorKey actorRole team tier city deviceModel } hasMore endCursor } }`;

async function stage(graph: Graph, events: DomainEvent[]): Promise<void> {
  const db = (await graph.database("analytics")).db;
  await db.insertInto("analytics_staging").values(events.map((event) => ({ id: event.id, event: JSON.stringify(event), staged_at: new Date().toISOString() }))).execute();
}

describe("analytics through the gateway", () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph();
    await stage(graph, handBuiltEvents());
  }, 180_000);
  afterAll(() => graph?.stop());

  it("serves staged events to an analyst, masked, and pages the history with its cursor", async () => {
    const seen: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const { body }: { body: any } = await graph.query(HISTORY, { filter: { sources: ["aftersales", "customers", "billing", "security"], since: "2026-01-01T00:00:00Z", until: "2026-02-01T00:00:00Z" }, first: 5, after }, { caller: ANALYST });
      expect(body.errors).toBeUndefined();
      seen.push(...body.data.serviceHistory.events);
      after = body.data.serviceHistory.endCursor;
      if (!body.data.serviceHistory.hasMore) break;
    }
    expect(seen.map((event) => event.id).sort()).toEqual(handBuiltEvents().map((event) => event.id).sort());
    // Newest first, no repeats across pages.
    expect(seen.map((event) => event.at)).toEqual([...seen.map((event) => event.at)].sort().reverse());
    // The same customer has the same key in every answer; different customers differ.
    const keysOf = (owner: string) => new Set(seen.filter((event) => handBuiltEvents().find((e) => e.id === event.id)!.ownerId === owner).map((event) => event.personKey));
    expect(keysOf("AS-1").size).toBe(1);
    expect([...keysOf("AS-1")][0]).not.toBe([...keysOf("AS-2")][0]);
    expect([...keysOf("AS-1")][0]).toMatch(/^P-[0-9a-f]{20}$/);
    const filtered = await graph.query(HISTORY, { filter: { kinds: ["contact.logged"], organizations: ["yougou"], cities: ["Wuhan"], deviceModels: ["Aolan AL-60"] }, first: 10 }, { caller: ANALYST });
    expect(filtered.body.data.serviceHistory.events.map((event: any) => event.type)).toEqual(["contact_logged", "contact_logged"]);
  });

  it("answers serviceMetrics for analysts and supervisors", async () => {
    for (const caller of [ANALYST, SUPERVISOR]) {
      const { body } = await graph.query(METRICS, { groupBy: "ORGANIZATION", filter: { since: "2026-01-01T00:00:00Z", until: "2026-02-10T00:00:00Z" } }, { caller });
      expect(body.errors).toBeUndefined();
      const aolan = body.data.serviceMetrics.find((row: any) => row.group === "aolan");
      expect(aolan).toMatchObject({ mattersOpened: 2, mattersResolved: 2, overduePromises: 2, repeatContactsAfterResolution: 1 });
    }
  });

  it("never shows a name, phone, email, street address or handler mobile in any analyst answer", async () => {
    const pii = await seededPiiValues(graph, SOURCES);
    expect(pii.length).toBeGreaterThan(20);
    const answers: string[] = [];
    for (const groupBy of ["ORGANIZATION", "SOURCE", "TIER", "DAY", "CITY", "DEVICE_MODEL"]) answers.push(JSON.stringify((await graph.query(METRICS, { groupBy }, { caller: ANALYST })).body));
    let after: string | null = null;
    for (let page = 0; page < 200; page++) {
      const { body }: { body: any } = await graph.query(HISTORY, { first: 100, after }, { caller: ANALYST });
      expect(body.errors).toBeUndefined();
      answers.push(JSON.stringify(body));
      after = body.data.serviceHistory.endCursor;
      if (!body.data.serviceHistory.hasMore) break;
    }
    const text = answers.join("\n");
    expect(text).toContain("P-");
    expect(leaksIn(text, pii)).toEqual([]);
    // Nor any 11-digit mobile number at all, in any text value (numbers are figures: a
    // fraction such as 1.1941483217592592 is not a phone).
    const texts: string[] = [];
    for (const answer of answers) JSON.parse(answer, (_key, value) => (typeof value === "string" && texts.push(value), value));
    expect(texts.length).toBeGreaterThan(100);
    // Standing alone: a pseudonymous key's hex (P-...) or a cursor may hold 11 digits in a row.
    expect(texts.join("\n").match(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g) ?? []).toEqual([]);
  });

  it("refuses reps and partners", async () => {
    for (const caller of [{ role: "rep", org: "yougou" }, { role: "partner", org: "aolan" }] as CallerClaims[]) {
      for (const [document, variables] of [[METRICS, { groupBy: "SOURCE" }], [HISTORY, { first: 5 }]] as const) {
        const { body } = await graph.query(document, variables, { caller });
        expect(body.errors?.map((error: any) => error.extensions?.code)).toContain("FORBIDDEN");
        expect(body.data?.serviceMetrics ?? body.data?.serviceHistory ?? null).toBeNull();
      }
    }
  });

  it("rejects bad arguments with BAD_USER_INPUT", async () => {
    const { body } = await graph.query(HISTORY, { filter: { since: "not a time" }, first: 5 }, { caller: ANALYST });
    expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const cursor = await graph.query(HISTORY, { first: 5, after: "nonsense" }, { caller: ANALYST });
    expect(cursor.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});
