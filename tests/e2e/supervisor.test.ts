import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { loadOrCreateDevKeys } from "../../gateway/auth/devKeys";
import { readSupergraphConfig } from "../../schema/tooling/supergraphConfig";
import { ROOT } from "../helpers/graphHarness";
import { waitFor } from "../helpers/waitFor";
import { signDevToken } from "../helpers/devToken";

/*
 * `npm start` as an operator runs it (node dist/scripts/start.js), on free ports: a
 * supergraph.yaml generated in a temp folder moves every routing URL to a free port.
 */

const START = path.join(ROOT, "dist", "scripts", "start.js");
const CUSTOMER_360 = fs.readFileSync(path.join(ROOT, "schema", "operations", "customer360.graphql"), "utf8");
const S5_PHONE = "+86 135 5555 0505";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function portIsFree(port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** schema/supergraph.yaml with free ports, plus a partner entry nothing here builds. */
async function generatedConfig(dir: string): Promise<{ file: string; ports: Record<string, number>; partnerPort: number }> {
  const ports: Record<string, number> = {};
  let yaml = "federation_version: =2.7.1\nsubgraphs:\n";
  for (const subgraph of readSupergraphConfig(path.join(ROOT, "schema", "supergraph.yaml")).subgraphs) {
    ports[subgraph.name] = await freePort();
    yaml += `  ${subgraph.name}:\n    routing_url: http://127.0.0.1:${ports[subgraph.name]}/graphql\n    schema:\n      file: ${subgraph.sdlPath}\n`;
  }
  const partnerPort = await freePort();
  yaml += `  insurer:\n    routing_url: http://127.0.0.1:${partnerPort}/graphql\n    schema:\n      file: ./insurer.graphql\n`;
  const file = path.join(dir, "supergraph.yaml");
  fs.writeFileSync(file, yaml);
  return { file, ports, partnerPort };
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startSupervisor(config: string, env: Record<string, string>): Started {
  // Its own process group, so the test can always stop all of it.
  const child = spawn(process.execPath, [START, "--config", config], { cwd: ROOT, env: { ...process.env, NODE_ENV: "test", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Polls every 100 ms, for 60 s unless told otherwise (the supervisor starts the whole graph). */
const until = <T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000) => waitFor(what, probe, timeoutMs, 100);

function killGroup(started: Started | undefined, signal: NodeJS.Signals): void {
  try {
    if (started?.child.pid) process.kill(-started.child.pid, signal);
  } catch {
    // already gone
  }
}

describe("npm start supervises the graph", () => {
  let dir: string;
  let config: Awaited<ReturnType<typeof generatedConfig>>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-supervisor-"));
    config = await generatedConfig(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a failed start stops exactly what it started: exit 1, no process left holding a port", async () => {
    // billing's port is taken: billing cannot start, after the others did.
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(config.ports.billing, "127.0.0.1", resolve));
    const started = startSupervisor(config.file, { PORT: String(await freePort()), DATA_DIR: path.join(dir, "failed-data") });
    try {
      expect(await started.exited).toBe(1);
      expect(started.output()).toMatch(/billing exited with code 1 before it was ready/);
      for (const [name, port] of Object.entries(config.ports)) if (name !== "billing") expect([name, await portIsFree(port)]).toEqual([name, true]);
      expect(fs.existsSync(path.join(dir, "failed-data", "supervisor.json"))).toBe(false);
    } finally {
      killGroup(started, "SIGKILL");
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 120_000);

  describe("running", () => {
    const dataDir = () => path.join(dir, "data");
    let started: Started;
    let gatewayPort: number;
    let token: string;

    async function ask() {
      const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: CUSTOMER_360, variables: { identifier: S5_PHONE } }),
      });
      return (await response.json()) as any;
    }
    function status(): { name: string; state: string; pid: number; restarts: number }[] {
      const control = JSON.parse(fs.readFileSync(path.join(dataDir(), "supervisor.json"), "utf8"));
      const result = spawnSync(process.execPath, ["-e", `fetch(${JSON.stringify(control.url + "/status")}).then(r => r.text()).then(t => process.stdout.write(t))`], { encoding: "utf8" });
      return JSON.parse(result.stdout).services;
    }
    const pidOf = (name: string) => status().find((s) => s.name === name)!.pid;

    beforeAll(async () => {
      gatewayPort = await freePort();
      started = startSupervisor(config.file, { PORT: String(gatewayPort), DATA_DIR: dataDir() });
      await until("the graph to be ready", () => (/Customer graph ready/.test(started.output()) ? true : started.child.exitCode !== null ? Promise.reject(new Error(started.output())) : undefined), 120_000);
      const keys = await loadOrCreateDevKeys(dataDir());
      token = await signDevToken(keys, { role: "rep", org: "yougou", sub: "rep-chen", name: "陈晓 Chen Xiao" });
    }, 150_000);
    afterAll(async () => {
      killGroup(started, "SIGTERM");
      const timer = setTimeout(() => killGroup(started, "SIGKILL"), 10_000);
      await started?.exited;
      clearTimeout(timer);
    }, 20_000);

    it("says on start-up that a partner's subgraph is reached where it runs, and starts the rest", () => {
      expect(started.output()).toContain(`insurer: not built here (no dist/subgraphs/insurer/main.js), so not started: the gateway reaches it where it runs, at http://127.0.0.1:${config.partnerPort}/graphql`);
      expect(status().map((s) => s.name).sort()).toEqual([...Object.keys(config.ports), "gateway"].sort());
    });

    it("kill -9 of a subgraph: partial answers naming it, a logged restart, complete answers again within seconds", async () => {
      expect((await ask()).errors).toBeUndefined();
      const before = pidOf("billing");
      const others = Object.fromEntries(status().filter((s) => s.name !== "billing").map((s) => [s.name, s.pid]));
      process.kill(before, "SIGKILL");
      const killedAt = performance.now();
      const partial = await until("a partial answer", async () => {
        const body = await ask();
        return body.errors ? body : undefined;
      }, 5_000);
      const customer = partial.data.findCustomers.result.candidates[0].customer;
      expect(customer.overview.result.timeline.missingSources).toEqual(["billing"]);
      expect(partial.errors.every((e: any) => e.extensions.code === "SUBGRAPH_UNAVAILABLE" && e.extensions.serviceName === "billing")).toBe(true);
      const complete = await until("a complete answer again", async () => {
        const body = await ask();
        return body.errors ? undefined : body;
      }, 30_000);
      const recoveredMs = performance.now() - killedAt;
      console.log(`supervisor: billing killed -> complete answers again after ${recoveredMs.toFixed(0)} ms`);
      expect(recoveredMs).toBeLessThan(10_000);
      expect(complete.data.findCustomers.result.candidates[0].customer.overview.result.timeline.missingSources).toEqual([]);
      expect(started.output()).toMatch(/billing exited \(signal SIGKILL\); restart 1 in 500 ms/);
      expect(started.output()).toMatch(/billing restarted \(pid \d+\)/);
      expect(pidOf("billing")).not.toBe(before);
      expect(status().find((s) => s.name === "billing")!.restarts).toBe(1);
      // The gateway and the other subgraphs were never touched.
      expect(Object.fromEntries(status().filter((s) => s.name !== "billing").map((s) => [s.name, s.pid]))).toEqual(others);
    }, 60_000);

    it("npm start -- --only customers restarts customers alone", async () => {
      const before = Object.fromEntries(status().map((s) => [s.name, s.pid]));
      const result = spawnSync(process.execPath, [START, "--only", "customers"], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir() }, encoding: "utf8", timeout: 60_000 });
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(/^customers restarted \(pid \d+\) at http:\/\/127\.0\.0\.1:\d+\/graphql/);
      expect(result.status).toBe(0);
      const after = Object.fromEntries(status().map((s) => [s.name, s.pid]));
      expect(after.customers).not.toBe(before.customers);
      expect({ ...after, customers: 0 }).toEqual({ ...before, customers: 0 });
      // (spawnSync blocked this process: the supervisor's log arrives now.)
      await until("the restart in the supervisor's log", () => (started.output().includes("customers: restarting on request") ? true : undefined), 5_000);
      const unknown = spawnSync(process.execPath, [START, "--only", "nosuch"], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir() }, encoding: "utf8" });
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('no service "nosuch"');
    }, 90_000);

    it("refuses a second npm start on the same DATA_DIR, and --only without a running graph", () => {
      const second = spawnSync(process.execPath, [START, "--config", config.file], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir() }, encoding: "utf8", timeout: 30_000 });
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/already running/);
      const none = spawnSync(process.execPath, [START, "--only", "customers"], { cwd: ROOT, env: { ...process.env, DATA_DIR: path.join(dir, "nothing") }, encoding: "utf8" });
      expect(none.status).toBe(1);
      expect(none.stderr).toMatch(/no running `npm start` found/);
    });

    it("Ctrl-C (SIGTERM) stops every service and frees every port", async () => {
      started.child.kill("SIGTERM");
      expect(await started.exited).toBe(0);
      for (const [name, port] of Object.entries({ ...config.ports, gateway: gatewayPort })) expect([name, await portIsFree(port)]).toEqual([name, true]);
      expect(fs.existsSync(path.join(dataDir(), "supervisor.json"))).toBe(false);
    }, 30_000);
  });
});
