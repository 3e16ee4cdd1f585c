import { BREAK, GraphQLError, Kind, visit, type ASTVisitor, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from "graphql";

/**
 * Refuses a selection set that names the same field (response key) more than `max` times,
 * counting the fields its inline fragments AND named fragment spreads bring in (they all
 * merge into the same selection).
 *
 * Why: repeats add nothing to an answer, but graphql-js's OverlappingFieldsCanBeMerged rule
 * compares same-named fields pairwise, so `{ customer { name name ... } }` costs quadratic
 * CPU while staying under the token, depth, alias and cost limits (measured: 2,900 repeats,
 * still under 3,000 tokens, take ~0.8 s of validation per request). Named spreads do the same
 * with fewer tokens each (`...F1 ... ...F330`, each fragment selecting `name`: issue 10 item 8),
 * so they are expanded here too. graphql-armor has no rule for it.
 *
 * The check runs when validation enters the document, before any selection set is visited,
 * and on a violation hands the other rules an empty document to walk (a visitor that returns
 * a node replaces it), so the quadratic rule never sees the repeats. Each fragment's counts
 * are computed once (memoized), so nested spreads cannot make the check itself expensive.
 */
export function maxRepeatedFieldsRule(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const violation = firstViolation(document, max);
      if (!violation) return undefined;
      context.reportError(new GraphQLError(`field "${violation.key}" is selected ${violation.count} times in one selection set (fragments included); at most ${max} allowed`, { nodes: [violation.node] }));
      const empty: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };
      return empty;
    },
  });
}

type Counts = Map<string, number>;

function firstViolation(document: DocumentNode, max: number): { key: string; count: number; node: SelectionSetNode } | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const fragmentCounts = new Map<string, Counts>();
  /** What a fragment adds to the selection it is spread into; a cycle adds nothing (NoFragmentCyclesRule reports it). */
  const countsOfFragment = (name: string, stack: Set<string>): Counts => {
    const known = fragmentCounts.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || stack.has(name)) return new Map();
    stack.add(name);
    const counts = countsOf(fragment.selectionSet, stack);
    stack.delete(name);
    fragmentCounts.set(name, counts);
    return counts;
  };
  const countsOf = (selectionSet: SelectionSetNode, stack: Set<string>): Counts => {
    const counts: Counts = new Map();
    const add = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) add(selection.alias?.value ?? selection.name.value, 1);
      else if (selection.kind === Kind.INLINE_FRAGMENT) for (const [key, n] of countsOf(selection.selectionSet, stack)) add(key, n);
      else for (const [key, n] of countsOfFragment(selection.name.value, stack)) add(key, n);
    }
    return counts;
  };
  let found: { key: string; count: number; node: SelectionSetNode } | undefined;
  visit(document, {
    SelectionSet(node) {
      for (const [key, count] of countsOf(node, new Set())) {
        if (count > max) {
          found = { key, count, node };
          return BREAK;
        }
      }
      return undefined;
    },
  });
  return found;
}
