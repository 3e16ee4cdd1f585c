import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { Pool } from "pg";
import Redis from "ioredis";
import { billingSubgraph } from "../../subgraphs/billing/subgraph";
import { startTestSubgraph, type TestSubgraph } from "../helpers/subgraphHarness";
import { startGraph, type Graph } from "../helpers/graphHarness";
import { startTcpProxy, type TcpProxy } from "../helpers/tcpProxy";
import { waitFor } from "../helpers/waitFor";

/*
 * A subgraph survives its database going away, and the gateway survives Redis going away:
 * coded errors (or the documented fallback) while they are down, and back to normal by
 * itself, with no restart. Neither shared server is restarted: PostgreSQL is cut for this
 * test's own connections only (pg_terminate_backend, and a TCP proxy the test takes down
 * and up again); Redis is a throwaway redis-server of the test's own.
 */

const ACCOUNT = `{ billingAccount(number: "BA-1001") { number } }`;

/** Polls every 100 ms, for 15 s unless told otherwise. */
const eventually = <T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000) => waitFor(what, probe, timeoutMs, 100);

const databaseUrl = process.env.DATABASE_URL;
(databaseUrl ? describe : describe.skip)(`recovery: a subgraph and PostgreSQL${databaseUrl ? "" : " (skipped: DATABASE_URL not set)"}`, () => {
  const appName = `c360_recovery_${randomBytes(4).toString("hex")}`;
  let proxy: TcpProxy;
  let subgraph: TestSubgraph<any>;
  let admin: Pool;

  beforeAll(async () => {
    const target = new URL(databaseUrl!);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const routed = new URL(databaseUrl!);
    routed.port = String(proxy.port);
    // application_name marks this test's connections, so only they are terminated.
    routed.searchParams.set("application_name", appName);
    subgraph = await startTestSubgraph(billingSubgraph, { label: "postgres", databaseUrl: routed.toString() });
    admin = new Pool({ connectionString: databaseUrl, max: 1 });
  }, 60_000);
  afterAll(async () => {
    await proxy?.up().catch(() => undefined);
    await subgraph?.stop();
    await admin?.end();
    await proxy?.close();
  });

  it("answers as before once its connections are terminated (pg_terminate_backend), without a restart", async () => {
    const first = await subgraph.query(ACCOUNT);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.billingAccount.number).toBe("BA-1001");
    const terminated = await admin.query("select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1", [appName]);
    expect(terminated.rows.length).toBeGreaterThan(0);
    expect(terminated.rows.every((r) => r.ok)).toBe(true);
    // A query may meet a connection that is just dying: then it is coded, never internal.
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await subgraph.query(ACCOUNT)).body);
    for (const body of answers.filter((b) => b.errors)) expect(body.errors[0].extensions.code).toBe("DATABASE_UNAVAILABLE");
    expect(answers.at(-1).errors).toBeUndefined();
    expect(answers.at(-1).data.billingAccount.number).toBe("BA-1001");
  });

  it("answers DATABASE_UNAVAILABLE while PostgreSQL is unreachable, and recovers by itself when it is back", async () => {
    await proxy.down();
    const during = await subgraph.query(ACCOUNT);
    expect(during.status).toBe(200);
    expect(during.body.errors[0].extensions.code).toBe("DATABASE_UNAVAILABLE");
    expect(during.body.errors[0].message).toMatch(/billing's database is unavailable/);
    expect(JSON.stringify(during.body)).not.toMatch(/stacktrace|ECONNREFUSED|at .*\.js/);
    await proxy.up();
    const upAt = performance.now();
    const after = await eventually("answers again", async () => {
      const { body } = await subgraph.query(ACCOUNT);
      return body.errors ? undefined : body;
    });
    console.log(`recovery: billing answers again ${(performance.now() - upAt).toFixed(0)} ms after PostgreSQL is reachable`);
    expect(after.data.billingAccount.number).toBe("BA-1001");
  }, 30_000);
});

const redisServer = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).stdout.trim();
(redisServer ? describe : describe.skip)(`recovery: the gateway and Redis${redisServer ? "" : " (skipped: redis-server not installed)"}`, () => {
  let port: number;
  let redis: ChildProcess | undefined;
  let graph: Graph;
  const startRedis = async () => {
    redis = spawn(redisServer, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    await eventually("redis-server to accept connections", async () => {
      const client = new Redis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await client.connect();
        return (await client.ping()) === "PONG" ? true : undefined;
      } catch {
        return undefined;
      } finally {
        client.disconnect();
      }
    });
  };
  const stopRedis = async () => {
    const child = redis;
    redis = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGKILL");
    });
  };
  const keys = async () => {
    const client = new Redis(port, "127.0.0.1", { maxRetriesPerRequest: 1 });
    try {
      return await client.keys("*");
    } finally {
      client.disconnect();
    }
  };
  const ask = () => graph.query(`{ customer(id: "C-S1") { name } }`);

  beforeAll(async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    await startRedis();
    graph = await startGraph({ label: "sqlite" }, { REDIS_URL: `redis://127.0.0.1:${port}`, RESPONSE_CACHE_TTL_SECONDS: "5" });
  }, 120_000);
  afterAll(async () => {
    await graph?.stop();
    await stopRedis();
  });

  it("keeps answering while Redis is down (per-replica rate limit, uncached), and uses Redis again once it is back", async () => {
    const before = await ask();
    expect(before.body.errors).toBeUndefined();
    expect(await keys()).toEqual(expect.arrayContaining([expect.stringMatching(/rate|rl|limit/i)]));
    await stopRedis(); // a crash: no goodbye to the clients
    for (let i = 0; i < 3; i++) {
      const during = await ask();
      expect(during.status).toBe(200);
      expect(during.body.errors).toBeUndefined();
      expect(during.body.data.customer.name).toBe(before.body.data.customer.name);
    }
    await startRedis(); // a fresh, empty Redis on the same port: as after a restart
    expect(await keys()).toEqual([]);
    const backAt = performance.now();
    await eventually("the gateway to write to Redis again", async () => {
      expect((await ask()).body.errors).toBeUndefined();
      return (await keys()).length > 0 ? true : undefined;
    });
    console.log(`recovery: gateway uses Redis again ${(performance.now() - backAt).toFixed(0)} ms after it restarted`);
  }, 60_000);
});
