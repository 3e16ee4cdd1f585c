import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Supervisor } from "./supervisor";

/** What a running `npm start` writes to DATA_DIR, so a second `npm start -- --only NAME` finds it. */
export interface ControlFile {
  pid: number;
  url: string;
}

export function controlFilePath(dataDir: string): string {
  return path.join(dataDir, "supervisor.json");
}

/**
 * The supervisor's control endpoint, on loopback only (a free port, written to
 * DATA_DIR/supervisor.json): GET /status lists the services, POST /restart/<name> restarts
 * one. Whoever can write DATA_DIR can already stop the graph, so it carries no token.
 */
export async function startControlServer(supervisor: Supervisor, dataDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    const restart = /^\/restart\/([a-zA-Z0-9_-]+)$/.exec(req.url ?? "");
    if (req.method === "GET" && req.url === "/status") return send(200, { services: supervisor.status() });
    if (req.method === "POST" && restart) {
      if (!supervisor.has(restart[1])) return send(404, { error: `no service "${restart[1]}"`, services: supervisor.status().map((s) => s.name) });
      supervisor.restart(restart[1]).then(
        (running) => send(200, { restarted: running.name, pid: running.child.pid, url: running.url }),
        (error: Error) => send(500, { error: `${restart[1]} did not start again: ${error.message.split("\n")[0]}` }),
      );
      return;
    }
    send(404, { error: "GET /status or POST /restart/<name>" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = controlFilePath(dataDir);
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, url } satisfies ControlFile));
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        // Only our own file: a newer supervisor may have replaced it.
        try {
          if ((JSON.parse(fs.readFileSync(file, "utf8")) as ControlFile).pid === process.pid) fs.rmSync(file);
        } catch {
          // already gone
        }
        server.close(() => resolve());
      }),
  };
}

/** The running supervisor's control URL, or an error saying why there is none. */
export function findRunningSupervisor(dataDir: string): ControlFile {
  const file = controlFilePath(dataDir);
  if (!fs.existsSync(file)) throw new Error(`no running \`npm start\` found (${file} is missing): start the graph first`);
  const control = JSON.parse(fs.readFileSync(file, "utf8")) as ControlFile;
  try {
    process.kill(control.pid, 0);
  } catch {
    throw new Error(`the \`npm start\` that wrote ${file} (pid ${control.pid}) is not running: start the graph first`);
  }
  return control;
}
