/**
 * Polls `probe` every `everyMs` until it gives a value (anything truthy) and returns it; after
 * `timeoutMs` it fails, naming what it waited for. For the suites that wait on other
 * processes: an event to be delivered, a subgraph to come back, a log line to appear.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
