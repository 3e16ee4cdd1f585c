import fs from "node:fs";
import path from "node:path";
import { Kind, parse, type DocumentNode } from "graphql";
import type { AccessMatrix, CustomerDataDeclarations } from "../../subgraphs/kit";
import { readSupergraphConfig } from "../../schema/tooling/supergraphConfig";

/*
 * The root fields of the composed supergraph, each with the subgraph that resolves it: the
 * security tests enumerate these instead of sampling, so a new root field without a
 * declaration or a test fixture fails them.
 */

export const ROOT = path.resolve(__dirname, "..", "..");

/** Our subgraphs as schema/supergraph.yaml lists them (a partner's, built elsewhere, has no folder here). */
const OWN_SUBGRAPHS = readSupergraphConfig(path.join(ROOT, "schema", "supergraph.yaml"))
  .subgraphs.map((subgraph) => subgraph.name)
  .filter((name) => fs.existsSync(path.join(ROOT, "subgraphs", name, "accessMatrix.ts")));

// Each folder's declarations, read from its accessMatrix.ts and customerData.ts (no list to keep in step).
export const MATRICES: Record<string, AccessMatrix> = Object.fromEntries(OWN_SUBGRAPHS.map((name) => [name, require(path.join(ROOT, "subgraphs", name, "accessMatrix")).accessMatrix]));

export const CUSTOMER_DATA: Record<string, CustomerDataDeclarations> = Object.fromEntries(OWN_SUBGRAPHS.map((name) => [name, require(path.join(ROOT, "subgraphs", name, "customerData")).customerData]));

export interface RootField {
  rootType: "Query" | "Mutation";
  field: string;
  /** The subgraph (lower case, as in supergraph.yaml) that resolves it. */
  subgraph: string;
  /** Not part of the client API (@inaccessible). */
  inaccessible: boolean;
  /** The named return type. */
  returns: string;
}

export function supergraphDocument(): DocumentNode {
  return parse(fs.readFileSync(path.join(ROOT, "schema", "supergraph.graphql"), "utf8"));
}

/** Every Query and Mutation field of the supergraph, with its subgraph (from @join__field). */
export function supergraphRootFields(document: DocumentNode = supergraphDocument()): RootField[] {
  const fields: RootField[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || (definition.name.value !== "Query" && definition.name.value !== "Mutation")) continue;
    for (const field of definition.fields ?? []) {
      const join = field.directives?.find((directive) => directive.name.value === "join__field");
      const graph = join?.arguments?.find((argument) => argument.name.value === "graph")?.value;
      if (!graph || graph.kind !== Kind.ENUM) continue;
      let type = field.type;
      while (type.kind !== Kind.NAMED_TYPE) type = type.type;
      fields.push({
        rootType: definition.name.value,
        field: field.name.value,
        subgraph: graph.value.toLowerCase(),
        inaccessible: !!field.directives?.some((directive) => directive.name.value === "inaccessible"),
        returns: type.name.value,
      });
    }
  }
  return fields;
}

/** Does the field return a type its subgraph declares as a customer's records? */
export function returnsCustomerData(field: RootField): boolean {
  const declaration = CUSTOMER_DATA[field.subgraph]?.[field.returns];
  return typeof declaration === "function";
}
