/**
 * `npm run export` (scripts/export.ts, built): the store's events in a range as CSV and as
 * Parquet (single file and month-partitioned), the right rows, masked (scanned for the
 * hand-built events' PII), progress on stderr, usage on --help and on bad arguments.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { toAnalyticsRow } from "../../subgraphs/analytics/domain/analyticsRow";
import { AnalyticsStore, ANALYTICS_FILE } from "../../subgraphs/analytics/domain/analyticsStore";
import { pseudonymizer } from "../../subgraphs/analytics/domain/pseudonym";
import { ROOT } from "../helpers/graphHarness";
import { PII, handBuiltEvents } from "./handBuiltEvents";
import { leaksIn } from "./piiValues";

const SCRIPT = path.join(ROOT, "dist", "scripts", "export.js");
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-export-test-"));
  const store = await AnalyticsStore.open(path.join(dataDir, ANALYTICS_FILE));
  const key = pseudonymizer("export-test-secret-0123456789");
  const events = handBuiltEvents();
  // One event in February, so the range and the monthly parts are both exercised.
  events.push({ ...events[0], id: "hb-feb", occurredAt: "2026-02-03T10:00:00.000Z" });
  await store.insert(events.map((event) => toAnalyticsRow(event, key)));
  await store.close();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8", env: { ...process.env, DATA_DIR: dataDir } });
}

async function readParquet(file: string): Promise<Record<string, unknown>[]> {
  const store = await AnalyticsStore.open(":memory:");
  try {
    return await store.query(`SELECT * FROM read_parquet('${file.replace(/'/g, "''")}', hive_partitioning = true) ORDER BY "at", id`);
  } finally {
    await store.close();
  }
}

describe("npm run export", () => {
  it("prints usage on --help and refuses bad arguments with it", () => {
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--format parquet|csv");
    const bad = run(["--since", "2026-01-01", "--until", "2026-02-01", "--format", "xlsx", "--out", path.join(dataDir, "x")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--format must be parquet or csv");
  });

  it("writes the range as CSV, masked, with progress on stderr", () => {
    const out = path.join(dataDir, "jan.csv");
    const result = run(["--since", "2026-01-01", "--until", "2026-02-01", "--format", "csv", "--out", out]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/export: 2026-01 22 events/);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("id,at,source,type,person_key,matter_key,matter_type,organization,actor_key,actor_role,team,tier,city,device_model,due_at");
    expect(lines).toHaveLength(1 + handBuiltEvents().length);
    expect(lines.some((line) => line.includes("hb-feb"))).toBe(false);
    expect(leaksIn(fs.readFileSync(out, "utf8"), Object.values(PII))).toEqual([]);
  });

  it("writes Parquet, one file or partitioned by month, masked", async () => {
    const out = path.join(dataDir, "all.parquet");
    expect(run(["--since", "2026-01-01", "--until", "2026-03-01", "--format", "parquet", "--out", out]).status).toBe(0);
    const rows = await readParquet(out);
    expect(rows).toHaveLength(handBuiltEvents().length + 1);
    expect(String(rows[0].person_key)).toMatch(/^P-[0-9a-f]{20}$/);
    expect(leaksIn(JSON.stringify(rows), Object.values(PII))).toEqual([]);
    expect(leaksIn(fs.readFileSync(out).toString("latin1"), [PII.customerPhone, PII.handlerMobile, PII.email])).toEqual([]);

    const folder = path.join(dataDir, "warehouse");
    expect(run(["--since", "2026-01-01", "--until", "2026-03-01", "--format", "parquet", "--partition", "--out", folder]).status).toBe(0);
    expect(fs.readdirSync(folder).sort()).toEqual(["month=2026-01", "month=2026-02"]);
    const partitioned = await readParquet(path.join(folder, "*", "*.parquet"));
    expect(partitioned.filter((row) => row.month === "2026-02").map((row) => row.id)).toEqual(["hb-feb"]);
  });
});
