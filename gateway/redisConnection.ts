import Redis from "ioredis";

/** How long start waits for Redis; after that the caller's fallback answers, and Redis takes over once it is up. */
const REDIS_CONNECT_WAIT_MS = 3000;

/**
 * A Redis client for gateway state shared by replicas (rate-limit budgets, the response cache).
 * No offline queue and one retry: while Redis is unreachable a command fails at once and the
 * caller's fallback answers, instead of requests queueing behind reconnect attempts. An outage
 * is logged once (`[gateway] Redis for <purpose> unavailable, <fallback>`) until it is back,
 * and its end too (`... is back`).
 *
 * Waits (briefly) for the first connection, so replicas share state from the first request;
 * a refused first connection ends the wait at once: no point holding the start for it.
 */
export async function connectRedis(url: string, purpose: string, fallback: string): Promise<Redis> {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let warned = false;
  redis.on("error", (error: Error) => {
    if (!warned) console.error(`[gateway] Redis for ${purpose} unavailable, ${fallback}: ${error.message}`);
    warned = true;
  });
  // ioredis reconnects by itself (backoff up to 2 s): say when the outage is over.
  redis.on("ready", () => {
    if (warned) console.log(`[gateway] Redis for ${purpose} is back`);
    warned = false;
  });
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done).off("error", done);
      resolve();
    };
    const timer = setTimeout(done, REDIS_CONNECT_WAIT_MS);
    redis.once("ready", done).once("error", done);
  });
  return redis;
}

/** Closes a client from connectRedis, politely if it can. */
export async function closeRedis(redis: Redis): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}
