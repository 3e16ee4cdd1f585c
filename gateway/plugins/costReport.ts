import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../GatewayContext";

/** Request header that asks for the cost report in `extensions.cost`. */
export const COST_REPORT_HEADER = "x-cost-report";

/**
 * Reports what an answer cost: subgraph fetches and the SQL statements each subgraph ran.
 * Tests use it to prove batching and bounded merges through the real gateway; the
 * benchmark uses it for "fetches per query" and "SQL statements per query".
 */
export function costReportPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      if (request.http?.headers.get(COST_REPORT_HEADER) !== "1") return;
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const fetches = contextValue.fetches;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: {
              subgraphFetches: fetches.length,
              sqlStatements: fetches.reduce((sum, f) => sum + f.sqlStatements, 0),
              fetches: fetches.map((f) => ({ subgraph: f.subgraph, sqlStatements: f.sqlStatements, ms: Math.round(f.ms * 10) / 10, ok: f.ok })),
            },
          };
        },
      };
    },
  };
}
