import { GraphQLError, Kind, type ASTVisitor, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from "graphql";

/**
 * Refuses a document whose operations, with every fragment spread expanded, select more than
 * `max` fields in all. The token cap bounds the text, not what it stands for: fragments that
 * spread other fragments several times grow exponentially when expanded, and every later
 * step (depth and cost rules, validation, planning, execution) walks the expanded form.
 *
 * Runs when validation enters the document, before any rule visits a selection, and on a
 * violation hands the other rules an empty document (see repeatedFields.ts). Sizes are
 * memoized per fragment, so the count itself is linear in the document.
 */
export function maxExpandedSelectionsRule(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const size = expandedSize(document);
      if (size <= max) return undefined;
      context.reportError(new GraphQLError(`the operation selects ${Number.isFinite(size) ? size : "too many"} fields once its fragments are expanded; at most ${max} allowed`));
      const empty: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };
      return empty;
    },
  });
}

/** Fields selected by all operations of the document, fragments expanded (a cycle counts 0: NoFragmentCyclesRule reports it). */
export function expandedSize(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const sizes = new Map<string, number>();
  const onStack = new Set<string>();
  const fragmentSize = (name: string): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || onStack.has(name)) return 0;
    onStack.add(name);
    const size = sizeOf(fragment.selectionSet);
    onStack.delete(name);
    sizes.set(name, size);
    return size;
  };
  const sizeOf = (selectionSet: SelectionSetNode | undefined): number => {
    let size = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) size += 1 + sizeOf(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) size += sizeOf(selection.selectionSet);
      else size += fragmentSize(selection.name.value);
    }
    return size;
  };
  let total = 0;
  for (const definition of document.definitions) if (definition.kind === Kind.OPERATION_DEFINITION) total += sizeOf(definition.selectionSet);
  return total;
}
