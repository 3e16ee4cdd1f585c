/**
 * Delivery runs in the real subgraph processes with nothing extra (as `npm start`): a mutation
 * through the gateway lands in the shared event log under its source, each publishing
 * subgraph's seeded history is there flagged as history, and every outbox drains.
 */
import { startGraph, type Graph } from "../helpers/graphHarness";
import { describeEachDatabase } from "../helpers/databases";
import { PEOPLE } from "../helpers/people";
import { waitFor } from "../helpers/waitFor";
import { ask } from "../stories/storyKit";
import type { Database } from "../../subgraphs/kit";
import { randomBytes } from "node:crypto";
import { openJetStream, type JetStreamTransport } from "../../subgraphs/kit/events";

const PUBLISHERS = ["customers", "orders", "aftersales", "billing", "security", "fieldservice"];

describeEachDatabase("event delivery in the running graph (embedded log)", (target) => {
  let graph: Graph;
  let log: Database<any>;
  beforeAll(async () => {
    // The embedded log even where NATS_URL is set (the JetStream variant is below).
    graph = await startGraph(target, { NATS_URL: "" });
    log = await graph.database("events");
  });
  // stop() drops the graph's schemas, the shared event log's <prefix>events among them.
  afterAll(() => graph?.stop());

  it("publishes a mutation's event to the shared log, under its source, once", async () => {
    const cancelled = await ask(graph, PEOPLE.yougouRep, `mutation { cancelVisit(visitId: "VIS-0001", reason: "resolved by the customer", idempotencyKey: "events-graph-1") { id status } }`);
    expect(cancelled.cancelVisit).toEqual({ id: "VIS-0001", status: "CANCELLED" });
    const rows = await waitFor("the cancel in the log", async () => {
      const found = await log.db.selectFrom("events").selectAll().where("source", "=", "aftersales").where("type", "=", "visit.cancelled").where("history", "=", 0).execute();
      return found.filter((row: any) => JSON.parse(row.payload).subjectId === "VIS-0001").length ? found : undefined;
    });
    const mine = rows.filter((row: any) => JSON.parse(row.payload).subjectId === "VIS-0001");
    expect(mine).toHaveLength(1);
    expect(JSON.parse(mine[0].actor)).toMatchObject({ organization: "yougou", role: "rep" });
    // The same id as the aftersales timeline entry it was written with.
    const aftersales = await graph.database("aftersales");
    expect(await aftersales.db.selectFrom("timeline_events").select("kind").where("id", "=", mine[0].id).executeTakeFirst()).toEqual({ kind: "VISIT_CANCELLED" });
  });

  it("carries every publishing subgraph's seeded history, flagged, and drains every outbox", async () => {
    for (const name of PUBLISHERS) {
      const own = await graph.database(name);
      const seeded = await own.db.selectFrom("outbox").select("id").where("history", "=", 1).execute();
      await waitFor(`${name}'s outbox to drain`, async () => (await own.db.selectFrom("outbox").select("id").where("sent_at", "is", null).execute()).length === 0);
      const inLog = await log.db.selectFrom("events").select("id").where("source", "=", name).where("history", "=", 1).execute();
      expect({ name, n: inLog.length }).toEqual({ name, n: seeded.length });
    }
  });
});

const NATS_URL = process.env.NATS_URL;
if (!NATS_URL) test.skip("event delivery in the running graph on JetStream: skipped: NATS_URL not set", () => undefined);
const describeOnNats = NATS_URL ? describeEachDatabase : (name: string, _body: (target: any) => void) => describe.skip(name, () => undefined);
describeOnNats("event delivery in the running graph (NATS JetStream)", (target) => {
  const namespace = `g${randomBytes(4).toString("hex")}_`;
  let graph: Graph;
  let streams: JetStreamTransport;
  // Starting six processes on a loaded machine took over 60 s once: a longer hook timeout.
  beforeAll(async () => {
    graph = await startGraph(target, { NATS_URL: NATS_URL!, EVENTS_NAMESPACE: namespace });
    streams = openJetStream({ url: NATS_URL!, namespace });
  }, 180_000);
  afterAll(async () => {
    await streams?.close();
    await graph?.stop();
  });

  it("publishes a mutation's event to the source's stream, once", async () => {
    const cancelled = await ask(graph, PEOPLE.yougouRep, `mutation { cancelVisit(visitId: "VIS-0001", reason: "resolved by the customer", idempotencyKey: "events-graph-js-1") { id status } }`);
    expect(cancelled.cancelVisit).toEqual({ id: "VIS-0001", status: "CANCELLED" });
    const aftersales = await graph.database("aftersales");
    const row = await waitFor("the cancel's outbox row sent", async () => aftersales.db.selectFrom("outbox").select(["id", "sent_at"]).where("type", "=", "visit.cancelled").where("history", "=", 0).where("sent_at", "is not", null).executeTakeFirst());
    expect(await streams.storedCount("aftersales", row.id)).toBe(1);
  });

  it("drains every publishing subgraph's outbox into its stream, each event once", async () => {
    for (const name of PUBLISHERS) {
      const own = await graph.database(name);
      await waitFor(`${name}'s outbox to drain`, async () => (await own.db.selectFrom("outbox").select("id").where("sent_at", "is", null).execute()).length === 0);
      const all = await own.db.selectFrom("outbox").select("id").execute();
      expect({ name, n: await streams.storedCount(name) }).toEqual({ name, n: all.length });
    }
  });
});
