import pino, { type Logger } from "pino";

export type { Logger } from "pino";

/**
 * Structured logs with pino, one logger per process (`service` names the gateway or the
 * subgraph in every line). Read from the environment when first asked for:
 * - LOG_LEVEL (debug | info | warn | error | silent): default info, warn under NODE_ENV=test
 *   (the suites start many graphs; the observability tests ask for info);
 * - LOG_FORMAT json | pretty: default pretty in development (NODE_ENV unset or
 *   "development"), JSON otherwise (production, test, the benchmark);
 * - LOG_FILE: also append the JSON lines to this file (tests read it).
 *
 * Pretty printing uses pino-pretty as a stream in the same thread (no worker transport),
 * which works offline and keeps the "ready at <url>" line on stdout for the start script.
 * Lines never carry tokens or customer data: the request lines are built from a fixed list
 * of fields (see gateway/observability/observeGatewayRequest.ts), and the redaction below is
 * a second line of defence should an authorization header ever reach a log call.
 */
export function createLogger(service: string, env: NodeJS.ProcessEnv = process.env): Logger {
  const level = env.LOG_LEVEL || (env.NODE_ENV === "test" ? "warn" : "info");
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    redact: { paths: ["authorization", "headers.authorization", "req.headers.authorization", "token"], censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  const format = env.LOG_FORMAT || (!env.NODE_ENV || env.NODE_ENV === "development" ? "pretty" : "json");
  if (format !== "json" && format !== "pretty") throw new Error(`LOG_FORMAT must be json or pretty, got "${format}"`);
  const stdout = format === "pretty" ? prettyStream() : bufferedStdout();
  if (!env.LOG_FILE) return pino(options, stdout);
  // Also to the file (JSON): stdout keeps the lines the start script and the tests wait for.
  const file = pino.destination({ dest: env.LOG_FILE, sync: true, append: true, mkdir: true });
  // The streams take every level; the logger (or a child with its own level) filters.
  return pino(options, pino.multistream([{ level: "trace", stream: stdout }, { level: "trace", stream: file }]));
}

/** Bytes of JSON lines gathered before one write to stdout. */
const STDOUT_BUFFER_BYTES = 8192;
/** The longest a line waits in that buffer when traffic is low. */
const STDOUT_FLUSH_MS = 250;

/**
 * JSON lines to stdout, gathered into writes of ~8 KB (sonic-boom, asynchronous): a write per
 * line cost every subgraph fetch a syscall (issue 19 profile: `writeString`, 4-5 % of subgraph
 * CPU under the 360 load). A line waits at most STDOUT_FLUSH_MS; pino writes out what is
 * pending when the process exits, and logReady flushes at once.
 */
function bufferedStdout(): pino.DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: STDOUT_BUFFER_BYTES });
  setInterval(() => stream.flush(), STDOUT_FLUSH_MS).unref();
  return stream;
}

/** pino-pretty as a stream in this thread; required only here, so production never loads it. */
function prettyStream(): pino.DestinationStream {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pretty = require("pino-pretty") as typeof import("pino-pretty");
  return pretty({ colorize: Boolean(process.stdout.isTTY), translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname", sync: true });
}

let processLogger: Logger | undefined;

/** The process's logger, for code that has no service-specific one at hand (shared HTTP code, startup). */
export function rootLogger(): Logger {
  return (processLogger ??= createLogger(process.env.SERVICE_NAME || "customer-360"));
}

/**
 * The "ready at <url>" line the start script, the bench and the test harness wait for: at
 * info whatever LOG_LEVEL says, with the URL followed by a space (the waiters match \S+).
 */
export function logReady(logger: Logger, url: string, details: Record<string, unknown>, note: string): void {
  logger.child({}, { level: "info" }).info({ url, ...details }, `ready at ${url} (${note})`);
  // Whoever waits for this line should not wait for the next write to carry it.
  logger.flush();
}

/** Makes `logger` the process's logger (each main sets its own, named after the service). */
export function setRootLogger(logger: Logger): void {
  processLogger = logger;
}
