/**
 * Bounds a metric label's values: Prometheus keeps one series per label value, so a client
 * that sends a new operation name per request must not create a new series each time.
 * Known values (the trusted operations' names) always pass; after that, the first `cap`
 * other well-formed names; everything else is "other". An anonymous operation is "anonymous".
 */
export class BoundedLabels {
  private readonly seen = new Set<string>();

  constructor(
    private readonly known: ReadonlySet<string> = new Set(),
    private readonly cap = 50,
  ) {}

  label(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (this.known.has(name) || this.seen.has(name)) return name;
    if (this.seen.size >= this.cap || !/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name)) return "other";
    this.seen.add(name);
    return name;
  }
}
