import { Kind, parse, print, type DocumentNode, type ObjectTypeDefinitionNode } from "graphql";

/*
 * Shared value types (Actor, Handler, TimelineEvent, ...: @shareable, no @key) must be the
 * same in every subgraph. A copy that differs only in nullability composes and surfaces as
 * an unnamed breaking change; a copy missing a field gives pages of SATISFIABILITY_ERROR.
 * This names the subgraph and the field in one line each, before composition.
 */

export interface SharedTypeProblem {
  subgraph: string;
  /** Type.field */
  coordinate: string;
  message: string;
}

type Fields = Map<string, string>;

function sharedValueTypes(document: DocumentNode): Map<string, Fields> {
  const types = new Map<string, Fields>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const node = definition as ObjectTypeDefinitionNode;
    const directives = (node.directives ?? []).map((d) => d.name.value);
    if (!directives.includes("shareable") || directives.includes("key")) continue;
    types.set(node.name.value, new Map((node.fields ?? []).map((f) => [f.name.value, print(f.type)])));
  }
  return types;
}

/**
 * Compares each subgraph's copy of a shared value type with the majority's (our subgraphs
 * all print it from the kit, so the majority is the kit's definition).
 */
export function checkSharedTypes(sdls: Record<string, string>): SharedTypeProblem[] {
  const bySubgraph = new Map<string, Map<string, Fields>>();
  for (const [name, sdl] of Object.entries(sdls)) {
    try {
      bySubgraph.set(name, sharedValueTypes(parse(sdl)));
    } catch {
      // An SDL that does not parse is composition's to report.
    }
  }
  const typeNames = new Set([...bySubgraph.values()].flatMap((types) => [...types.keys()]));
  const problems: SharedTypeProblem[] = [];
  for (const typeName of typeNames) {
    const copies = [...bySubgraph].filter(([, types]) => types.has(typeName)).map(([subgraph, types]) => ({ subgraph, fields: types.get(typeName)! }));
    if (copies.length < 3) continue; // no majority to call canonical
    const signature = (fields: Fields) => JSON.stringify([...fields].sort());
    const counts = new Map<string, number>();
    for (const copy of copies) counts.set(signature(copy.fields), (counts.get(signature(copy.fields)) ?? 0) + 1);
    const [canonicalSignature, votes] = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (votes <= copies.length / 2) continue;
    const canonical = copies.find((c) => signature(c.fields) === canonicalSignature)!.fields;
    for (const { subgraph, fields } of copies) {
      for (const [field, type] of canonical) {
        const theirs = fields.get(field);
        if (theirs === undefined) problems.push({ subgraph, coordinate: `${typeName}.${field}`, message: `missing (the shared type has ${field}: ${type})` });
        else if (theirs !== type) {
          const onlyNullability = theirs.replace(/!/g, "") === type.replace(/!/g, "");
          problems.push({ subgraph, coordinate: `${typeName}.${field}`, message: `is ${theirs}, the shared type has ${type}${onlyNullability ? " (nullability differs)" : ""}` });
        }
      }
      for (const [field, type] of fields) {
        if (!canonical.has(field)) problems.push({ subgraph, coordinate: `${typeName}.${field}`, message: `is not in the shared type (${field}: ${type})` });
      }
    }
  }
  return problems;
}
