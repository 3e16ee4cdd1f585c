import path from "node:path";
import { formatReport } from "../schema/tooling/checkReport";
import { CheckConfigError, checkSupergraph } from "../schema/tooling/checkSupergraph";
import { parseOptions, UsageError } from "./lib/commandLine";

const USAGE = `usage: npm run check [-- --config schema/supergraph.yaml] [--base schema/supergraph.graphql] [--operations schema/operations]

Checks the subgraph SDL files named in the config, as they are, before they ship:
  1. they compose (@apollo/composition);
  2. the new API schema has no breaking change against the base (the committed supergraph);
  3. every operation in the operations folder (*.graphql, recursively) still validates.
Writes nothing. Our own subgraphs' SDL files come from \`npm run compose\`; run it first
after changing their code. A partner's SDL is its checked-in file.

  --config <file>      supergraph config (rover format)      default schema/supergraph.yaml
  --base <file>        supergraph to compare against         default schema/supergraph.graphql
  --operations <dir>   stored operations                     default schema/operations
  -h, --help           this text

Exit codes: 0 check passed, 1 check failed (composition, breaking change or operation),
2 bad usage or configuration (unknown option, missing config or base file), or the\ncheck could not run at all.`;

const OPTIONS = ["--config", "--base", "--operations"] as const;
type Option = (typeof OPTIONS)[number];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const values = parseOptions(args, OPTIONS);
  const root = process.cwd();
  const report = await checkSupergraph({
    configPath: path.resolve(values["--config"] ?? "schema/supergraph.yaml"),
    basePath: path.resolve(values["--base"] ?? "schema/supergraph.graphql"),
    operationsDir: path.resolve(values["--operations"] ?? "schema/operations"),
    operationsRequired: values["--operations"] !== undefined,
    displayRoot: root,
  });
  const text = formatReport(report);
  if (report.ok) console.log(text);
  else console.error(text);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Whatever kept the check from running (bad usage, missing files, a crash) is not a verdict on the schema.
    if (error instanceof UsageError) console.error(`check: ${error.message}\n\n${USAGE}`);
    else if (error instanceof CheckConfigError) console.error(`check: ${error.message}`);
    else console.error(`check: could not run: ${(error as Error).stack ?? error}`);
    process.exitCode = 2;
  },
);
