import type Redis from "ioredis";
import { closeRedis, connectRedis } from "./redisConnection";
import { rootLogger } from "../common/observability/logger";

/** What a cached answer holds: the result to send again and the customers it showed (for the audit trail). */
export interface CachedAnswer {
  result: Record<string, unknown>;
  customerIds: string[];
}

/**
 * Where the response cache keeps answers: in memory per replica, or in Redis so every replica
 * pointed at the same REDIS_URL shares them. Every entry is stamped with the cache's
 * generation; a mutation through any replica bumps it, which retires every earlier entry at
 * once (a rep who just cancelled a visit never sees the answer from before).
 * A store that fails (Redis down) answers "not cached" and drops writes: the cache can make an
 * answer faster, never make it fail.
 */
export interface ResponseCacheStore {
  /**
   * The entry, if one of the current generation exists, and the generation seen. A miss stores
   * its answer under THAT generation: if a mutation lands while the answer is being computed,
   * the answer (possibly from before it) is stored already retired.
   */
  get(key: string): Promise<{ answer?: CachedAnswer; generation: number }>;
  set(key: string, answer: CachedAnswer, generation: number, ttlSeconds: number): Promise<void>;
  /** Retires every entry written so far (a mutation went through). */
  invalidateAll(): Promise<void>;
  close(): Promise<void>;
}

interface StoredAnswer extends CachedAnswer {
  generation: number;
}

/** Bounded: the oldest entries go first. */
const MAX_MEMORY_ENTRIES = 5_000;

export class MemoryResponseCacheStore implements ResponseCacheStore {
  private readonly entries = new Map<string, { stored: StoredAnswer; until: number }>();
  private generation = 0;

  async get(key: string): Promise<{ answer?: CachedAnswer; generation: number }> {
    const generation = this.generation;
    const entry = this.entries.get(key);
    if (!entry) return { generation };
    if (entry.until <= Date.now() || entry.stored.generation !== generation) {
      this.entries.delete(key);
      return { generation };
    }
    return { answer: entry.stored, generation };
  }

  async set(key: string, answer: CachedAnswer, generation: number, ttlSeconds: number): Promise<void> {
    if (generation !== this.generation) return;
    this.entries.delete(key);
    this.entries.set(key, { stored: { ...answer, generation }, until: Date.now() + ttlSeconds * 1000 });
    if (this.entries.size > MAX_MEMORY_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  async invalidateAll(): Promise<void> {
    this.generation++;
    this.entries.clear();
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

const PREFIX = "c360:gateway:response";
const GENERATION_KEY = `${PREFIX}:generation`;

export class RedisResponseCacheStore implements ResponseCacheStore {
  /** A client from connectRedis: commands fail at once while Redis is down, and are answered as "not cached". */
  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<{ answer?: CachedAnswer; generation: number }> {
    try {
      // One round trip: the entry and the current generation together.
      const [raw, current] = await this.redis.mget(`${PREFIX}:${key}`, GENERATION_KEY);
      const generation = Number(current ?? 0);
      if (!raw) return { generation };
      const stored = JSON.parse(raw) as StoredAnswer;
      return stored.generation === generation ? { answer: stored, generation } : { generation };
    } catch {
      // Unknown generation: -1 is never current, so nothing computed now gets stored.
      return { generation: -1 };
    }
  }

  async set(key: string, answer: CachedAnswer, generation: number, ttlSeconds: number): Promise<void> {
    if (generation < 0) return;
    try {
      await this.redis.set(`${PREFIX}:${key}`, JSON.stringify({ ...answer, generation }), "EX", ttlSeconds);
    } catch {
      /* not cached this time */
    }
  }

  async invalidateAll(): Promise<void> {
    try {
      await this.redis.incr(GENERATION_KEY);
    } catch {
      // Redis is down: nothing can be read from it either; entries written before expire by TTL,
      // and the bump is lost. Say so: a replica may serve an answer from before this mutation
      // once Redis is back, until its TTL ends.
      rootLogger().error("response cache: could not retire cached answers after a mutation (Redis unavailable); they expire by TTL");
    }
  }

  async close(): Promise<void> {
    await closeRedis(this.redis);
  }
}

/** The store the configuration asks for, or undefined when the cache is off (TTL 0). */
export async function createResponseCacheStore(config: { ttlSeconds: number; redisUrl?: string }): Promise<ResponseCacheStore | undefined> {
  if (config.ttlSeconds === 0) return undefined;
  if (!config.redisUrl) return new MemoryResponseCacheStore();
  return new RedisResponseCacheStore(await connectRedis(config.redisUrl, "the response cache", "answering uncached"));
}
