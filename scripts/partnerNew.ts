import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { packKit } from "./kitPack";
import { linkKit } from "./lib/partnerTemplate/linkKit";
import { partnerFiles } from "./lib/partnerTemplate/partnerFiles";
import { RegistrationError, registerPartner, validateName } from "./lib/partnerTemplate/partnerRegistration";
import { parseOptions } from "./lib/commandLine";

const USAGE = `usage: npm run partner:new -- --name anxin --org anxin [--dir ../anxin-subgraph] [--port 4090]
                            [--kit build/customer360-kit-0.1.0.tgz] [--no-register] [--schema-dir schema]

Step 1 of PARTNERS.md: a partner subgraph in its own folder (outside this repository),
depending only on the kit package @customer360/kit. The folder shape of ours: subgraph.ts,
main.ts, accessMatrix.ts, customerData.ts, db/, types/, resolvers/, domain/, loaders.ts,
customer360.ts, seed/, test/. It extends Device, records one timeline event, and holds one
open matter (a claim) with a handler and a promise; authorization is wired.
Then it builds the folder (node_modules linked to ours plus the kit tarball), prints its SDL
and registers it (npm run partner:register: check, compose), and prints the next step.

  --name <name>       subgraph name (lowerCamel, e.g. anxin)
  --org <code>        organization code in callers' tokens (lower-case, e.g. anxin)
  --dir <dir>         where the partner's repository goes   default ../<name>-subgraph
  --port <n>          its local port (routing URL)          default 4090
  --kit <tarball>     the kit package                       default: npm run kit:pack
  --no-register       only write (and build) the folder
  --schema-dir <dir>  the gateway's schema folder           default schema
  -h, --help          this text

Exit codes: 0 created (and registered), 1 build, check or compose failed,
2 bad usage (missing or invalid option, the folder exists and is not empty).`;

const ROOT = path.resolve(__dirname, "..", "..");
const ORG = /^[a-z][a-z0-9-]{1,30}$/;

function fail(code: number, message: string): number {
  console.error(`partner:new: ${message}${code === 2 ? `\n\n${USAGE}` : ""}`);
  return code;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const register = !args.includes("--no-register");
  let values: Record<string, string>, name: string;
  try {
    values = parseOptions(args.filter((a) => a !== "--no-register"), ["--name", "--org", "--dir", "--port", "--kit", "--schema-dir"]) as Record<string, string>;
    name = validateName(values["--name"]);
  } catch (error) {
    return fail(2, (error as Error).message);
  }
  const org = values["--org"];
  if (!org) return fail(2, "--org is required (the organization code in your callers' tokens)");
  if (!ORG.test(org)) return fail(2, `--org "${org}" must be lower-case letters, digits and '-' (2-31), e.g. anxin`);
  const port = Number(values["--port"] ?? 4090);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return fail(2, `--port "${values["--port"]}" is not a port`);
  const dir = path.resolve(values["--dir"] ?? path.join(ROOT, "..", `${name}-subgraph`));
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) return fail(2, `--dir ${dir} exists and is not empty`);
  if (values["--kit"] && !fs.existsSync(values["--kit"])) return fail(2, `--kit: no tarball at ${values["--kit"]}`);

  let tarball: string;
  try {
    tarball = path.resolve(values["--kit"] ?? packKit(path.join(ROOT, "build")));
  } catch (error) {
    return fail(1, `could not pack the kit: ${(error as Error).message}`);
  }
  for (const [file, text] of Object.entries(partnerFiles({ name, org, port, kitSpec: `file:${tarball}` }))) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  console.log(`wrote ${dir} (kit: ${tarball})`);
  if (!register) {
    console.log(`\nNext: cd ${dir} && npm install && npm test; then send your SDL (npm run print-sdl) and URL for npm run partner:register.`);
    return 0;
  }

  linkKit(dir, ROOT, tarball);
  const build = spawnSync(process.execPath, [path.join(dir, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(dir, "tsconfig.json")], { cwd: dir, encoding: "utf8" });
  if (build.status !== 0) return fail(1, `the new subgraph does not build:\n${build.stdout}${build.stderr}`);
  const sdl = spawnSync(process.execPath, [path.join(dir, "dist", "main.js"), "--print-sdl"], { cwd: dir, encoding: "utf8" });
  if (sdl.status !== 0) return fail(1, `--print-sdl failed:\n${sdl.stderr}`);
  fs.writeFileSync(path.join(dir, `${name}.graphql`), sdl.stdout);
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    const result = await registerPartner({ schemaDir: path.resolve(values["--schema-dir"] ?? path.join(ROOT, "schema")), name, url, sdl: sdl.stdout, distScripts: __dirname, repoRoot: ROOT });
    console.log(`${result.report}\n${result.composeOutput}\nregistered "${name}" at ${url}`);
  } catch (error) {
    if (error instanceof RegistrationError) return fail(1, error.message);
    throw error;
  }
  const jwks = path.join(os.homedir(), "gateway-internal-jwks.json");
  console.log(`\nNext (PARTNERS.md step 2, "model"): edit ${dir}/src, then
  cd ${dir} && npm test
  PORT=${port} INTERNAL_JWKS_FILE=${jwks} npm start    # the gateway's public JWKS, sent to you (PARTNERS.md, "Your own deployment, TLS and keys")
and re-send your SDL: npm run partner:register -- --name ${name} --sdl ${dir}/${name}.graphql --url ${url}`);
  return 0;
}

if (require.main === module)
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`partner:new: could not run: ${(error as Error).message}`);
      process.exitCode = 2;
    },
  );
