import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Kind, parse, print, visit, type FieldDefinitionNode } from "graphql";

export const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist", "scripts");

/** Appends a subgraph to a copied supergraph.yaml / customer360-sources.yaml, as PARTNERS.md says to. */
export function register(dir: string, name: string, port: number, asSource = true): void {
  const config = path.join(dir, "supergraph.yaml");
  if (!new RegExp(`^  ${name}:`, "m").test(fs.readFileSync(config, "utf8"))) {
    fs.appendFileSync(config, `  ${name}:\n    routing_url: http://127.0.0.1:${port}/graphql\n    schema:\n      file: ./subgraphs/${name}.graphql\n`);
  }
  const sources = path.join(dir, "customer360-sources.yaml");
  if (asSource && !new RegExp(`^  - ${name}$`, "m").test(fs.readFileSync(sources, "utf8"))) fs.appendFileSync(sources, `  - ${name}\n`);
}

/** `npm run compose` on a copy (the customers subgraph reads the copy's source list). */
export function compose(dir: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(DIST, "compose.js"), "--config", path.join(dir, "supergraph.yaml")], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CUSTOMER360_SOURCES: path.join(dir, "customer360-sources.yaml") },
  });
}

/**
 * schema/ copied to a temp folder (config, source list, operations) and composed there: a
 * base that is up to date whatever state the repository's generated files are in.
 */
export function composedSchemaCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-check-"));
  for (const file of ["supergraph.yaml", "customer360-sources.yaml"]) fs.copyFileSync(path.join(ROOT, "schema", file), path.join(dir, file));
  fs.cpSync(path.join(ROOT, "schema", "operations"), path.join(dir, "operations"), { recursive: true });
  const result = compose(dir);
  if (result.status !== 0) throw new Error(`compose failed on the copy:\n${result.stdout}${result.stderr}`);
  return dir;
}

export function copyOf(dir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "c360-check-"));
  fs.cpSync(dir, copy, { recursive: true });
  return copy;
}

/** `npm run check` on a copy: the built script as a child process, like CI runs it. */
export function check(dir: string, args: string[] = ["--config", path.join(dir, "supergraph.yaml"), "--base", path.join(dir, "supergraph.graphql"), "--operations", path.join(dir, "operations")]) {
  const result = spawnSync(process.execPath, [path.join(DIST, "check.js"), ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Edits one field of one type in a subgraph SDL file: null removes it. */
export function editField(file: string, typeName: string, fieldName: string, newType: string | null): void {
  const document = parse(fs.readFileSync(file, "utf8"));
  let found = false;
  const edited = visit(document, {
    ObjectTypeDefinition(node) {
      if (node.name.value !== typeName) return undefined;
      const fields: FieldDefinitionNode[] = [];
      for (const field of node.fields ?? []) {
        if (field.name.value !== fieldName) fields.push(field);
        else {
          found = true;
          if (newType !== null) fields.push({ ...field, type: parse(`type X { f: ${newType} }`).definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION ? d.fields ?? [] : []))[0].type });
        }
      }
      return { ...node, fields };
    },
  });
  if (!found) throw new Error(`${typeName}.${fieldName} not found in ${file}`);
  fs.writeFileSync(file, print(edited));
}
