import fs from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import { preset as clientPreset } from "@graphql-codegen/client-preset";
import { printSchema } from "graphql";
import { apiSchemaOf } from "../schema/tooling/checkApiSchema";

/**
 * The typed client frontend teams import (client/generated/): graphql-codegen's client preset
 * over every operation in schema/operations/, typed against the API schema clients see (the
 * composed supergraph without federation's machinery, as `npm run check` judges operations).
 * Documents are plain strings carrying their result and variable types (documentMode
 * "string"), so a client sends exactly the text the trusted-documents manifest holds, with no
 * GraphQL parser in the browser bundle.
 *
 *   node dist/client/codegen.js           regenerate client/generated/
 *   node dist/client/codegen.js --check   exit 1 when the checked-in files are stale (drift test)
 */
// Built, this runs from dist/client/; the repository root is above dist/.
// CLIENT_ROOT points it at a copy of the repository (the drift test's).
const ROOT = process.env.CLIENT_ROOT ?? (path.basename(path.resolve(__dirname, "..")) === "dist" ? path.resolve(__dirname, "..", "..") : path.resolve(__dirname, ".."));
const OUT = "client/generated/";

export async function generateClient(root: string): Promise<Array<{ filename: string; content: string }>> {
  const apiSdl = printSchema(apiSchemaOf(fs.readFileSync(path.join(root, "schema", "supergraph.graphql"), "utf8")));
  const files = await generate(
    {
      cwd: root,
      // Raw SDL: codegen parses it as is, no file of its own to keep in sync.
      schema: apiSdl,
      documents: ["schema/operations/**/*.graphql"],
      ignoreNoDocuments: false,
      silent: true,
      generates: {
        [OUT]: {
          // The module itself, not its name: resolved from here, whatever the working directory.
          preset: clientPreset,
          presetConfig: { fragmentMasking: false },
          config: { documentMode: "string", enumsAsTypes: true, useTypeImports: true, skipTypename: false },
        },
      },
    },
    false,
  );
  return (files as Array<{ filename: string; content: string }>).map((file) => ({ filename: path.relative(root, path.resolve(root, file.filename)), content: file.content }));
}

async function main() {
  const check = process.argv.includes("--check");
  const files = await generateClient(ROOT);
  const stale = files.filter((file) => {
    const target = path.join(ROOT, file.filename);
    return !fs.existsSync(target) || fs.readFileSync(target, "utf8") !== file.content;
  });
  const expected = new Set(files.map((file) => file.filename));
  const dir = path.join(ROOT, OUT);
  const extra = fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => path.join(OUT, name)).filter((name) => !expected.has(name)) : [];
  if (check) {
    if (stale.length || extra.length) {
      for (const file of stale) console.error(`stale: ${file.filename}`);
      for (const file of extra) console.error(`not generated any more: ${file}`);
      console.error("the typed client is out of date: run `npm run codegen`");
      process.exit(1);
    }
    console.log(`typed client is up to date (${files.length} files)`);
    return;
  }
  for (const file of extra) fs.rmSync(path.join(ROOT, file));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(ROOT, file.filename)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, file.filename), file.content);
  }
  console.log(`wrote ${files.length} files to ${OUT}${stale.length ? ` (${stale.length} changed)` : " (no change)"}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
