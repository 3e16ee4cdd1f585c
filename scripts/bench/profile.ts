import fs from "node:fs";

/** A V8 .cpuprofile (node --cpu-prof), summarised by self time: top functions and packages. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  idlePct: number;
  byPackage: Array<{ name: string; pct: number }>;
  byFunction: Array<{ name: string; pct: number }>;
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native/builtin)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:")) return url.split("/")[0].replace(/^node:internal.*/, "node:internal");
  const dist = url.indexOf("/dist/");
  if (dist >= 0) return `ours:${url.slice(dist + 6).split("/").slice(0, 2).join("/")}`;
  return url;
}

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
  const total = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let idle = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") idle += hits;
    const pkg = packageOf(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
    const short = url ? url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/dist\//, "dist/") : "";
    const key = `${functionName || "(anonymous)"} ${short}${url ? `:${lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  }
  const busy = total - idle;
  const pct = (hits: number) => Math.round((hits / Math.max(1, busy)) * 1000) / 10;
  const sorted = (map: Map<string, number>) =>
    [...map.entries()].filter(([k]) => !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, hits]) => ({ name, pct: pct(hits) }));
  return { file, totalMs: (profile.endTime - profile.startTime) / 1000, idlePct: Math.round((idle / Math.max(1, total)) * 1000) / 10, byPackage: sorted(byPackage), byFunction: sorted(byFunction) };
}

export function profileMarkdown(summary: ProfileSummary): string {
  return [
    `Profile ${summary.file}: ${(summary.totalMs / 1000).toFixed(1)} s, idle ${summary.idlePct}%. Shares below are of non-idle self time.`,
    "",
    "| package / area | self % |",
    "|---|---|",
    ...summary.byPackage.map((p) => `| ${p.name} | ${p.pct} |`),
    "",
    "| function | self % |",
    "|---|---|",
    ...summary.byFunction.map((p) => `| \`${p.name.replace(/\|/g, "\\|")}\` | ${p.pct} |`),
  ].join("\n");
}
