import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { ErrorCode } from "../common/errorCodes";
import { sendJson } from "../common/nodeHttp";

/**
 * The browser apps `npm run build` bundles with Vite (web/, built into dist/web/<app>/):
 *   /console, /console/...   the rep console, in every mode: it is static code holding no
 *                            secret (the rep pastes a token; every request it makes goes
 *                            through /graphql like any client's, trusted documents included)
 *   /, /graphiql/...         GraphiQL, outside production only (like introspection)
 * Hashed assets are cached for a year; the HTML never, so a new build is picked up at once.
 */
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".json": "application/json",
};

// The console talks only to this origin; GraphiQL's bundle uses inline styles, so it gets no CSP.
const CONSOLE_CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

/** dist/web, whether this runs built (dist/gateway/) or from source under ts-jest (gateway/). */
export function defaultWebDir(): string {
  const parent = path.resolve(__dirname, "..");
  return path.basename(parent) === "dist" ? path.join(parent, "web") : path.join(parent, "dist", "web");
}

export function staticAssets(options: { webDir: string; production: boolean }) {
  const send = (res: http.ServerResponse, app: string, file: string, headOnly: boolean, extra: Record<string, string> = {}) => {
    const appDir = path.join(options.webDir, app);
    const target = path.resolve(appDir, file);
    // No way out of the app's folder ("..", encoded or not).
    if (!target.startsWith(appDir + path.sep)) return false;
    let body: Buffer;
    try {
      body = fs.readFileSync(target);
    } catch {
      if (file === "index.html") {
        sendJson(res, 404, { errors: [{ message: `the ${app} bundle is not built (dist/web/${app}); run \`npm run build\``, extensions: { code: ErrorCode.NOT_FOUND } }] });
        return true;
      }
      return false;
    }
    const html = file === "index.html";
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[path.extname(target)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": html ? "no-cache" : "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      ...extra,
    });
    res.end(headOnly ? undefined : body);
    return true;
  };

  /** Answers the request and returns true when the path belongs to one of the apps. */
  return function serve(req: http.IncomingMessage, res: http.ServerResponse, urlPath: string): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const headOnly = req.method === "HEAD";
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return false;
    }
    if (decoded === "/console" || decoded === "/console/") return send(res, "console", "index.html", headOnly, { "content-security-policy": CONSOLE_CSP });
    if (decoded.startsWith("/console/assets/")) return send(res, "console", decoded.slice("/console/".length), headOnly);
    // The analyst page (web/analyst): static code like the console; its requests are analysts' own.
    if (decoded === "/analyst" || decoded === "/analyst/") return send(res, "analyst", "index.html", headOnly, { "content-security-policy": CONSOLE_CSP });
    if (decoded.startsWith("/analyst/assets/")) return send(res, "analyst", decoded.slice("/analyst/".length), headOnly);
    if (options.production) return false;
    if (decoded === "/") return send(res, "graphiql", "index.html", headOnly);
    if (decoded.startsWith("/graphiql/assets/")) return send(res, "graphiql", decoded.slice("/graphiql/".length), headOnly);
    return false;
  };
}
