import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The header that carries one client request's id from the client through the gateway to every subgraph. */
export const REQUEST_ID_HEADER = "x-request-id";

/**
 * What a client may send as its own request id: short, no spaces or quotes, so it is safe in a
 * log line and a header (the audit trail accepts the same).
 */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The client's x-request-id if it is well-formed, else a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers[REQUEST_ID_HEADER];
  return typeof header === "string" && REQUEST_ID_PATTERN.test(header) ? header : randomUUID();
}
