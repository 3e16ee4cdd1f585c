/**
 * GraphiQL's tabs on first open: every stored operation file in schema/operations/ (the
 * README's queries and what the console sends), bundled as text at build time, with
 * variables that find the story customers of the seed data.
 */
const files = import.meta.glob("../../../schema/operations/**/*.graphql", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

/** Variables for the operations a new user tries first (docs/STORY_DATA.md says who is who). */
const VARIABLES: Record<string, Record<string, unknown>> = {
  Customer360: { identifier: "+86 135 5555 0505" },
  OrderWithMakersCase: { number: "YG-20261102-0001" },
  ConsoleFind: { identifier: "YG-20261102-0001" },
  ConsoleCustomer: { id: "C-S1", first: 20 },
  TimelinePage: { customerId: "C-S1" },
};

function firstOperationName(text: string): string | undefined {
  return /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(text)?.[1];
}

export const SAVED_EXAMPLES = Object.entries(files)
  .sort(([a], [b]) => (a.endsWith("customer360.graphql") ? -1 : b.endsWith("customer360.graphql") ? 1 : a.localeCompare(b)))
  .map(([, query]) => {
    const variables = VARIABLES[firstOperationName(query) ?? ""];
    return { query, variables: variables ? JSON.stringify(variables, null, 2) : null };
  });
