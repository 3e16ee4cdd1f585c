import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

/**
 * Child processes of the benchmark. Every child is spawned detached, i.e. as the leader of
 * its own process group, so stopping it also stops whatever it forked (Hive Gateway workers,
 * cluster workers); the bench kills every group it started on exit, error or Ctrl-C.
 */
export interface BenchProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Everything it printed so far (capped). */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<BenchProcess>();

export function spawnGroup(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, options: { echo?: boolean; cwd?: string } = {}): BenchProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20000);
    if (options.echo) for (const line of text.split("\n").filter(Boolean)) console.log(`  ${name.padEnd(10)} | ${line}`);
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const proc: BenchProcess = {
    name,
    child,
    pid: child.pid!,
    output: () => output,
    stop: () => stopGroup(proc),
  };
  running.add(proc);
  child.once("exit", () => running.delete(proc));
  return proc;
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

export function stopGroup(proc: BenchProcess, graceMs = 5000): Promise<void> {
  running.delete(proc);
  if (!alive(proc.child)) {
    killGroup(proc.pid, "SIGKILL"); // stray workers of a dead leader
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(proc.pid, "SIGKILL"), graceMs);
    proc.child.once("exit", () => {
      clearTimeout(timer);
      killGroup(proc.pid, "SIGKILL");
      resolve();
    });
    killGroup(proc.pid, "SIGTERM");
  });
}

/** Synchronous last resort (process 'exit' handler): SIGKILL every group still running. */
export function killAllSync(): void {
  for (const proc of running) killGroup(proc.pid, "SIGKILL");
  running.clear();
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((proc) => stopGroup(proc)));
}

/** Resolves with the first match of `pattern` in the process's output; rejects if it exits first or times out. */
export function waitForOutput(proc: BenchProcess, pattern: RegExp, timeoutMs = 60000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(proc.output());
      if (match) {
        cleanup();
        resolve(match);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`${proc.name} exited (code ${code}) before it was ready:\n${proc.output()}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${proc.name} not ready within ${timeoutMs} ms:\n${proc.output()}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      proc.child.stdout!.off("data", check);
      proc.child.stderr!.off("data", check);
      proc.child.off("exit", onExit);
    };
    proc.child.stdout!.on("data", check);
    proc.child.stderr!.on("data", check);
    proc.child.once("exit", onExit);
    check();
  });
}

/** Runs a command to completion (seeding); rejects with its output on a non-zero exit. */
export function runToCompletion(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const proc = spawnGroup(name, command, args, env);
  return new Promise((resolve, reject) => {
    proc.child.once("exit", (code) => {
      running.delete(proc);
      if (code === 0) resolve(proc.output());
      else reject(new Error(`${name} failed (code ${code}):\n${proc.output()}`));
    });
  });
}

// ---------------------------------------------------------------- /proc readings (Linux)

const CLOCK_TICKS = 100; // USER_HZ; 100 on every Linux this runs on

/** Every pid in process group `pgid` (the leader plus forked workers). */
export function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat && stat.pgrp === pgid) pids.push(Number(entry));
  }
  return pids;
}

function readStat(pid: number): { pgrp: number; cpuSeconds: number } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // comm may contain spaces: fields after the closing paren
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // fields[0] = state (field 3); pgrp = field 5; utime = 14; stime = 15
    const pgrp = Number(fields[2]);
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return { pgrp, cpuSeconds: (utime + stime) / CLOCK_TICKS };
  } catch {
    return undefined;
  }
}

/** utime+stime (s) of one process (0 if it is gone). */
export function processCpuSeconds(pid: number): number {
  return readStat(pid)?.cpuSeconds ?? 0;
}

/** utime+stime (s) of every process in the group. */
export function groupCpuSeconds(pgid: number): number {
  return groupPids(pgid).reduce((sum, pid) => sum + (readStat(pid)?.cpuSeconds ?? 0), 0);
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Current resident set of the whole group, MB. */
export function groupRssMb(pgid: number): number {
  return groupPids(pgid).reduce((sum, pid) => sum + statusKb(pid, "VmRSS"), 0) / 1024;
}

/** Sum of each group member's VmHWM (its own peak), MB: an upper bound of the group's peak. */
export function groupHwmMb(pgid: number): number {
  return groupPids(pgid).reduce((sum, pid) => sum + statusKb(pid, "VmHWM"), 0) / 1024;
}

/** Polls the group's RSS every `everyMs` until stopped: peak, first and last sample. */
export function sampleRss(pgid: number, everyMs = 200): { stop(): { peakMb: number; firstMb: number; lastMb: number; samples: number[] } } {
  const samples: number[] = [groupRssMb(pgid)];
  const timer = setInterval(() => samples.push(groupRssMb(pgid)), everyMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push(groupRssMb(pgid));
      return { peakMb: Math.max(...samples), firstMb: samples[0], lastMb: samples[samples.length - 1], samples };
    },
  };
}
