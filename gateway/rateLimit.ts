import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { RateLimiterRes } from "rate-limiter-flexible";
import { ErrorCode } from "../common/errorCodes";
import type { RateLimitConfig } from "./config";
import { gatewayMetrics } from "./observability/gatewayMetrics";
import { createPerMinuteLimiter } from "./perMinuteLimiter";

/** Shared by every replica that points at the same Redis, so they share one budget per caller. */
const REDIS_KEY_PREFIX = "c360:gateway:rate";

/** Whole seconds until a refused key has budget again (Retry-After), at least 1. */
export function retryAfterSeconds(rejection: RateLimiterRes): number {
  return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
}

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
  const { limiter, close } = await createPerMinuteLimiter(config, REDIS_KEY_PREFIX, "rate limiting");
  return {
    async consume(subject) {
      try {
        await limiter.consume(subject);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        gatewayMetrics.rateLimited.inc();
        const retryAfter = retryAfterSeconds(rejection);
        throw new GraphQLError(`rate limit of ${config.perMinute} requests per minute exceeded; retry in ${retryAfter} s`, {
          extensions: {
            code: ErrorCode.RATE_LIMITED,
            retryAfterSeconds: retryAfter,
            http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfter)]]) },
          },
        });
      }
    },
    close,
  };
}
