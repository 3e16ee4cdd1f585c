/**
 * A size-bounded map whose entries expire: the one shape of the gateway's small in-memory
 * caches (verified client tokens, signed caller tokens, audit persons). Insertion order is
 * recency (a set moves the key to the end), so the oldest entry goes first when full.
 * `now` is a parameter so tests can move time.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly maxEntries: number) {}

  /** The value while `now` is before its expiry; an expired entry is dropped. */
  get(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Remembers `value` until the epoch-ms `until`, evicting the oldest entries beyond the bound. */
  set(key: string, value: V, until: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
