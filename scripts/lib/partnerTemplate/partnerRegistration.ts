import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { formatReport } from "../../../schema/tooling/checkReport";
import { checkSupergraph } from "../../../schema/tooling/checkSupergraph";

/*
 * The gateway side of a partner joining: its SDL file and routing URL go into schema/
 * (supergraph.yaml, customer360-sources.yaml, subgraphs/<name>.graphql), `npm run check`
 * must pass, then `npm run compose` writes the supergraph the running gateway reloads.
 * On a failed check every file is put back as it was.
 */

export const PARTNER_NAME = /^[a-z][a-zA-Z0-9]{1,30}$/;

export class RegistrationError extends Error {}

export interface Registration {
  schemaDir: string;
  name: string;
  url: string;
  sdl: string;
  /** Whose ids the partner's records are keyed by (default aftersales: the maker's registrations). */
  identitySystem?: string;
  /** Where our built scripts are (dist/scripts), for compose. */
  distScripts: string;
  repoRoot: string;
}

export function validateName(name: string | undefined, what = "--name"): string {
  if (!name) throw new RegistrationError(`${what} is required`);
  if (!PARTNER_NAME.test(name)) throw new RegistrationError(`${what} "${name}" must be lowerCamel letters and digits (2-31, starting with a lower-case letter), e.g. anxin: it becomes a GraphQL field prefix (${"anxin"}Events)`);
  return name;
}

export function validateUrl(url: string | undefined): string {
  if (!url) throw new RegistrationError("--url is required (the routing URL the gateway calls, e.g. https://anxin.example.cn/graphql)");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RegistrationError(`--url "${url}" is not a URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new RegistrationError(`--url "${url}" must be http(s)`);
  return url;
}

/** Returns the check report; throws RegistrationError (files restored) when the check fails. */
export async function registerPartner(registration: Registration): Promise<{ report: string; composeOutput: string }> {
  const { schemaDir, name, url, sdl } = registration;
  const configPath = path.join(schemaDir, "supergraph.yaml");
  const sourcesPath = path.join(schemaDir, "customer360-sources.yaml");
  const sdlPath = path.join(schemaDir, "subgraphs", `${name}.graphql`);
  const backups = new Map([configPath, sourcesPath, sdlPath].map((file) => [file, fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null]));
  const restore = () => {
    for (const [file, text] of backups) {
      if (text === null) fs.rmSync(file, { force: true });
      else fs.writeFileSync(file, text);
    }
  };

  const config = parseDocument(backups.get(configPath) ?? "");
  const existing = config.getIn(["subgraphs", name, "routing_url"]) as string | undefined;
  const ours = fs.existsSync(path.join(registration.repoRoot, "subgraphs", name));
  if (ours) throw new RegistrationError(`"${name}" is one of our own subgraphs: pick another --name`);
  config.setIn(["subgraphs", name], config.createNode({ routing_url: url, schema: { file: `./subgraphs/${name}.graphql` } }));
  const sources = parseDocument(backups.get(sourcesPath) ?? "sources: []\n");
  const listed = ((sources.toJS() as { sources?: unknown[] }).sources ?? []).some((s) => s === name || (typeof s === "object" && (s as { name?: string })?.name === name));

  fs.mkdirSync(path.dirname(sdlPath), { recursive: true });
  fs.writeFileSync(sdlPath, sdl);
  fs.writeFileSync(configPath, config.toString());
  if (!listed) {
    const entry = sources.createNode({ name, identitySystem: registration.identitySystem ?? "aftersales" });
    entry.flow = true;
    (sources.get("sources") as { add(node: unknown): void }).add(entry);
    fs.writeFileSync(sourcesPath, sources.toString());
  }

  const report = await checkSupergraph({
    configPath,
    basePath: path.join(schemaDir, "supergraph.graphql"),
    operationsDir: path.join(schemaDir, "operations"),
    displayRoot: registration.repoRoot,
  });
  const text = formatReport(report);
  if (!report.ok) {
    restore();
    throw new RegistrationError(`${existing ? "re-" : ""}registering "${name}" failed the check; nothing was changed:\n\n${text}`);
  }
  const composed = spawnSync(process.execPath, [path.join(registration.distScripts, "compose.js"), "--config", configPath], {
    cwd: registration.repoRoot,
    encoding: "utf8",
    // The customers subgraph's SDL asks for every source's slice: compose reads this list.
    env: { ...process.env, CUSTOMER360_SOURCES: sourcesPath },
  });
  if (composed.status !== 0) {
    restore();
    throw new RegistrationError(`compose failed; nothing was changed:\n${composed.stdout}${composed.stderr}`);
  }
  return { report: text, composeOutput: `${composed.stdout}${composed.stderr}`.trim() };
}
