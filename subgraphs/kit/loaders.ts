import DataLoader from "dataloader";

/** Bound on one `IN (...)` list: keeps statements a sane size on both SQLite and PostgreSQL. */
export const MAX_BATCH = 500;

/**
 * A per-request loader of one row per key. Results come back in key order, with null for a
 * key that has no row (callers decide whether that is NOT_FOUND).
 */
export function rowLoader<K extends string | number, R>(
  fetch: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(
    async (keys) => {
      const rows = await fetch(keys);
      const byKey = new Map(rows.map((row) => [keyOf(row), row] as const));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/**
 * A per-request loader of many rows per key (a customer's orders, a case's visits).
 * One statement serves every parent in the answer, which is what keeps the statement count
 * flat however many parents there are.
 */
export function groupLoader<K extends string | number, R>(
  fetch: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(
    async (keys) => {
      const rows = await fetch(keys);
      const groups = new Map<K, R[]>();
      for (const row of rows) {
        const key = keyOf(row);
        const group = groups.get(key);
        if (group) group.push(row);
        else groups.set(key, [row]);
      }
      return keys.map((key) => groups.get(key) ?? []);
    },
    { maxBatchSize: MAX_BATCH },
  );
}
