import { GraphQLError } from "graphql";
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type { Pool } from "pg";
import { ErrorCode } from "../../common/errorCodes";

/** SQLSTATEs that mean "the server went away", not "your statement is wrong". */
const LOST_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const LOST_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);

/** True when an error from pg means the connection or the server is gone (worth retrying later). */
export function isConnectionLoss(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && (LOST_SQLSTATES.has(code) || code.startsWith("08") || LOST_NODE_CODES.has(code))) return true;
  return /Connection terminated|not queryable|timeout exceeded when trying to connect/i.test(message ?? "");
}

function unavailable(subgraph: string, error: unknown): unknown {
  if (!isConnectionLoss(error)) return error;
  return new GraphQLError(`${subgraph}'s database is unavailable; retry shortly`, { extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } });
}

/**
 * A pg Pool for Kysely that survives PostgreSQL restarting or cutting its connections
 * (pg_terminate_backend):
 * - a connection that dies emits `error` (on the pool when idle, on its client when checked
 *   out); without a listener that event would end the process. It is logged once per outage; pg drops the connection and the
 *   next query opens a new one, so the subgraph recovers by itself;
 * - while the server is unreachable, queries fail with DATABASE_UNAVAILABLE (a code the
 *   gateway passes on) instead of an internal error; connecting gives up after
 *   `connectTimeoutMs` so no request hangs on a dead server.
 */
export function resilientPool(subgraph: string, pool: Pool): PostgresPool {
  let warned = false;
  const warn = (error: unknown) => {
    if (!warned) console.error(`[${subgraph}] PostgreSQL connection lost (${(error as Error).message}); reconnecting on the next query`);
    warned = true;
  };
  pool.on("error", warn);
  // A connection that dies while checked out emits `error` on its client (the pool listens
  // only while it is idle): listened to here, the query in flight fails instead of the process.
  pool.on("connect", (client) => client.on("error", warn));
  const wrapClient = (client: PostgresPoolClient): PostgresPoolClient =>
    new Proxy(client, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== "query" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
        return (...args: unknown[]) => {
          const result = value.apply(target, args);
          if (!result || typeof (result as Promise<unknown>).then !== "function") return result; // a cursor (streaming)
          return (result as Promise<unknown>).catch((error: unknown) => {
            if (isConnectionLoss(error)) warn(error);
            throw unavailable(subgraph, error);
          });
        };
      },
    });
  return {
    async connect() {
      try {
        const client = await pool.connect();
        warned = false;
        return wrapClient(client as unknown as PostgresPoolClient);
      } catch (error) {
        if (isConnectionLoss(error)) warn(error);
        throw unavailable(subgraph, error);
      }
    },
    end: () => pool.end(),
  };
}
