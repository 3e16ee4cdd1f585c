import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Caller } from "../../../common/caller";
import { ErrorCode } from "../../../common/errorCodes";
import type { StatementCounter } from "../sqlStatementCounter";
import { subgraphRequestScope } from "./subgraphRequestScope";

const MAX_CODES = 20;

/** Fills the subgraph request's record from Apollo: operation, caller, outcome, error codes, SQL statements run. */
export function subgraphObservabilityPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operationName }) {
          const record = subgraphRequestScope.ofContext(contextValue as object | undefined);
          if (!record) return;
          const caller = (contextValue as { caller?: Caller } | undefined)?.caller;
          record.operation = operationName ?? null;
          record.subject = caller?.subject;
          record.role = caller?.role;
          // Read here: the count is the request's own (its context's counter).
          record.sqlStatements = (contextValue as { sqlStatements?: StatementCounter } | undefined)?.sqlStatements?.statements ?? 0;
          const result = response.body.kind === "single" ? response.body.singleResult : response.body.initialResult;
          const errors = result.errors ?? [];
          const codes = new Set<string>();
          for (const error of errors) if (codes.size < MAX_CODES) codes.add(typeof error.extensions?.code === "string" ? error.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR);
          record.errorCodes = [...codes].sort();
          record.outcome = errors.length === 0 ? "complete" : result.data ? "partial" : "error";
        },
      };
    },
  };
}
