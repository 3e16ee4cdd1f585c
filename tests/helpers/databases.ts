/**
 * Runs a suite once per database we support: always on embedded SQLite, and on
 * PostgreSQL when DATABASE_URL is set. Without it the PostgreSQL run is reported as
 * skipped, with the reason in its name.
 */
export interface DatabaseTarget {
  label: "sqlite" | "postgres";
  /** undefined: SQLite in a temporary folder. */
  databaseUrl?: string;
}

export const DATABASE_TARGETS: DatabaseTarget[] = [{ label: "sqlite" }, { label: "postgres", databaseUrl: process.env.DATABASE_URL }];

export function describeEachDatabase(name: string, suite: (target: DatabaseTarget) => void): void {
  for (const target of DATABASE_TARGETS) {
    if (target.label === "postgres" && !target.databaseUrl) {
      describe.skip(`${name} [postgres] (skipped: DATABASE_URL not set)`, () => {
        it("runs only with DATABASE_URL", () => undefined);
      });
      continue;
    }
    describe(`${name} [${target.label}]`, () => suite(target));
  }
}
