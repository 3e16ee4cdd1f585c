import pino, { type Logger } from "pino";

export type { Logger } from "pino";

/**
 * Structured logs with pino, one logger per process (`service` names the gateway or the
 * subgraph in every line). Read from the environment when first asked for:
 * - LOG_LEVEL (default info; debug | info | warn | error | silent);
 * - LOG_FORMAT json | pretty: default pretty in development (NODE_ENV unset or
 *   "development"), JSON otherwise (production, test, the benchmark);
 * - LOG_FILE: append JSON lines to this file instead of stdout (tests read it).
 *
 * Pretty printing uses pino-pretty as a stream in the same thread (no worker transport),
 * which works offline and keeps the "ready at <url>" line on stdout for the start script.
 * Lines never carry tokens or customer data: the request lines are built from a fixed list
 * of fields (see gateway/observability/observeGatewayRequest.ts), and the redaction below is
 * a second line of defence should an authorization header ever reach a log call.
 */
export function createLogger(service: string, env: NodeJS.ProcessEnv = process.env): Logger {
  const level = env.LOG_LEVEL || "info";
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    redact: { paths: ["authorization", "headers.authorization", "req.headers.authorization", "token"], censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (env.LOG_FILE) return pino(options, pino.destination({ dest: env.LOG_FILE, sync: true, append: true, mkdir: true }));
  const format = env.LOG_FORMAT || (!env.NODE_ENV || env.NODE_ENV === "development" ? "pretty" : "json");
  if (format !== "json" && format !== "pretty") throw new Error(`LOG_FORMAT must be json or pretty, got "${format}"`);
  if (format === "pretty") {
    // Required only here: production never loads the pretty printer.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require("pino-pretty") as typeof import("pino-pretty");
    return pino(options, pretty({ colorize: Boolean(process.stdout.isTTY), translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname", sync: true }));
  }
  return pino(options);
}

let processLogger: Logger | undefined;

/** The process's logger, for code that has no service-specific one at hand (shared HTTP code, startup). */
export function rootLogger(): Logger {
  return (processLogger ??= createLogger(process.env.SERVICE_NAME || "customer-360"));
}

/** Makes `logger` the process's logger (each main sets its own, named after the service). */
export function setRootLogger(logger: Logger): void {
  processLogger = logger;
}
