import { spawn, type ChildProcess } from "node:child_process";

export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts one service (a subgraph or the gateway) as a child process and resolves once it
 * prints "ready at <url>". Its output is prefixed with its name; if it exits before it is
 * ready, the promise rejects with what it printed.
 */
export function startServiceProcess(name: string, script: string, env: NodeJS.ProcessEnv, options: { echo?: boolean; readyTimeoutMs?: number; nodeFlags?: string[] } = {}): Promise<ServiceProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let ready = false;
    const timer = setTimeout(() => fail(new Error(`${name} did not become ready within ${options.readyTimeoutMs ?? 60000} ms\n${output}`)), options.readyTimeoutMs ?? 60000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      if (!ready) {
        child.kill("SIGKILL");
        reject(error);
      }
    };
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (options.echo) for (const line of text.split("\n").filter(Boolean)) console.log(`${name.padEnd(10)} | ${line}`);
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match && !ready) {
        ready = true;
        clearTimeout(timer);
        resolve({ name, url: match[1], child, stop: () => stopChild(child) });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => fail(new Error(`${name} exited with code ${code} before it was ready:\n${output}`)));
  });
}

/** Ends the child with `signal` at once (SIGKILL: no shutdown hook runs, as in a crash) and resolves when it has exited. */
export function killChild(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
