import { startServiceProcess, stopChild, type ServiceProcess } from "./serviceProcess";

/** How to start one service; the supervisor starts it again, the same way, when it dies. */
export interface ServiceSpec {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  nodeFlags?: string[];
}

export interface SupervisorOptions {
  /** First restart delay; doubles with every crash in a row. @default 500 */
  initialBackoffMs?: number;
  /** @default 30000 */
  maxBackoffMs?: number;
  /** A service up this long has recovered: its next crash starts the backoff again. @default 30000 */
  healthyAfterMs?: number;
  /** Echo the services' output, prefixed with their names. @default true */
  echo?: boolean;
  log?: (message: string) => void;
}

export interface ServiceStatus {
  name: string;
  state: "starting" | "running" | "waiting" | "stopped";
  pid: number | null;
  url: string | null;
  restarts: number;
}

interface Supervised {
  spec: ServiceSpec;
  current?: ServiceProcess;
  state: ServiceStatus["state"];
  /** Restarts after a crash so far (for the log and /status). */
  restarts: number;
  /** Crashes in a row (resets once the service stayed up healthyAfterMs): the backoff exponent. */
  crashesInARow: number;
  upSince: number;
  timer?: NodeJS.Timeout;
}

/**
 * Runs services as child processes and keeps them running: a service that exits on its own
 * is started again after a backoff (500 ms, 1 s, 2 s ... 30 s; logged each time) while the
 * others keep serving; `restart(name)` restarts one on request; `stop()` stops them all.
 * Starting is all-or-nothing per call of `start`: if one service of a group cannot start,
 * exactly the services this supervisor started are stopped again and the error is thrown.
 */
export class Supervisor {
  private readonly services = new Map<string, Supervised>();
  private stopping = false;
  private readonly log: (message: string) => void;

  constructor(private readonly options: SupervisorOptions = {}) {
    this.log = options.log ?? ((message) => console.log(`supervisor | ${message}`));
  }

  /** Starts a group of services in parallel (e.g. the subgraphs, then the gateway). */
  async start(specs: ServiceSpec[]): Promise<ServiceProcess[]> {
    for (const spec of specs) this.services.set(spec.name, { spec, state: "starting", restarts: 0, crashesInARow: 0, upSince: 0 });
    const results = await Promise.allSettled(specs.map((spec) => this.launch(this.services.get(spec.name)!)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) {
      await this.stop();
      throw failed.reason;
    }
    return results.map((r) => (r as PromiseFulfilledResult<ServiceProcess>).value);
  }

  status(): ServiceStatus[] {
    return [...this.services.values()].map((s) => ({
      name: s.spec.name,
      state: s.state,
      pid: s.current?.child.pid ?? null,
      url: s.current?.url ?? null,
      restarts: s.restarts,
    }));
  }

  has(name: string): boolean {
    return this.services.has(name);
  }

  /** Stops one service and starts it again (an operator's restart: no backoff, others untouched). */
  async restart(name: string): Promise<ServiceProcess> {
    const service = this.services.get(name);
    if (!service) throw new Error(`no service "${name}" (running: ${[...this.services.keys()].join(", ")})`);
    clearTimeout(service.timer);
    const previous = service.current;
    service.current = undefined;
    service.state = "starting";
    if (previous) await stopChild(previous.child);
    this.log(`${name}: restarting on request`);
    try {
      return await this.launch(service);
    } catch (error) {
      // Not left dead: from here it is a crash like any other, retried with backoff.
      if (!this.stopping) this.crashed(service, "failed to start");
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.services.values()].map(async (service) => {
        clearTimeout(service.timer);
        const current = service.current;
        service.current = undefined;
        service.state = "stopped";
        if (current) await stopChild(current.child);
      }),
    );
  }

  private async launch(service: Supervised): Promise<ServiceProcess> {
    const { spec } = service;
    service.upSince = Date.now(); // a start that fails at once is a crash in a row, not a recovery
    const running = await startServiceProcess(spec.name, spec.script, spec.env, { echo: this.options.echo ?? true, nodeFlags: spec.nodeFlags });
    if (this.stopping) {
      await stopChild(running.child);
      throw new Error(`${spec.name}: stopped while starting`);
    }
    service.current = running;
    service.state = "running";
    service.upSince = Date.now();
    running.child.once("exit", (code, signal) => {
      // Our own stop or restart replaced or cleared `current` first: not a crash.
      if (this.stopping || service.current !== running) return;
      service.current = undefined;
      this.crashed(service, signal ? `signal ${signal}` : `code ${code}`);
    });
    return running;
  }

  private crashed(service: Supervised, how: string): void {
    const healthyAfterMs = this.options.healthyAfterMs ?? 30_000;
    if (Date.now() - service.upSince >= healthyAfterMs) service.crashesInARow = 0;
    const delayMs = Math.min((this.options.initialBackoffMs ?? 500) * 2 ** service.crashesInARow, this.options.maxBackoffMs ?? 30_000);
    service.crashesInARow++;
    service.state = "waiting";
    this.log(`${service.spec.name} exited (${how}); restart ${service.restarts + 1} in ${delayMs} ms`);
    service.timer = setTimeout(() => {
      if (this.stopping) return;
      service.restarts++;
      service.state = "starting";
      this.launch(service).then(
        (running) => this.log(`${service.spec.name} restarted (pid ${running.child.pid})`),
        (error: Error) => {
          if (this.stopping) return;
          this.log(`${service.spec.name} failed to restart: ${error.message.split("\n")[0]}`);
          this.crashed(service, "failed to start");
        },
      );
    }, delayMs);
  }
}
