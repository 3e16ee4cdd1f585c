/**
 * Analytics fed by the event backbone in the running graph: on first start the seeded
 * history of every source is backfilled (includeHistory), and an event written by a mutation
 * through the gateway is queryable by an analyst within 5 s (freshness), masked.
 * Runs on the embedded log (NATS_URL unset) and, when NATS_URL is set, on NATS JetStream
 * (kit/events/jetStreamTransport.ts); without NATS_URL that variant is skipped, saying so.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { MUTATION_FIXTURES } from "../security/rootFieldFixtures";
import { ROOT, startGraph, type CallerClaims, type Graph } from "../helpers/graphHarness";

const ANALYST: CallerClaims = { role: "analyst", org: "platform", sub: "analyst-1", name: "Analyst One" };
const SOURCES = (parse(fs.readFileSync(path.join(ROOT, "schema", "customer360-sources.yaml"), "utf8")).sources as Array<string | { name: string }>).map((s) => (typeof s === "string" ? s : s.name));
const HISTORY = `query($filter: ServiceHistoryFilter, $first: Int!, $after: String) { serviceHistory(filter: $filter, first: $first, after: $after) { events { id type source label personKey } hasMore endCursor } }`;

async function allEvents(graph: Graph, filter: Record<string, unknown>): Promise<Array<{ id: string; type: string; source: string; label: string; personKey: string }>> {
  const events = [];
  let after: string | null = null;
  for (let page = 0; page < 500; page++) {
    const { body }: { body: any } = await graph.query(HISTORY, { filter, first: 100, after }, { caller: ANALYST });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    events.push(...body.data.serviceHistory.events);
    after = body.data.serviceHistory.endCursor;
    if (!body.data.serviceHistory.hasMore) break;
  }
  return events;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function deliverySuite(label: string, env: Record<string, string>) {
  describe(`analytics fed by delivery (${label})`, () => {
    let graph: Graph;
    beforeAll(async () => {
      graph = await startGraph({ label: "sqlite" }, env);
    }, 180_000);
    afterAll(() => graph?.stop());

    it("backfills every source's seeded history on first start", async () => {
      for (const source of SOURCES) {
        const db = (await graph.database(source)).db;
        const expected = (await db.selectFrom("timeline_events").select("id").execute()).map((row: { id: string }) => row.id).sort();
        expect(expected.length).toBeGreaterThan(0);
        let got: string[] = [];
        for (let attempt = 0; attempt < 120; attempt++) {
          got = (await allEvents(graph, { sources: [source] })).map((event) => event.id).sort();
          if (got.length >= expected.length) break;
          await sleep(500);
        }
        expect(got).toEqual(expected);
      }
    });

    it("makes an event written through the gateway queryable within 5 s, masked", async () => {
      const since = new Date(Date.now() - 60_000).toISOString();
      const before = (await allEvents(graph, { sources: ["customers"], kinds: ["contact_logged"], since })).length;
      const fixture = MUTATION_FIXTURES.logContact();
      const { body } = await graph.query(fixture.document, fixture.variables, { caller: { role: "rep", org: "aolan", sub: "rep-aolan-li", name: "李工 Li Gong (Aolan after-sales)" } });
      expect(body.errors).toBeUndefined();
      const written = Date.now();
      let seen: Awaited<ReturnType<typeof allEvents>> = [];
      while (Date.now() - written < 10_000) {
        seen = await allEvents(graph, { sources: ["customers"], kinds: ["contact_logged"], since });
        if (seen.length > before) break;
        await sleep(100);
      }
      const elapsed = Date.now() - written;
      expect(seen.length).toBe(before + 1);
      expect(elapsed).toBeLessThan(5000);
      // The contact's note named a phone number; analysts never see it.
      expect(JSON.stringify(seen)).not.toContain("13807191234");
      expect(JSON.stringify(seen)).not.toContain("Li Gong");
    });
  });
}

deliverySuite("embedded log, NATS_URL unset", { NATS_URL: "" });
if (process.env.NATS_URL) deliverySuite("NATS JetStream", { NATS_URL: process.env.NATS_URL });
else describe.skip("analytics fed by delivery over NATS (skipped: NATS_URL not set)", () => it("runs when NATS_URL is set", () => undefined));
