import type { GraphQLSchema } from "graphql";
import { DocumentCache } from "./server/documentCache";

/** The schema a request runs on, with the documents already checked against it. */
export interface ServedSchema {
  schema: GraphQLSchema;
  documents: DocumentCache;
}

export interface LiveSchema {
  /** The schema to run the next request on. */
  current(): ServedSchema;
  /** Serves `schema` from the next request on; requests in flight finish on theirs. */
  swap(schema: GraphQLSchema): void;
}

/**
 * The schema a subgraph serves, swappable while it runs (a definition's watchSchema, or
 * reloadSchema). A request takes `current()` once and keeps it, so it is parsed, validated and
 * executed on one schema. A swap starts an empty document cache: a document valid on the old
 * schema may not be on the new one.
 */
export function liveSchema(schema: GraphQLSchema, options: { introspection: boolean }): LiveSchema {
  const serve = (next: GraphQLSchema): ServedSchema => ({ schema: next, documents: new DocumentCache(next, options) });
  let current = serve(schema);
  return {
    current: () => current,
    swap(next) {
      current = serve(next);
    },
  };
}
