import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { ErrorCode } from "../common/errorCodes";
import type { RateLimitConfig } from "./config";

const WINDOW_SECONDS = 60;
/** How long start waits for Redis; after that it serves on the fallback budget, and Redis takes over once it is up. */
const REDIS_CONNECT_WAIT_MS = 3000;
/** Shared by every replica that points at the same Redis, so they share one budget per caller. */
const REDIS_KEY_PREFIX = "c360:gateway:rate";

export interface CallerRateLimiter {
  /** Spends one request of `subject`'s budget; throws RATE_LIMITED (HTTP 429, Retry-After) when none is left. */
  consume(subject: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Requests per caller (JWT subject) per minute, with rate-limiter-flexible: in memory by
 * default, in Redis when REDIS_URL is set. If Redis fails, each replica falls back to its own
 * in-memory budget (the insurance limiter) rather than refusing everyone or letting everyone through.
 */
export async function createCallerRateLimiter(config: RateLimitConfig): Promise<CallerRateLimiter> {
  const memory = () => new RateLimiterMemory({ points: config.perMinute, duration: WINDOW_SECONDS });
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract;
  if (config.redisUrl) {
    // No offline queue: while Redis is unreachable a command fails at once and the insurance
    // limiter answers, instead of requests queueing behind reconnect attempts.
    redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    let warned = false;
    redis.on("error", (error: Error) => {
      if (!warned) console.error(`[gateway] Redis for rate limiting unavailable, limiting per replica: ${error.message}`);
      warned = true;
    });
    redis.on("ready", () => (warned = false));
    limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: REDIS_KEY_PREFIX,
      points: config.perMinute,
      duration: WINDOW_SECONDS,
      insuranceLimiter: memory(),
    });
    // Without the offline queue, requests served before the connection is up would all fall to
    // the per-replica fallback: wait (briefly) so replicas share the budget from the first request.
    // A refused first connection ends the wait at once: no point holding the start for it.
    const connection = redis;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        connection.off("ready", done).off("error", done);
        resolve();
      };
      const timer = setTimeout(done, REDIS_CONNECT_WAIT_MS);
      connection.once("ready", done).once("error", done);
    });
  } else {
    limiter = memory();
  }
  return {
    async consume(subject) {
      try {
        await limiter.consume(subject);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new GraphQLError(`rate limit of ${config.perMinute} requests per minute exceeded; retry in ${retryAfter} s`, {
          extensions: {
            code: ErrorCode.RATE_LIMITED,
            retryAfterSeconds: retryAfter,
            http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfter)]]) },
          },
        });
      }
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis!.disconnect());
    },
  };
}
