import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counts the SQL statements one subgraph request runs. Kysely's `log` hook is global to a
 * database handle, so the per-request count lives in an AsyncLocalStorage scope opened
 * around each HTTP request. Tests and the benchmark read it from the `x-sql-statements`
 * response header to prove that batching holds (the count must not grow with the answer).
 */
interface Scope {
  statements: number;
}

const storage = new AsyncLocalStorage<Scope>();

export function countStatement(): void {
  const scope = storage.getStore();
  if (scope) scope.statements += 1;
}

export async function withStatementCount<T>(fn: () => Promise<T>): Promise<T> {
  return storage.run({ statements: 0 }, fn);
}

export function currentStatementCount(): number {
  return storage.getStore()?.statements ?? 0;
}
