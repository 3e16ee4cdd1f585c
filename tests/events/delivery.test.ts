/**
 * Embedded event delivery end to end: events committed in one subgraph's outbox reach a
 * reaction running in another subgraph (its own database) through the shared log, exactly
 * once in effect; rollbacks publish nothing; duplicates and redelivery after a crash are
 * applied once; a failing handler retries, dead-letters, and replays; seeded history only
 * reaches a consumer that asks for it. Two subgraphs in one test process, each with its own
 * database, sharing one DATA_DIR / schema prefix exactly as `npm start` processes do.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { Pool } from "pg";
import { recordEvent, startSubgraph, type RunningSubgraph, type SubgraphDefinition } from "../../subgraphs/kit";
import { listDeadLetters, openEmbeddedLog, replayDeadLetter, type DomainEvent, type EmbeddedLogTransport, type Reaction } from "../../subgraphs/kit/events";
import { fieldserviceSubgraph } from "../../subgraphs/fieldservice/subgraph";
import { describeEachDatabase, type DatabaseTarget } from "../helpers/databases";
import { TEST_JWKS } from "../helpers/testCaller";
import { waitFor } from "../helpers/waitFor";

/** Delivery here is in process: poll often, give up sooner than across processes. */
const waitForDelivery = <T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000) => waitFor(what, probe, timeoutMs, 25);

const effect = (consumer: string) => async (event: DomainEvent, trx: Kysely<any>) => {
  await trx.insertInto("test_effects").values({ consumer, event_id: event.id, source: event.source, history: event.history ? 1 : 0 }).execute();
};

describeEachDatabase("embedded event delivery", (target: DatabaseTarget) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-delivery-"));
  const schemaPrefix = `d${randomBytes(4).toString("hex")}_`;
  const failing = new Set<string>();
  const calls = new Map<string, number>();

  const reactions: Reaction[] = [
    { consumer: "consumer.follows-producer", sources: ["producer"], types: ["visit.cancelled", "job.cancelled"], handle: effect("consumer.follows-producer") },
    { consumer: "consumer.backfill", sources: "all", includeHistory: true, handle: async (event, trx) => (event.source === "producer" ? effect("consumer.backfill")(event, trx) : undefined) },
    {
      consumer: "consumer.flaky",
      sources: ["producer"],
      types: ["contact.logged"],
      async handle(event, trx) {
        calls.set(event.id, (calls.get(event.id) ?? 0) + 1);
        await effect("consumer.flaky")(event, trx);
        if (failing.has(String((event.payload as any).subjectId))) throw new Error(`cannot apply ${(event.payload as any).subjectId}`);
      },
    },
  ];
  const producerDefinition: SubgraphDefinition<any, any> = { ...fieldserviceSubgraph, name: "producer" } as SubgraphDefinition<any, any>;
  const consumerDefinition: SubgraphDefinition<any, any> = {
    ...(fieldserviceSubgraph as SubgraphDefinition<any, any>),
    name: "consumer",
    migrations: {
      ...fieldserviceSubgraph.migrations,
      "900_test_effects": {
        up: (db: Kysely<any>) => db.schema.createTable("test_effects").addColumn("consumer", "text").addColumn("event_id", "text").addColumn("source", "text").addColumn("history", "integer").execute(),
      },
    },
    reactions,
  };
  // The embedded log even where NATS_URL is set (JetStream: jetStream.test.ts, graphDelivery.test.ts, faultKill).
  const options = { port: 0, internalKeys: { jwks: TEST_JWKS }, dataDir, databaseUrl: target.databaseUrl ?? "", schemaPrefix, natsUrl: "", events: { pollMs: 20, maxAttempts: 3, retryBaseMs: 5 } };
  let producer: RunningSubgraph<any>;
  let consumer: RunningSubgraph<any>;
  let log: EmbeddedLogTransport;

  beforeAll(async () => {
    producer = await startSubgraph(producerDefinition, options);
    consumer = await startSubgraph(consumerDefinition, options);
    log = await openEmbeddedLog({ dataDir, databaseUrl: target.databaseUrl ?? "", schemaPrefix });
  });
  afterAll(async () => {
    await log?.close();
    await consumer?.stop();
    await producer?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (target.databaseUrl) {
      const pool = new Pool({ connectionString: target.databaseUrl, max: 1 });
      for (const name of ["producer", "consumer", "events"]) await pool.query(`DROP SCHEMA IF EXISTS ${schemaPrefix}${name} CASCADE`);
      await pool.end();
    }
  });

  const effectsOf = async (consumerName: string, eventId?: string) => {
    let query = consumer.database.db.selectFrom("test_effects").selectAll().where("consumer", "=", consumerName);
    if (eventId) query = query.where("event_id", "=", eventId);
    return query.execute();
  };
  const logged = (id: string) => log.db.selectFrom("events").selectAll().where("id", "=", id).where("source", "=", "producer").execute();
  const cancel = (subjectId: string) => ({ ownerId: "FS-CUST-1", at: new Date().toISOString(), kind: "VISIT_CANCELLED", summary: `Visit ${subjectId} cancelled`, actor: { name: "Rep", role: "rep", organization: "aolan" }, subjectType: "Visit", subjectId, payload: { caseNumber: "CS-1" } });

  it("delivers events committed in one subgraph to a reaction in another exactly once; a rollback publishes nothing", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await producer.database.db.transaction().execute((trx) => recordEvent(trx, cancel(`VIS-${i}`))));
    let rolledBack = "";
    await expect(
      producer.database.db.transaction().execute(async (trx) => {
        rolledBack = await recordEvent(trx, cancel("VIS-rolled-back"));
        throw new Error("state change failed");
      }),
    ).rejects.toThrow("state change failed");
    ids.push(await producer.database.db.transaction().execute((trx) => recordEvent(trx, cancel("VIS-last"))));

    await waitForDelivery("the last event's effect", async () => (await effectsOf("consumer.follows-producer", ids[ids.length - 1])).length > 0);
    for (const id of ids) {
      expect(await effectsOf("consumer.follows-producer", id)).toHaveLength(1);
      expect(await logged(id)).toMatchObject([{ type: "visit.cancelled", history: 0 }]);
    }
    // Delivered in commit order, so the rolled-back event (written before the last one) would have come first.
    expect(rolledBack).not.toBe("");
    expect(await logged(rolledBack)).toHaveLength(0);
    expect(await effectsOf("consumer.follows-producer", rolledBack)).toHaveLength(0);
    // The producer's outbox rows are marked sent only once in the log.
    const outbox = await producer.database.db.selectFrom("outbox").select(["id", "sent_at"]).where("id", "in", ids).execute();
    expect(outbox.every((row: any) => row.sent_at !== null)).toBe(true);
    // The decoded event carries its source and typed payload.
    const [row] = await consumer.database.db.selectFrom("inbox").selectAll().where("event_id", "=", ids[0]).where("consumer", "=", "consumer.follows-producer").execute();
    expect(row).toBeDefined();
  });

  it("skips types a reaction did not ask for (the position still advances)", async () => {
    const other = await recordEvent(producer.database.db, { ...cancel("VIS-x"), kind: "ETA_UPDATED", summary: "ETA moved" });
    const marker = await recordEvent(producer.database.db, cancel("VIS-after-eta"));
    await waitForDelivery("the marker's effect", async () => (await effectsOf("consumer.follows-producer", marker)).length > 0);
    expect(await logged(other)).toMatchObject([{ type: "job.eta_updated" }]);
    expect(await effectsOf("consumer.follows-producer", other)).toHaveLength(0);
  });

  it("ignores an event published twice (dedupe on source + id) and applies it once", async () => {
    const id = await recordEvent(producer.database.db, cancel("VIS-dup"));
    await waitForDelivery("the event in the log", async () => (await logged(id)).length > 0);
    const [row] = await log.readAfter(0, ["producer"], 100_000).then((items) => items.filter((item) => item.event.id === id));
    await log.publish([row.event, row.event]);
    await producer.events!.transport.publish([row.event]);
    // A fresh event published twice in one batch, as a relay retrying after a crash would.
    const fresh: DomainEvent = { ...row.event, id: `dup-${randomBytes(4).toString("hex")}` };
    await log.publish([fresh]);
    await log.publish([fresh]);
    await waitForDelivery("the fresh event's effect", async () => (await effectsOf("consumer.follows-producer", fresh.id)).length > 0);
    expect(await logged(id)).toHaveLength(1);
    expect(await logged(fresh.id)).toHaveLength(1);
    const marker = await recordEvent(producer.database.db, cancel("VIS-after-dup"));
    await waitForDelivery("the marker's effect", async () => (await effectsOf("consumer.follows-producer", marker)).length > 0);
    expect(await effectsOf("consumer.follows-producer", id)).toHaveLength(1);
    expect(await effectsOf("consumer.follows-producer", fresh.id)).toHaveLength(1);
  });

  it("applies once when a consumer restarts before its position advanced (redelivery)", async () => {
    const before = (await effectsOf("consumer.follows-producer")).length;
    expect(before).toBeGreaterThan(0);
    await consumer.stop();
    // As after a crash between the effect's commit and the position update: every event comes again.
    await log.setPosition("consumer.follows-producer", 0);
    const whileDown = await recordEvent(producer.database.db, cancel("VIS-while-down"));
    consumer = await startSubgraph(consumerDefinition, options);
    await waitForDelivery("the event written while the consumer was down", async () => (await effectsOf("consumer.follows-producer", whileDown)).length > 0);
    const [{ max }] = await log.db.selectFrom("events").select((eb) => eb.fn.max("position").as("max")).execute();
    await waitForDelivery("the position to reach the end of the log", async () => (await log.position("consumer.follows-producer")) >= Number(max));
    const effects = await effectsOf("consumer.follows-producer");
    expect(effects).toHaveLength(before + 1);
    expect(new Set(effects.map((row: any) => row.event_id)).size).toBe(effects.length);
  });

  it("retries a failing handler with backoff, dead-letters it after N attempts and moves on; replay applies it", async () => {
    const contact = (subjectId: string) => ({ ...cancel(subjectId), kind: "CONTACT_LOGGED", summary: `Contact about ${subjectId}`, subjectType: "Contact" });
    failing.add("C-bad");
    const bad = await recordEvent(producer.database.db, contact("C-bad"));
    const good = await recordEvent(producer.database.db, contact("C-good"));
    await waitForDelivery("the next event's effect", async () => (await effectsOf("consumer.flaky", good)).length > 0);
    expect(calls.get(bad)).toBe(3);
    // The failing attempts rolled back with their inbox rows.
    expect(await effectsOf("consumer.flaky", bad)).toHaveLength(0);
    const page = await listDeadLetters(consumer.database.db, { first: 10 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ eventId: bad, consumer: "consumer.flaky", attempts: 3, replayedAt: null, error: "cannot apply C-bad", event: { id: bad, source: "producer", type: "contact.logged" } });

    // Replay while still failing: throws, stays listed with one more attempt.
    await expect(replayDeadLetter(consumer.database.db, page.items[0].id)).rejects.toThrow("cannot apply C-bad");
    expect((await listDeadLetters(consumer.database.db)).items[0].attempts).toBe(4);

    failing.delete("C-bad");
    const replayed = await replayDeadLetter(consumer.database.db, page.items[0].id);
    expect(replayed).toMatchObject({ applied: true, deadLetter: { eventId: bad } });
    expect(await effectsOf("consumer.flaky", bad)).toHaveLength(1);
    expect((await listDeadLetters(consumer.database.db)).items).toHaveLength(0);
    const all = await listDeadLetters(consumer.database.db, { includeReplayed: true });
    expect(all.items[0].replayedAt).not.toBeNull();
    // A second replay finds the inbox row and applies nothing.
    expect(await replayDeadLetter(consumer.database.db, page.items[0].id)).toMatchObject({ applied: false });
    expect(await effectsOf("consumer.flaky", bad)).toHaveLength(1);
    expect(await replayDeadLetter(consumer.database.db, "no-such-id")).toBeNull();
  });

  it("delivers seeded history only to a consumer that asks for it", async () => {
    const history = await log.db.selectFrom("events").select("id").where("source", "=", "producer").where("history", "=", 1).execute();
    expect(history.length).toBeGreaterThan(0);
    const live = await log.db.selectFrom("events").select("id").where("source", "=", "producer").where("history", "=", 0).execute();
    await waitForDelivery("the backfill consumer to catch up", async () => (await effectsOf("consumer.backfill")).length >= history.length + live.length);
    const backfilled = await effectsOf("consumer.backfill");
    expect(backfilled.filter((row: any) => row.history === 1)).toHaveLength(history.length);
    expect(new Set(backfilled.map((row: any) => row.event_id)).size).toBe(backfilled.length);
    for (const name of ["consumer.follows-producer", "consumer.flaky"]) {
      expect((await effectsOf(name)).filter((row: any) => row.history === 1)).toHaveLength(0);
    }
    // The consumer's own seeded history is in the log too, under its own source.
    expect(await log.db.selectFrom("events").select("id").where("source", "=", "consumer").where("history", "=", 1).execute()).not.toHaveLength(0);
  });
});
