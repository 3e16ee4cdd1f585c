import { Pool } from "pg";
import { groupCpuSeconds, processCpuSeconds } from "./processes";

/**
 * The whole system's CPU, per process, over a timed window (issue 19): the gateway under test,
 * every subgraph the bench started (each its own process group), and — on PostgreSQL — the
 * server backends that serve those subgraphs. What an operator pays for per answer is the sum,
 * not the gateway's share alone.
 *
 * Background work (event relays and consumers polling, timers) costs CPU whether or not
 * answers are being served, so each process's idle rate is measured on its own (no load,
 * everything up) and subtracted: "net" CPU per answer is the window's CPU minus idle rate x
 * window length, divided by the answers. Both figures are kept.
 */
export interface CpuGroup {
  name: string;
  /** Process group id (the bench starts every child as a group leader). */
  pgid: number;
}

export interface PostgresBackends {
  /** application_name the subgraphs connect with (PGAPPNAME in their environment). */
  applicationName: string;
  databaseUrl: string;
}

export interface ProcessCpu {
  name: string;
  /** utime+stime over the window / answers, ms. */
  cpuMsPerQuery: number;
  /** Idle CPU rate measured with no load, ms of CPU per second. */
  idleMsPerSecond: number;
  /** cpuMsPerQuery minus the idle rate's share of the window, ms (never below 0). */
  netCpuMsPerQuery: number;
}

type Snapshot = Map<string, number>;

/** CPU seconds so far of each group, and of each PostgreSQL backend pid serving the bench (keyed `pg:<pid>`). */
export class SystemCpu {
  private pgPool?: Pool;

  constructor(
    private readonly groups: CpuGroup[],
    private readonly postgres?: PostgresBackends,
  ) {
    if (postgres) this.pgPool = new Pool({ connectionString: postgres.databaseUrl, max: 1, application_name: "c360-bench-observer" });
  }

  names(): string[] {
    return [...this.groups.map((g) => g.name), ...(this.postgres ? ["postgres"] : [])];
  }

  async snapshot(): Promise<Snapshot> {
    const snap: Snapshot = new Map();
    for (const group of this.groups) snap.set(group.name, groupCpuSeconds(group.pgid));
    if (this.pgPool && this.postgres) {
      const rows = await this.pgPool.query<{ pid: number }>("select pid from pg_stat_activity where application_name = $1", [this.postgres.applicationName]);
      for (const { pid } of rows.rows) snap.set(`pg:${pid}`, processCpuSeconds(pid));
    }
    return snap;
  }

  /** CPU seconds per name between two snapshots. Backends that appeared during the window count from 0; ones that ended are lost (pools keep them for the run). */
  delta(before: Snapshot, after: Snapshot): Map<string, number> {
    const out = new Map<string, number>();
    for (const group of this.groups) out.set(group.name, (after.get(group.name) ?? 0) - (before.get(group.name) ?? 0));
    if (this.postgres) {
      let pg = 0;
      for (const [key, value] of after) if (key.startsWith("pg:")) pg += value - (before.get(key) ?? 0);
      out.set("postgres", pg);
    }
    return out;
  }

  /** Idle CPU rate of every process, ms per second, over `seconds` with no load. */
  async idleRates(seconds: number): Promise<Map<string, number>> {
    const before = await this.snapshot();
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const elapsed = (Date.now() - started) / 1000;
    const delta = this.delta(before, await this.snapshot());
    return new Map([...delta].map(([name, s]) => [name, (s * 1000) / elapsed]));
  }

  async close(): Promise<void> {
    await this.pgPool?.end();
  }
}

/** Per-process CPU per answer from a window's delta, the idle rates and the window length. */
export function perAnswer(delta: Map<string, number>, idle: Map<string, number>, windowS: number, answers: number): ProcessCpu[] {
  const n = Math.max(1, answers);
  return [...delta].map(([name, seconds]) => {
    const cpuMsPerQuery = (seconds * 1000) / n;
    const idleMsPerSecond = idle.get(name) ?? 0;
    return { name, cpuMsPerQuery, idleMsPerSecond, netCpuMsPerQuery: Math.max(0, (seconds * 1000 - idleMsPerSecond * windowS) / n) };
  });
}

export function totalOf(processes: ProcessCpu[], key: "cpuMsPerQuery" | "netCpuMsPerQuery"): number {
  return processes.reduce((sum, p) => sum + p[key], 0);
}
