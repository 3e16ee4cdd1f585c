/**
 * How long an idle relay or consumer waits before it looks again: EVENTS_POLL_MS right after
 * it found work, doubling while it finds none, up to EVENTS_IDLE_POLL_MS. A quiet graph of
 * nine processes polling every 100 ms spent a fifth of a core on empty reads (PostgreSQL);
 * under traffic the interval stays at the base, so event lag does too.
 */
export class PollBackoff {
  private wait: number;

  constructor(
    private readonly baseMs: number,
    private readonly idleMs: number = baseMs,
  ) {
    this.wait = baseMs;
  }

  /** The delay before the next poll, given whether the last one found anything. */
  next(foundWork: boolean): number {
    this.wait = foundWork ? this.baseMs : Math.min(this.wait * 2, Math.max(this.idleMs, this.baseMs));
    return this.wait;
  }
}
