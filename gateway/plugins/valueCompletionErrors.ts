import type { ApolloServerPlugin } from "@apollo/server";
import { valueCompletionErrors } from "../../common/formatError";
import type { GatewayContext } from "../GatewayContext";

/**
 * Moves the gateway's value-completion errors (common/formatError.ts) from
 * `extensions.valueCompletion` into `errors`, coded INTERNAL_SERVER_ERROR, so a non-null
 * violation anywhere is never `data: null` without errors, and the raw error objects
 * (messages naming internal types) never leave. Registered before the response cache, which
 * keeps only answers without errors.
 */
export function valueCompletionErrorsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          if (!result.extensions || !("valueCompletion" in result.extensions)) return;
          const { valueCompletion, ...extensions } = result.extensions;
          result.errors = [...(result.errors ?? []), ...valueCompletionErrors(valueCompletion)];
          result.extensions = Object.keys(extensions).length > 0 ? extensions : undefined;
        },
      };
    },
  };
}
