import type Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { closeRedis, connectRedis } from "./redisConnection";

const WINDOW_SECONDS = 60;

export interface PerMinuteLimiter {
  limiter: RateLimiterAbstract;
  close(): Promise<void>;
}

/**
 * A budget of `perMinute` requests per key, with rate-limiter-flexible: in memory by default,
 * in Redis when `redisUrl` is set (every replica on that Redis shares one budget per key). If
 * Redis fails, each replica falls back to its own in-memory budget (the insurance limiter)
 * rather than refusing everyone or letting everyone through. The per-caller and per-IP
 * limits (rateLimit.ts, ipRateLimit.ts) are two of these with their own key prefixes.
 */
export async function createPerMinuteLimiter(config: { perMinute: number; redisUrl?: string }, keyPrefix: string, purpose: string): Promise<PerMinuteLimiter> {
  const memory = () => new RateLimiterMemory({ points: config.perMinute, duration: WINDOW_SECONDS });
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract;
  if (config.redisUrl) {
    redis = await connectRedis(config.redisUrl, purpose, "limiting per replica");
    limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix, points: config.perMinute, duration: WINDOW_SECONDS, insuranceLimiter: memory() });
  } else {
    limiter = memory();
  }
  return {
    limiter,
    async close() {
      if (redis) await closeRedis(redis);
    },
  };
}
