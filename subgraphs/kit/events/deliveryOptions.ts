/** How delivery polls and retries; read from the environment at start, overridable in tests. */
export interface DeliveryOptions {
  /** Poll interval of the relay and of each consumer after they found work (EVENTS_POLL_MS, default 100). */
  pollMs: number;
  /** Longest interval an idle relay or consumer backs off to (EVENTS_IDLE_POLL_MS, default 1000; kit/events/pollBackoff.ts). */
  idlePollMs: number;
  /** Attempts before an event lands in the consumer's dead letters (EVENTS_MAX_ATTEMPTS, default 5). */
  maxAttempts: number;
  /** First retry delay; doubles on each further attempt (EVENTS_RETRY_BASE_MS, default 100). */
  retryBaseMs: number;
}

function positive(value: string | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number >= ${min} (got "${value}")`);
  return n;
}

export function readDeliveryOptions(env: NodeJS.ProcessEnv = process.env, overrides: Partial<DeliveryOptions> = {}): DeliveryOptions {
  return {
    pollMs: overrides.pollMs ?? positive(env.EVENTS_POLL_MS, 100, "EVENTS_POLL_MS", 1),
    // A caller that sets pollMs and not idlePollMs (a test) means that interval, without backoff.
    idlePollMs: overrides.idlePollMs ?? (overrides.pollMs !== undefined ? overrides.pollMs : positive(env.EVENTS_IDLE_POLL_MS, 1000, "EVENTS_IDLE_POLL_MS", 1)),
    maxAttempts: overrides.maxAttempts ?? positive(env.EVENTS_MAX_ATTEMPTS, 5, "EVENTS_MAX_ATTEMPTS", 1),
    retryBaseMs: overrides.retryBaseMs ?? positive(env.EVENTS_RETRY_BASE_MS, 100, "EVENTS_RETRY_BASE_MS", 0),
  };
}
