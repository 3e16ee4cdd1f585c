import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * node_modules for a partner folder without a registry round trip: each of our packages
 * linked (the same pinned versions the kit's package.json asks for) and the kit tarball
 * unpacked as @customer360/kit. What `npm install <tarball>` gives, in a second.
 */
export function linkKit(partnerDir: string, repoRoot: string, tarball: string): void {
  const modules = path.join(partnerDir, "node_modules");
  fs.mkdirSync(modules, { recursive: true });
  const ours = path.join(repoRoot, "node_modules");
  for (const entry of fs.readdirSync(ours)) {
    const target = path.join(modules, entry);
    if (!fs.existsSync(target)) fs.symlinkSync(path.join(ours, entry), target, "dir");
  }
  const kit = path.join(modules, "@customer360", "kit");
  fs.rmSync(kit, { recursive: true, force: true });
  fs.mkdirSync(kit, { recursive: true });
  execFileSync("tar", ["xzf", tarball, "-C", kit, "--strip-components=1"]);
}
