import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode } from "../../common/errorCodes";
import type { GatewayContext } from "../GatewayContext";
import { recordOf } from "./gatewayRequestScope";

const MAX_CODES = 20;

/**
 * Fills the request's record (see observeGatewayRequest) from what Apollo knows: the
 * operation, who asked, and how the answer came out: complete (no errors), partial (data
 * and errors) or error (no data); which sources were missing (SUBGRAPH_UNAVAILABLE errors
 * name them in `serviceName`); the error codes. Registered after the audit trail, so an
 * answer the trail withheld is seen as sent.
 */
export function observabilityPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName, contextValue }) {
          const record = recordOf(contextValue);
          record?.span?.updateName(`${operation?.operation ?? "operation"} ${operationName ?? "anonymous"}`);
        },
        async willSendResponse({ response, contextValue, operationName }) {
          const record = recordOf(contextValue);
          if (!record) return;
          record.operation = operationName ?? null;
          record.subject = contextValue?.caller?.subject;
          record.role = contextValue?.caller?.role;
          const result = response.body.kind === "single" ? response.body.singleResult : response.body.initialResult;
          const errors = result.errors ?? [];
          const codes = new Set<string>();
          const missing = new Set<string>();
          for (const error of errors) {
            const code = typeof error.extensions?.code === "string" ? error.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
            if (codes.size < MAX_CODES) codes.add(code);
            if (code === ErrorCode.SUBGRAPH_UNAVAILABLE && typeof error.extensions?.serviceName === "string") missing.add(error.extensions.serviceName);
          }
          record.errorCodes = [...codes].sort();
          record.missingSources = [...missing].sort();
          record.outcome = errors.length === 0 ? "complete" : result.data ? "partial" : "error";
        },
      };
    },
  };
}
