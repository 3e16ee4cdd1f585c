import fs from "node:fs";
import path from "node:path";
import {
  Kind,
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";

/** One operation from a .graphql file, with the file's fragments it may spread. */
export interface StoredOperation {
  file: string;
  name: string;
  document: DocumentNode;
}

export interface OperationProblem {
  file: string;
  /** Operation name, "(anonymous)", or "(file)" when the file does not parse. */
  operation: string;
  /** "Type.field" when the error is about a field we can name. */
  field?: string;
  message: string;
  line?: number;
  column?: number;
}

export interface LoadedOperations {
  operations: StoredOperation[];
  /** Files that do not even parse: a problem whatever the schema. */
  problems: OperationProblem[];
  files: number;
}

function graphqlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? graphqlFiles(path.join(dir, entry.name)) : entry.name.endsWith(".graphql") ? [path.join(dir, entry.name)] : []))
    .sort();
}

/** Every operation under `dir` (recursively), each as its own document so errors name it. */
export function loadOperations(dir: string, displayRoot = process.cwd()): LoadedOperations {
  const operations: StoredOperation[] = [];
  const problems: OperationProblem[] = [];
  const files = graphqlFiles(dir);
  for (const absolute of files) {
    const relative = path.relative(displayRoot, absolute);
    const file = relative && !relative.startsWith("..") ? relative : absolute;
    let document: DocumentNode;
    try {
      document = parse(fs.readFileSync(absolute, "utf8"));
    } catch (error) {
      const located = error as { message: string; locations?: { line: number; column: number }[] };
      problems.push({ file, operation: "(file)", message: located.message, line: located.locations?.[0]?.line, column: located.locations?.[0]?.column });
      continue;
    }
    const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const operation = definition as OperationDefinitionNode;
      operations.push({ file, name: operation.name?.value ?? "(anonymous)", document: { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] } });
    }
  }
  return { operations, problems, files: files.length };
}

/** Unused fragments are fine: each operation is validated alone, with all of its file's fragments. */
const RULES = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

const UNKNOWN_FIELD = /Cannot query field "([^"]+)" on type "([^"]+)"/;

/** The operations that do not validate against `schema`, one line per error. */
export function validateOperations(operations: StoredOperation[], schema: GraphQLSchema): OperationProblem[] {
  const problems: OperationProblem[] = [];
  for (const operation of operations) {
    for (const error of validate(schema, operation.document, RULES)) {
      const unknown = UNKNOWN_FIELD.exec(error.message);
      const node = error.nodes?.[0];
      const field = unknown ? `${unknown[2]}.${unknown[1]}` : node?.kind === Kind.FIELD ? node.name.value : undefined;
      problems.push({ file: operation.file, operation: operation.name, field, message: error.message, line: error.locations?.[0]?.line, column: error.locations?.[0]?.column });
    }
  }
  return problems;
}
