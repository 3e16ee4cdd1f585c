import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Supervisor } from "../../scripts/lib/supervisor";

/*
 * The supervisor's restart policy on a service that keeps crashing (a tiny script: it says
 * it is ready, then exits), with short delays so the test is quick.
 */

describe("supervisor backoff", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-backoff-"));
    fs.writeFileSync(path.join(dir, "flaky.js"), `console.log("[flaky] ready at http://127.0.0.1:1/graphql"); setTimeout(() => process.exit(3), Number(process.env.LIFE_MS));\n`);
    fs.writeFileSync(path.join(dir, "steady.js"), `console.log("[steady] ready at http://127.0.0.1:2/graphql"); setInterval(() => {}, 1000);\n`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("restarts a crashing service with doubling delays, logging each restart, and leaves the others alone", async () => {
    const log: string[] = [];
    const supervisor = new Supervisor({ initialBackoffMs: 100, maxBackoffMs: 400, healthyAfterMs: 60_000, echo: false, log: (m) => log.push(m) });
    try {
      const [steady] = await supervisor.start([
        { name: "steady", script: path.join(dir, "steady.js"), env: {} },
        { name: "flaky", script: path.join(dir, "flaky.js"), env: { LIFE_MS: "50" } },
      ]);
      const deadline = Date.now() + 10_000;
      while (log.filter((m) => m.startsWith("flaky exited")).length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const exits = log.filter((m) => m.startsWith("flaky exited")).slice(0, 5);
      expect(exits).toEqual([
        "flaky exited (code 3); restart 1 in 100 ms",
        "flaky exited (code 3); restart 2 in 200 ms",
        "flaky exited (code 3); restart 3 in 400 ms",
        "flaky exited (code 3); restart 4 in 400 ms",
        "flaky exited (code 3); restart 5 in 400 ms",
      ]);
      expect(log.filter((m) => /^flaky restarted \(pid \d+\)$/.test(m)).length).toBeGreaterThanOrEqual(4);
      const status = supervisor.status().find((s) => s.name === "steady")!;
      expect(status).toMatchObject({ state: "running", pid: steady.child.pid, restarts: 0 });
    } finally {
      await supervisor.stop();
    }
    expect(supervisor.status().every((s) => s.state === "stopped" && s.pid === null)).toBe(true);
  }, 20_000);

  it("a service that stayed up long enough starts the backoff again", async () => {
    const log: string[] = [];
    const supervisor = new Supervisor({ initialBackoffMs: 50, healthyAfterMs: 200, echo: false, log: (m) => log.push(m) });
    try {
      await supervisor.start([{ name: "flaky", script: path.join(dir, "flaky.js"), env: { LIFE_MS: "400" } }]);
      const deadline = Date.now() + 10_000;
      while (log.filter((m) => m.startsWith("flaky exited")).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(log.filter((m) => m.startsWith("flaky exited")).slice(0, 3).map((m) => m.replace(/restart \d+/, "restart"))).toEqual(Array(3).fill("flaky exited (code 3); restart in 50 ms"));
    } finally {
      await supervisor.stop();
    }
  }, 20_000);
});
