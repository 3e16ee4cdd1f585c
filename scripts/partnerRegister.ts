import fs from "node:fs";
import path from "node:path";
import { RegistrationError, registerPartner, validateName, validateUrl } from "./lib/partnerTemplate/partnerRegistration";
import { parseOptions, UsageError } from "./lib/commandLine";

const USAGE = `usage: npm run partner:register -- --name anxin --sdl anxin.graphql --url https://anxin.example.cn/graphql
                                 [--identity-system aftersales] [--schema-dir schema]

The gateway side of a partner joining (PARTNERS.md, step 5). The partner sends its SDL file
(\`npm run print-sdl\` in its repository) and its routing URL; this
  1. writes schema/subgraphs/<name>.graphql, the entry in schema/supergraph.yaml and the
     source line in schema/customer360-sources.yaml (re-registering replaces them);
  2. runs \`npm run check\` on the result: on any failure every file is put back;
  3. runs \`npm run compose\`: the running gateway and customers subgraph pick it up, no restart.

  --name <name>              subgraph and source name (lowerCamel, e.g. anxin)
  --sdl <file>               the partner's SDL
  --url <url>                where the gateway reaches it (https in production)
  --identity-system <name>   whose ids its records are keyed by   default aftersales
  --schema-dir <dir>         the gateway's schema folder           default schema
  -h, --help                 this text

Exit codes: 0 registered and composed, 1 the check or compose failed (nothing changed),
2 bad usage (missing or invalid option, unreadable SDL).`;

const OPTIONS = ["--name", "--sdl", "--url", "--identity-system", "--schema-dir"];
const ROOT = path.resolve(__dirname, "..", "..");

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  let name: string, url: string, sdl: string, values: Record<string, string>;
  try {
    values = parseOptions(args, OPTIONS) as Record<string, string>;
    name = validateName(values["--name"]);
    url = validateUrl(values["--url"]);
    if (!values["--sdl"]) throw new UsageError("--sdl is required (the partner's SDL file)");
    if (!fs.existsSync(values["--sdl"])) throw new UsageError(`--sdl: no file at ${values["--sdl"]}`);
    sdl = fs.readFileSync(values["--sdl"], "utf8");
  } catch (error) {
    console.error(`partner:register: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  try {
    const result = await registerPartner({
      schemaDir: path.resolve(values["--schema-dir"] ?? path.join(ROOT, "schema")),
      name,
      url,
      sdl,
      identitySystem: values["--identity-system"],
      distScripts: __dirname,
      repoRoot: ROOT,
    });
    console.log(`${result.report}\n\n${result.composeOutput}\n\nregistered "${name}" at ${url}. Next: commit schema/ (the lead reviews it); running gateways reload the supergraph.`);
    return 0;
  } catch (error) {
    if (error instanceof RegistrationError) {
      console.error(`partner:register: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module)
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`partner:register: could not run: ${(error as Error).message}`);
      process.exitCode = 2;
    },
  );
