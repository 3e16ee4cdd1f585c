import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";

/**
 * Trusted documents (persisted operations): the operations our own clients send, built at
 * start from every *.graphql file under a folder (default schema/operations). Each operation
 * becomes one document -- the operation plus the fragments it uses, printed canonically --
 * identified by the sha256 of that text, the id Apollo's APQ clients send as
 * `extensions.persistedQuery.sha256Hash`. No build step: the gateway reads the files itself.
 *
 * `node dist/gateway/trustedDocuments.js [dir]` prints the manifest in Apollo's
 * persisted-query-manifest format, for clients that ship ids instead of documents.
 */
export interface TrustedDocument {
  /** sha256 (hex) of `body`. */
  id: string;
  name: string;
  type: OperationDefinitionNode["operation"];
  body: string;
  /** The file it came from, relative to the folder. */
  file: string;
}

export interface TrustedDocuments {
  dir: string;
  byId: ReadonlyMap<string, TrustedDocument>;
  /** True when this exact text, or the canonical form of the operation it selects, is in the manifest. */
  isTrusted(queryHash: string | undefined, document: DocumentNode | undefined, operationName: string | null | undefined): boolean;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function graphqlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".graphql"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * One operation with the fragments it reaches (transitively), printed with the operation first
 * and fragments by name, so the same operation always hashes the same whatever file layout
 * or formatting it was written in.
 */
export function canonicalOperation(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): string {
  const ordered = [...reachableFragments(operation, fragments).used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...ordered] });
}

/** The fragments an operation spreads, directly or through other fragments, and the names it spreads that do not exist. */
function reachableFragments(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>) {
  const used = new Map<string, FragmentDefinitionNode>();
  const missing = new Set<string>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (!fragment) missing.add(name);
        else if (!used.has(name)) {
          used.set(name, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return { used, missing };
}

/** The canonical text of the operation a request selects, or undefined when none is selected unambiguously. */
function selectedOperationText(document: DocumentNode, operationName: string | null | undefined): string | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return undefined;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return canonicalOperation(operation, fragments);
}

/**
 * Reads the folder. Fragments may live in any file (shared fragment files are common);
 * operation and fragment names must be unique across the folder, as codegen tools require,
 * so a name always means one thing. A missing folder is an empty manifest.
 */
export function loadTrustedDocuments(dir: string): TrustedDocuments {
  const operations: Array<{ node: OperationDefinitionNode; file: string }> = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  const fragmentFiles = new Map<string, string>();
  for (const file of graphqlFiles(dir)) {
    const relative = path.relative(dir, file);
    let document: DocumentNode;
    try {
      document = parse(fs.readFileSync(file, "utf8"), { noLocation: true });
    } catch (error) {
      throw new Error(`trusted documents: ${relative}: ${(error as Error).message}`);
    }
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const name = definition.name.value;
        if (fragmentFiles.has(name)) throw new Error(`trusted documents: fragment "${name}" is defined in both ${fragmentFiles.get(name)} and ${relative}`);
        fragments.set(name, definition);
        fragmentFiles.set(name, relative);
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!definition.name) throw new Error(`trusted documents: ${relative}: every operation needs a name`);
        operations.push({ node: definition, file: relative });
      }
    }
  }
  const byId = new Map<string, TrustedDocument>();
  const byName = new Map<string, TrustedDocument>();
  for (const { node, file } of operations) {
    const name = node.name!.value;
    if (byName.has(name)) throw new Error(`trusted documents: operation "${name}" is defined in both ${byName.get(name)!.file} and ${file}`);
    for (const missing of reachableFragments(node, fragments).missing) throw new Error(`trusted documents: ${file}: operation "${name}" uses unknown fragment "${missing}"`);
    const body = canonicalOperation(node, fragments);
    const trusted: TrustedDocument = { id: sha256Hex(body), name, type: node.operation, body, file };
    byId.set(trusted.id, trusted);
    byName.set(name, trusted);
  }
  return {
    dir,
    byId,
    isTrusted(queryHash, document, operationName) {
      if (queryHash && byId.has(queryHash)) return true;
      if (!document) return false;
      const text = selectedOperationText(document, operationName);
      return text !== undefined && byId.has(sha256Hex(text));
    },
  };
}

/**
 * Apollo Server's APQ cache interface over the manifest: a hash-only request finds its
 * document here. Read-only on purpose -- a client's "registration" (hash plus query) must not
 * add to what is trusted; it runs (or is refused in enforce mode) like any sent document.
 */
export function persistedQueryCache(trusted: TrustedDocuments) {
  return {
    // Apollo prefixes keys ("apq:<hash>"); the hash is what follows the last colon.
    async get(key: string): Promise<string | undefined> {
      return trusted.byId.get(key.slice(key.lastIndexOf(":") + 1))?.body;
    },
    async set(): Promise<void> {},
    async delete(): Promise<boolean> {
      return false;
    },
  };
}

/** The manifest in Apollo's persisted-query-manifest format (what @apollo/generate-persisted-query-manifest writes). */
export function manifestJson(trusted: TrustedDocuments): string {
  const operations = [...trusted.byId.values()].map(({ id, name, type, body }) => ({ id, name, type, body }));
  return JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations }, null, 2);
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join("schema", "operations"));
  try {
    console.log(manifestJson(loadTrustedDocuments(dir)));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
