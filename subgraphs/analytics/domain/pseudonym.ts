import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/*
 * Persons (and handlers, and matters) appear to analysts under a stable pseudonymous key:
 * HMAC-SHA256 with a secret only this service holds. The same input gives the same key in
 * every query and export; without the secret, and the customers subgraph's ids to hash,
 * a key leads nowhere.
 */

const SECRET_FILE = "analytics-pseudonym.key";

/** The secret: ANALYTICS_PSEUDONYM_SECRET, else one generated once and kept in the data folder (mode 600). */
export function loadPseudonymSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.ANALYTICS_PSEUDONYM_SECRET;
  if (configured && configured.length >= 16) return configured;
  if (configured) throw new Error("ANALYTICS_PSEUDONYM_SECRET must be at least 16 characters");
  const file = path.join(dataDir, SECRET_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}

export type Pseudonymizer = (kind: "P" | "A" | "M", value: string) => string;

/**
 * Keys remembered per pseudonymizer: a person's, a handler's and a matter's events arrive
 * close together, so most keys repeat within a few thousand events and one HMAC (a third of
 * ingestion's CPU) serves them all. Cleared when full, so memory stays bounded (~10 MB).
 */
const CACHED_KEYS = 50_000;

/** `P-` persons, `A-` actors (handlers), `M-` matters; 20 hex digits (80 bits) of the HMAC. */
export function pseudonymizer(secret: string): Pseudonymizer {
  const cache = new Map<string, string>();
  return (kind, value) => {
    const input = `${kind}\0${value}`;
    let key = cache.get(input);
    if (key === undefined) {
      key = `${kind}-${createHmac("sha256", secret).update(input).digest("hex").slice(0, 20)}`;
      if (cache.size >= CACHED_KEYS) cache.clear();
      cache.set(input, key);
    }
    return key;
  };
}
