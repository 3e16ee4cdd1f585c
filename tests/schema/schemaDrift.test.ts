import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

describe("checked-in schema files", () => {
  it("match what the code generates and what composition produces (run `npm run compose` if this fails)", () => {
    // dist/ is fresh: `npm test` builds first (pretest).
    const result = spawnSync(process.execPath, [path.join(ROOT, "dist", "scripts", "compose.js"), "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(`${result.stdout}${result.stderr}`).toContain("schema files are up to date");
    expect(result.status).toBe(0);
  });
});
