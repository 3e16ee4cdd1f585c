import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";
import type { GraphQLSchema } from "graphql";

export interface SchemaChange {
  /** Schema coordinate when inspector gives one, e.g. "Visit.status". */
  path?: string;
  message: string;
  /** Why inspector rates it so (what breaks for a client). */
  reason?: string;
}

export interface SchemaChanges {
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
}

function toChange(change: Change): SchemaChange {
  return { path: change.path, message: change.message, reason: change.criticality.reason };
}

/** Compares two API schemas with @graphql-inspector/core, grouped by how much a client should worry. */
export async function compareApiSchemas(base: GraphQLSchema, next: GraphQLSchema): Promise<SchemaChanges> {
  const changes = await diff(base, next);
  const of = (level: CriticalityLevel) => changes.filter((change) => change.criticality.level === level).map(toChange);
  return { breaking: of(CriticalityLevel.Breaking), dangerous: of(CriticalityLevel.Dangerous), safe: of(CriticalityLevel.NonBreaking) };
}
