/**
 * The merged timeline behind every story: cursor paging, filters, a bounded cost however
 * long a customer's history is, and partial answers when one system is down.
 */
import { describeEachDatabase } from "../helpers/databases";
import { startGraph, type Graph } from "../helpers/graphHarness";
import { PEOPLE } from "../helpers/people";
import { recordSeededEvents } from "../../subgraphs/kit";
import { ask, codesOf, isNewestFirst } from "./storyKit";

const PAGE = `
query Page($id: ID!, $first: Int!, $after: String, $sources: [String!], $kinds: [String!], $since: String, $until: String) {
  customer(id: $id) {
    timeline(first: $first, after: $after, sources: $sources, kinds: $kinds, since: $since, until: $until) {
      result {
        missingSources sources
        entries { id at source kind summary cursor actor { name organization } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

/** The customer's id in each source system (docs/STORY_DATA.md). */
const C_S1_OWNERS: Record<string, string> = { orders: "RC-1001", aftersales: "MR-AOLAN-5001", billing: "BA-1001", security: "u-wanglei", customers: "C-S1" };
const C_FEW_OWNERS: Record<string, string> = { orders: "RC-FEW", aftersales: "MR-FEW", billing: "BA-FEW", security: "u-few", customers: "C-FEW" };
const PER_SOURCE = 2000;

describeEachDatabase("the merged timeline: paging, filters, bounded cost, partial answers", (target) => {
  let graph: Graph;
  let all: any[];
  const page = async (variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const { status, body } = await graph.query(PAGE, { first: 20, ...variables }, { caller: PEOPLE.jiangchengRep, headers });
    expect(status).toBe(200);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { result: body.data.customer.timeline.result, cost: body.extensions?.cost };
  };
  /** Inserts `count` events per source system, newest a few seconds before `now`, one minute apart. */
  const insertEvents = async (owners: Record<string, string>, count: number, kind: string, now: number) => {
    for (const [system, ownerId] of Object.entries(owners)) {
      const { db } = await graph.database(system);
      const events = Array.from({ length: count }, (_, i) => ({
        id: `${kind.toLowerCase()}-${ownerId}-${String(i).padStart(5, "0")}`,
        ownerId,
        at: new Date(now - 1_000 - i * 60_000 - system.length * 1000).toISOString(),
        kind,
        summary: `批量事件 test event ${i} in ${system}`,
        actor: { name: "测试 Load test", role: "system", organization: "platform" },
        subjectType: "Customer",
        subjectId: ownerId,
      }));
      await recordSeededEvents(db, events);
    }
  };
  beforeAll(async () => {
    graph = await startGraph(target);
    const big = await page({ id: "C-S5", first: 100 });
    expect(big.result.pageInfo.hasNextPage).toBe(false);
    expect(big.result.missingSources).toEqual([]);
    all = big.result.entries;
  });
  afterAll(() => graph?.stop());

  it("pages through C-S5 with first: 3 and `after` until hasNextPage is false: no entry twice, newest first, same total as one big page", async () => {
    expect(all.length).toBeGreaterThan(6);
    expect(isNewestFirst(all.map((e) => e.at))).toBe(true);
    const seen: any[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const { result } = await page({ id: "C-S5", first: 3, after });
      expect(result.entries.length).toBeLessThanOrEqual(3);
      seen.push(...result.entries);
      if (!result.pageInfo.hasNextPage) break;
      expect(result.entries).toHaveLength(3);
      expect(result.pageInfo.endCursor).toBe(result.entries[2].cursor);
      after = result.pageInfo.endCursor;
    }
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(isNewestFirst(seen.map((e) => e.at))).toBe(true);
    expect(ids).toEqual(all.map((e) => e.id));
    // Continuing from any entry's cursor gives exactly the entries after it.
    const middle = Math.floor(all.length / 2);
    const rest = await page({ id: "C-S5", first: 100, after: all[middle].cursor });
    expect(rest.result.entries.map((e: any) => e.id)).toEqual(all.slice(middle + 1).map((e) => e.id));
  });

  it("filters by sources, kinds and since/until", async () => {
    const sources = ["aftersales", "customers"];
    const bySource = await page({ id: "C-S5", first: 100, sources });
    expect(bySource.result.entries.map((e: any) => e.id)).toEqual(all.filter((e) => sources.includes(e.source)).map((e) => e.id));
    expect(bySource.result.entries.length).toBeGreaterThan(0);
    expect([...bySource.result.sources].sort()).toEqual(sources);

    const kind = all.find((e) => e.kind === "CONTACT_LOGGED")?.kind ?? all[0].kind;
    const byKind = await page({ id: "C-S5", first: 100, kinds: [kind] });
    expect(byKind.result.entries.map((e: any) => e.id)).toEqual(all.filter((e) => e.kind === kind).map((e) => e.id));
    expect(byKind.result.entries.length).toBeGreaterThan(1);

    const since = all[Math.floor(all.length / 2)].at;
    const until = all[1].at;
    const bySince = await page({ id: "C-S5", first: 100, since });
    expect(bySince.result.entries.map((e: any) => e.id)).toEqual(all.filter((e) => e.at >= since).map((e) => e.id));
    const byRange = await page({ id: "C-S5", first: 100, since, until });
    expect(byRange.result.entries.map((e: any) => e.id)).toEqual(all.filter((e) => e.at >= since && e.at < until).map((e) => e.id));
    expect(byRange.result.entries.length).toBeLessThan(bySince.result.entries.length);

    const combined = await page({ id: "C-S5", first: 100, sources: ["customers"], kinds: [kind], since });
    expect(combined.result.entries.map((e: any) => e.id)).toEqual(all.filter((e) => e.source === "customers" && e.kind === kind && e.at >= since).map((e) => e.id));
  });

  it("the first page of a customer with ~10,000 events costs what it costs for a customer with a few", async () => {
    const costOf = async (id: string) => {
      const { result, cost } = await page({ id, first: 20 }, { "x-cost-report": "1" });
      expect(result.missingSources).toEqual([]);
      expect(cost.fetches.every((f: any) => f.ok)).toBe(true);
      return { result, cost };
    };
    // Arrange a customer with an identity in every source system and ten events in all.
    const customers = (await graph.database("customers")).db;
    await customers.insertInto("customers").values({ id: "C-FEW", name: "少事 Few Events", name_latin: "Few Events", city: "武汉", city_latin: "Wuhan", address: null, email: null, created_at: new Date().toISOString() }).execute();
    await customers.insertInto("identity_links").values(Object.entries(C_FEW_OWNERS).filter(([system]) => system !== "customers").map(([system, external_id]) => ({ customer_id: "C-FEW", system, external_id, role: null }))).execute();
    await insertEvents(C_FEW_OWNERS, 2, "FEW_TEST_EVENT", Date.now());
    const small = await costOf("C-FEW");
    const allSmall = await page({ id: "C-FEW", first: 100 });
    expect(allSmall.result.entries).toHaveLength(10);
    expect(new Set(allSmall.result.entries.map((e: any) => e.source))).toEqual(new Set(Object.keys(C_FEW_OWNERS)));
    const before = await costOf("C-S1");

    // Arrange: ~2,000 events per source system for C-S1 (owner = her id in that system).
    await insertEvents(C_S1_OWNERS, PER_SOURCE, "BULK_TEST_EVENT", Date.now());
    const bulk = await page({ id: "C-S1", first: 1, kinds: ["BULK_TEST_EVENT"], sources: ["orders"] });
    expect(bulk.result.entries).toHaveLength(1);

    const large = await costOf("C-S1");
    expect(large.result.entries).toHaveLength(20);
    expect(large.result.pageInfo.hasNextPage).toBe(true);
    expect(isNewestFirst(large.result.entries.map((e: any) => e.at))).toBe(true);
    // The newest events are the bulk ones, merged from every source.
    expect(large.result.entries.every((e: any) => e.kind === "BULK_TEST_EVENT")).toBe(true);
    expect(new Set(large.result.entries.map((e: any) => e.source))).toEqual(new Set(Object.keys(C_S1_OWNERS)));

    for (const other of [small.cost, before.cost]) {
      expect(large.cost.subgraphFetches).toBe(other.subgraphFetches);
      expect(Math.abs(large.cost.sqlStatements - other.sqlStatements)).toBeLessThanOrEqual(1);
    }
    const perSubgraph = (cost: any) => Object.fromEntries(cost.fetches.map((f: any) => [f.subgraph, f.sqlStatements]));
    for (const [subgraph, statements] of Object.entries(perSubgraph(before.cost))) {
      expect(Math.abs((perSubgraph(large.cost)[subgraph] ?? 0) - (statements as number))).toBeLessThanOrEqual(1);
    }
  });

  // Keep last: it stops the billing subgraph of this file's graph.
  it("with billing down, the timeline and open matters still answer from the others, naming billing as missing", async () => {
    const query = `{ customer(id: "C-S4") {
      timeline(first: 50) { result { missingSources entries { source kind } } }
      openMatters { result { missingSources matters { source kind subjectId } } }
    } }`;
    const healthy = await ask(graph, PEOPLE.unicomRep, query);
    expect(healthy.customer.timeline.result.entries.some((e: any) => e.source === "billing")).toBe(true);
    expect(healthy.customer.openMatters.result.matters.some((m: any) => m.source === "billing")).toBe(true);

    await graph.stopSubgraph("billing");
    const { status, body } = await graph.query(query, {}, { caller: PEOPLE.unicomRep });
    expect(status).toBe(200);
    const timeline = body.data.customer.timeline.result;
    const matters = body.data.customer.openMatters.result;
    expect(timeline.missingSources).toEqual(["billing"]);
    expect(matters.missingSources).toEqual(["billing"]);
    expect(timeline.entries.length).toBeGreaterThan(0);
    expect(timeline.entries.some((e: any) => e.source === "billing")).toBe(false);
    expect(new Set(timeline.entries.map((e: any) => e.source))).toEqual(new Set(healthy.customer.timeline.result.entries.filter((e: any) => e.source !== "billing").map((e: any) => e.source)));
    expect(matters.matters.map((m: any) => m.subjectId)).toEqual(healthy.customer.openMatters.result.matters.filter((m: any) => m.source !== "billing").map((m: any) => m.subjectId));

    expect(codesOf(body)).toContain("SUBGRAPH_UNAVAILABLE");
    const unavailable = body.errors.filter((e: any) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE");
    for (const error of unavailable) expect(`${error.message} ${error.extensions.serviceName ?? ""}`).toContain("billing");
  });
});
