import { randomBytes, randomInt, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Pool } from "pg";
import type { Caller } from "../../common/caller";
import { INTERNAL_TOKEN_HEADER, readJwksFile, signerFromJwks, signInternalToken } from "../../common/internalToken";
import { openDatabase, type Database } from "../../subgraphs/kit";
import { deleteJetStreamNamespace, openEmbeddedLog, openJetStream, readDeliveryOptions, relayOnce, writeOutboxEvent, type EventTransport } from "../../subgraphs/kit/events";
import { writeInternalKeyFiles } from "../lib/internalKeys";
import { startServiceProcess, type ServiceProcess } from "../lib/serviceProcess";

/*
 * `npm run bench -- --events [--rate R] [--count N] [--db sqlite|postgres]`: the event
 * backbone on this machine (issue 13). Starts the producer and the consumer of one real pair
 * as child processes (orders' recordOrder publishes identity.registered; customers'
 * identity-links reaction links it), on the embedded log, or on JetStream when NATS_URL is set.
 *
 * - Event lag: N recordOrder mutations sent at R per second (open loop: on schedule, whether
 *   or not the previous one was answered), straight to orders with a gateway-signed token.
 *   Lag = the consumer's effect (the identity_links row, polled every 5 ms in the consumer's
 *   database) minus the mutation's answer (the answer is sent after its transaction
 *   committed, so this slightly understates commit -> effect; the poll adds up to 5 ms).
 * - Outbox cost per mutation, with orders stopped, in-process on its database: the outbox
 *   write inside a mutation's transaction (writeOutboxEvent: max(seq) + insert), and the
 *   relay's time per event: one event per pass (a quiet system) and full batches of 100
 *   (a backlog), publish + mark sent included.
 */

const USAGE = `usage: npm run bench -- --events [--rate R] [--count N] [--db sqlite|postgres] [--echo]
  --rate R      mutations per second, open loop (default 10)
  --count N     mutations (default 200)
  --db          sqlite (default) or postgres (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
  --echo        echo the subgraphs' output
  transport: the embedded log; NATS JetStream when NATS_URL is set
  EVENTS_POLL_MS (default 100) is passed to the subgraphs: the relay's and consumers' idle poll`;

const ROOT = path.resolve(__dirname, "..", "..", "..");
const PRODUCER = "orders";
const CONSUMER = "customers";
const COST_SAMPLES = 200;
const REP: Caller = { subject: "rep-bench-events", name: "Bench Rep (Yougou service desk)", role: "rep", organization: "yougou" };
const RECORD_ORDER = `mutation($input: RecordOrderInput!) { recordOrder(input: $input) { customerId customerCreated } }`;
const log = (line: string) => console.log(`[bench:events] ${line}`);

function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`${name} needs a value`);
  return value;
}

function positive(args: string[], name: string, fallback: number): number {
  const raw = flag(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : "-");
const nowMs = () => performance.timeOrigin + performance.now();

export async function runEventLagBench(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  let rate: number;
  let count: number;
  let db: string;
  try {
    for (const arg of args) if (arg.startsWith("--") && !["--rate", "--count", "--db", "--echo"].includes(arg)) throw new Error(`unknown option ${arg}`);
    rate = positive(args, "--rate", 10);
    count = Math.round(positive(args, "--count", 200));
    db = flag(args, "--db") ?? "sqlite";
    if (db !== "sqlite" && db !== "postgres") throw new Error(`--db must be sqlite or postgres, got "${db}"`);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const echo = args.includes("--echo");
  const databaseUrl = db === "postgres" ? process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres" : "";
  const natsUrl = process.env.NATS_URL ?? "";
  const pollMs = readDeliveryOptions(process.env).pollMs;
  const prefix = `bev${randomBytes(3).toString("hex")}_`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-bench-events-"));
  const transportLabel = natsUrl ? `NATS JetStream (${natsUrl})` : `embedded log (${db === "postgres" ? `postgres schema ${prefix}events` : "SQLite events.sqlite"})`;
  log(`settings: ${count} mutations at ${rate}/s, transport ${transportLabel}, database ${db}, EVENTS_POLL_MS ${pollMs}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);

  const keys = await writeInternalKeyFiles(path.join(dataDir, "internal-keys"), "bench-events");
  const env = {
    PORT: "0",
    DATA_DIR: dataDir,
    INTERNAL_JWKS_FILE: keys.jwksFile,
    DATABASE_URL: databaseUrl,
    DB_SCHEMA_PREFIX: prefix,
    EVENTS_NAMESPACE: prefix,
    NATS_URL: natsUrl,
    EVENTS_POLL_MS: String(pollMs),
    CUSTOMER360_SOURCES: path.join(ROOT, "schema", "customer360-sources.yaml"),
    LOG_LEVEL: "warn",
  };
  const services: ServiceProcess[] = [];
  const opened: Database<any>[] = [];
  let transport: EventTransport | null = null;
  try {
    log("starting orders and customers (first start migrates and seeds) ...");
    for (const service of await Promise.all([PRODUCER, CONSUMER].map((name) => startServiceProcess(name, path.join(ROOT, "dist", "subgraphs", name, "main.js"), env, { echo })))) services.push(service);
    const orders = services[0];
    const signer = await signerFromJwks(readJwksFile(keys.signingKeysFile), keys.signingKeysFile);
    const token = await signInternalToken(REP, signer, [PRODUCER], 3600);
    const customersDb = await openDatabase<any>({ name: CONSUMER, migrations: null, dataDir, databaseUrl, schemaPrefix: prefix });
    opened.push(customersDb);

    // --- event lag ---
    const mobileBase = randomInt(1000, 9999);
    const answered = new Map<string, number>();
    const seen = new Map<string, number>();
    const mutationMs: number[] = [];
    let errors = 0;
    let firstError = "";
    const send = async (i: number) => {
      const input = { buyer: { name: `压测买家 Bench Buyer ${i}`, mobile: `138${mobileBase}${String(i).padStart(4, "0")}`, city: "武汉", address: `武汉市洪山区压测路 ${i} 号` }, lines: [{ sku: "AL-EH60" }], idempotencyKey: `bench-events-${prefix}${i}` };
      const sent = nowMs();
      try {
        const response = await fetch(orders.url, { method: "POST", headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token }, body: JSON.stringify({ query: RECORD_ORDER, variables: { input } }) });
        const body = (await response.json()) as any;
        const at = nowMs();
        const result = body?.data?.recordOrder;
        if (!result?.customerCreated) throw new Error(JSON.stringify(body?.errors ?? body).slice(0, 300));
        answered.set(result.customerId, at);
        mutationMs.push(at - sent);
      } catch (error) {
        errors++;
        firstError ||= (error as Error).message;
      }
    };
    // Warm-up: a few mutations and their delivery, not counted (first statements, JIT).
    for (let i = 0; i < 5; i++) await send(count + i);
    const warm = [...answered.keys()];
    answered.clear();
    mutationMs.length = 0;
    const warmDeadline = Date.now() + 30_000;
    while ((await customersDb.db.selectFrom("identity_links").select("external_id").where("system", "=", PRODUCER).where("external_id", "in", warm.length ? warm : ["-"]).execute()).length < warm.length) {
      if (Date.now() > warmDeadline) throw new Error("the warm-up's events were not applied within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    let polling = true;
    let drainDeadline = Infinity;
    const poller = (async () => {
      while (polling || seen.size < answered.size) {
        const pending = [...answered.keys()].filter((id) => !seen.has(id));
        if (pending.length) {
          const rows = await customersDb.db.selectFrom("identity_links").select("external_id").where("system", "=", PRODUCER).where("external_id", "in", pending).execute();
          const at = nowMs();
          for (const row of rows) if (!seen.has(row.external_id)) seen.set(row.external_id, at);
        }
        if (!polling && Date.now() > drainDeadline) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    log(`event lag: sending ${count} recordOrder at ${rate}/s ...`);
    const started = nowMs();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - nowMs();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(send(i));
    }
    await Promise.all(inFlight);
    const sendSeconds = (nowMs() - started) / 1000;
    drainDeadline = Date.now() + 30_000;
    polling = false;
    await poller;
    const lags = [...answered].filter(([id]) => seen.has(id)).map(([id, at]) => seen.get(id)! - at);
    const missing = answered.size - lags.length;

    // --- outbox cost, orders stopped: nothing else writes or relays its outbox meanwhile ---
    await orders.stop();
    const ordersDb = await openDatabase<any>({ name: PRODUCER, migrations: null, dataDir, databaseUrl, schemaPrefix: prefix });
    opened.push(ordersDb);
    transport = natsUrl ? openJetStream({ url: natsUrl, namespace: prefix }) : await openEmbeddedLog({ dataDir, databaseUrl, schemaPrefix: prefix });
    const event = () => ({
      id: randomUUID(),
      kind: "ORDER_RECORDED",
      ownerId: "RC-BENCH",
      at: new Date().toISOString(),
      actor: { name: REP.name, role: REP.role, organization: REP.organization },
      payload: { orderNumber: `YG-BENCH-${randomInt(1e8, 1e9)}`, customerId: "RC-BENCH", skus: ["AL-EH60"], serials: [] },
    });
    const write = async () => {
      let spent = 0;
      await ordersDb.db.transaction().execute(async (trx) => {
        const t = performance.now();
        await writeOutboxEvent(trx, event());
        spent = performance.now() - t;
      });
      return spent;
    };
    const writeMs: number[] = [];
    const relayOneMs: number[] = [];
    for (let i = 0; i < COST_SAMPLES; i++) {
      writeMs.push(await write());
      const t = performance.now();
      const n = await relayOnce(ordersDb.db, PRODUCER, transport, 1);
      relayOneMs.push(performance.now() - t);
      if (n !== 1) throw new Error(`the relay published ${n} events, expected 1`);
    }
    for (let i = 0; i < COST_SAMPLES; i++) await write();
    const batchStarted = performance.now();
    let relayed = 0;
    for (let n; (n = await relayOnce(ordersDb.db, PRODUCER, transport, 100)) > 0; ) relayed += n;
    const batchPerEvent = (performance.now() - batchStarted) / Math.max(1, relayed);

    const lines = [
      `| figure | p50 | p95 | n |`,
      `| --- | ---: | ---: | ---: |`,
      `| event lag, mutation answered -> consumer effect visible (ms) | ${ms(percentile(lags, 50))} | ${ms(percentile(lags, 95))} | ${lags.length} |`,
      `| recordOrder latency, straight to orders (ms) | ${ms(percentile(mutationMs, 50))} | ${ms(percentile(mutationMs, 95))} | ${mutationMs.length} |`,
      `| outbox write in the mutation's transaction (ms) | ${ms(percentile(writeMs, 50))} | ${ms(percentile(writeMs, 95))} | ${writeMs.length} |`,
      `| relay, one event per pass: publish + mark sent (ms per event) | ${ms(percentile(relayOneMs, 50))} | ${ms(percentile(relayOneMs, 95))} | ${relayOneMs.length} |`,
      `| relay, batches of 100 (ms per event, mean) | ${ms(batchPerEvent)} | | ${relayed} |`,
    ];
    console.log(`\n${lines.join("\n")}\n`);
    log(
      `${count} mutations at ${rate}/s sent in ${sendSeconds.toFixed(1)} s (achieved ${(count / sendSeconds).toFixed(1)}/s), ${errors} errors${firstError ? ` (first: ${firstError})` : ""}, ${missing} answered but not applied within 30 s; max lag ${ms(Math.max(...lags))} ms`,
    );
    log(`transport ${transportLabel}, database ${db}, EVENTS_POLL_MS ${pollMs}; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    return errors || missing ? 1 : 0;
  } finally {
    await transport?.close().catch(() => undefined);
    for (const database of opened) await database.close().catch(() => undefined);
    await Promise.all(services.map((service) => service.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) {
      const pool = new Pool({ connectionString: databaseUrl, max: 1 });
      for (const name of [PRODUCER, CONSUMER, "events"]) await pool.query(`DROP SCHEMA IF EXISTS ${prefix}${name} CASCADE`).catch(() => undefined);
      await pool.end();
    }
    if (natsUrl) await deleteJetStreamNamespace(natsUrl, prefix);
  }
}
