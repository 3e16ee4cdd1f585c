import type { GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from "@apollo/server-gateway-interface";
import type { GraphQLSchema } from "graphql";

export interface LiveSchema {
  /** Pass as ApolloServer's `gateway`: the server then executes on whichever schema is current. */
  gateway: GatewayInterface;
  /** Serves `schema` (with its SDL) from the next request on; requests in flight finish on theirs. */
  swap(schema: GraphQLSchema, sdl: string): void;
}

/**
 * A schema Apollo Server can swap while running. Apollo Server has no "set schema" for a
 * plain schema, but it does follow a gateway's schema updates; this is a gateway with no
 * executor of its own (`executor: null`), so Apollo executes each request itself, on the
 * schema most recently handed over. The same mechanism Apollo Gateway uses for hot reload.
 */
export function liveSchema(schema: GraphQLSchema, sdl: string): LiveSchema {
  let current = { apiSchema: schema, coreSupergraphSdl: sdl };
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  return {
    gateway: {
      onSchemaLoadOrUpdate(callback) {
        listeners.add(callback);
        return () => listeners.delete(callback);
      },
      async load() {
        for (const listener of listeners) listener(current);
        return { executor: null };
      },
      async stop() {
        listeners.clear();
      },
    },
    swap(next, nextSdl) {
      current = { apiSchema: next, coreSupergraphSdl: nextSdl };
      for (const listener of listeners) listener(current);
    },
  };
}
