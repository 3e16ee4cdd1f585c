import fs from "node:fs";
import path from "node:path";
import { Kind, parse, type DocumentNode } from "graphql";
import type { AccessMatrix, CustomerDataDeclarations } from "../../subgraphs/kit";
import { accessMatrix as aftersalesMatrix } from "../../subgraphs/aftersales/accessMatrix";
import { accessMatrix as auditMatrix } from "../../subgraphs/audit/accessMatrix";
import { accessMatrix as billingMatrix } from "../../subgraphs/billing/accessMatrix";
import { accessMatrix as customersMatrix } from "../../subgraphs/customers/accessMatrix";
import { accessMatrix as fieldserviceMatrix } from "../../subgraphs/fieldservice/accessMatrix";
import { accessMatrix as ordersMatrix } from "../../subgraphs/orders/accessMatrix";
import { accessMatrix as securityMatrix } from "../../subgraphs/security/accessMatrix";
import { customerData as aftersalesData } from "../../subgraphs/aftersales/customerData";
import { customerData as auditData } from "../../subgraphs/audit/customerData";
import { customerData as billingData } from "../../subgraphs/billing/customerData";
import { customerData as customersData } from "../../subgraphs/customers/customerData";
import { customerData as fieldserviceData } from "../../subgraphs/fieldservice/customerData";
import { customerData as ordersData } from "../../subgraphs/orders/customerData";
import { customerData as securityData } from "../../subgraphs/security/customerData";

/*
 * The root fields of the composed supergraph, each with the subgraph that resolves it: the
 * security tests enumerate these instead of sampling, so a new root field without a
 * declaration or a test fixture fails them.
 */

export const ROOT = path.resolve(__dirname, "..", "..");

export const MATRICES: Record<string, AccessMatrix> = {
  aftersales: aftersalesMatrix,
  audit: auditMatrix,
  billing: billingMatrix,
  customers: customersMatrix,
  fieldservice: fieldserviceMatrix,
  orders: ordersMatrix,
  security: securityMatrix,
};

export const CUSTOMER_DATA: Record<string, CustomerDataDeclarations> = {
  aftersales: aftersalesData,
  audit: auditData,
  billing: billingData,
  customers: customersData,
  fieldservice: fieldserviceData,
  orders: ordersData,
  security: securityData,
};

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
