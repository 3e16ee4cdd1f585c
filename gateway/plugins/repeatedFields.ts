import { GraphQLError, Kind, visit, type ASTVisitor, type DocumentNode, type SelectionSetNode, type ValidationContext } from "graphql";

/**
 * Refuses a selection set that names the same field (response key) more than `max` times,
 * counting fields inside its inline fragments too (they merge into the same selection).
 *
 * Why: repeats add nothing to an answer, but graphql-js's OverlappingFieldsCanBeMerged rule
 * compares same-named fields pairwise, so `{ customer { name name ... } }` costs quadratic
 * CPU while staying under the token, depth, alias and cost limits (measured: 2,900 repeats,
 * still under 3,000 tokens, take ~0.8 s of validation per request). graphql-armor has no rule
 * for it.
 *
 * The check runs when validation enters the document, before any selection set is visited,
 * and on a violation hands the other rules an empty document to walk (a visitor that returns
 * a node replaces it), so the quadratic rule never sees the repeats.
 */
export function maxRepeatedFieldsRule(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const violation = firstViolation(document, max);
      if (!violation) return undefined;
      context.reportError(new GraphQLError(`field "${violation.key}" is selected ${violation.count} times in one selection set; at most ${max} allowed`, { nodes: [violation.node] }));
      const empty: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };
      return empty;
    },
  });
}

function firstViolation(document: DocumentNode, max: number): { key: string; count: number; node: SelectionSetNode } | undefined {
  let found: { key: string; count: number; node: SelectionSetNode } | undefined;
  visit(document, {
    SelectionSet(node) {
      const counts = new Map<string, number>();
      countKeys(node, counts);
      for (const [key, count] of counts) {
        if (count > max) {
          found = { key, count, node };
          return false;
        }
      }
      return undefined;
    },
  });
  return found;
}

function countKeys(selectionSet: SelectionSetNode, counts: Map<string, number>): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      countKeys(selection.selectionSet, counts);
    }
  }
}
