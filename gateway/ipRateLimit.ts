import type { IncomingMessage } from "node:http";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { IpRateLimitConfig } from "./config";
import { retryAfterSeconds } from "./rateLimit";
import { createPerMinuteLimiter } from "./perMinuteLimiter";

/** Apart from the per-caller keys (gateway/rateLimit.ts): an IP and a subject never share a budget. */
const REDIS_KEY_PREFIX = "c360:gateway:ip-rate";

export interface IpRateLimiter {
  /** Spends one request of the client IP's budget: undefined when it may go on, else the seconds to wait (Retry-After). */
  consume(req: IncomingMessage): Promise<number | undefined>;
  close(): Promise<void>;
}

/**
 * Requests per client IP per minute, counted before the bearer token is verified: the
 * per-caller limit needs a verified subject, so without this a flood of missing, malformed
 * or forged tokens was never counted, and each forged one cost a signature check. Same
 * storage rules as the per-caller limiter: in memory, or Redis (REDIS_URL) with an in-memory
 * insurance limiter while Redis is down.
 */
export async function createIpRateLimiter(config: IpRateLimitConfig): Promise<IpRateLimiter> {
  const { limiter, close } = await createPerMinuteLimiter(config, REDIS_KEY_PREFIX, "per-IP rate limiting");
  return {
    async consume(req) {
      try {
        await limiter.consume(clientIp(req, config.trustedProxyHops));
        return undefined;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return retryAfterSeconds(rejection);
      }
    },
    close,
  };
}

/**
 * The client's address. X-Forwarded-For is written by the client first and by each proxy
 * after, so only the entries the trusted proxies appended (from the right) can be believed;
 * with no trusted proxy the header is ignored, or anyone could pick a fresh budget per request.
 */
export function clientIp(req: IncomingMessage, trustedProxyHops: number): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (trustedProxyHops === 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : header ?? "").split(",").map((a) => a.trim()).filter(Boolean);
  return forwarded[forwarded.length - trustedProxyHops] ?? forwarded[0] ?? peer;
}
