/**
 * The gateway's static routes for the browser apps (gateway/staticAssets.ts), without a
 * browser: what is served in development and production, and nothing outside dist/web.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { staticAssets } from "../../gateway/staticAssets";

describe("gateway static routes for the console and GraphiQL", () => {
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-web-"));
  const servers: http.Server[] = [];
  const origins: Record<"dev" | "prod", string> = { dev: "", prod: "" };
  beforeAll(async () => {
    for (const app of ["console", "graphiql"]) {
      fs.mkdirSync(path.join(webDir, app, "assets"), { recursive: true });
      fs.writeFileSync(path.join(webDir, app, "index.html"), `<!doctype html><html><body>${app}</body></html>`);
      fs.writeFileSync(path.join(webDir, app, "assets", "index-abc.js"), `console.log("${app}")`);
    }
    fs.writeFileSync(path.join(webDir, "secret.txt"), "not for clients");
    for (const mode of ["dev", "prod"] as const) {
      const serve = staticAssets({ webDir, production: mode === "prod" });
      const server = http.createServer((req, res) => {
        if (!serve(req, res, (req.url ?? "/").split("?")[0])) res.writeHead(404).end("no route");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      servers.push(server);
      origins[mode] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it("serves the console in both modes, its HTML uncached with a same-origin CSP, its hashed assets cached", async () => {
    for (const origin of [origins.dev, origins.prod]) {
      const page = await fetch(`${origin}/console`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("console");
      expect(page.headers.get("cache-control")).toBe("no-cache");
      expect(page.headers.get("content-security-policy")).toContain("connect-src 'self'");
      const asset = await fetch(`${origin}/console/assets/index-abc.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toContain("text/javascript");
      expect(asset.headers.get("cache-control")).toContain("immutable");
    }
  });

  it("serves GraphiQL and its assets outside production only", async () => {
    expect((await fetch(`${origins.dev}/`)).status).toBe(200);
    expect((await fetch(`${origins.dev}/graphiql/assets/index-abc.js`)).status).toBe(200);
    expect((await fetch(`${origins.prod}/`)).status).toBe(404);
    expect((await fetch(`${origins.prod}/graphiql/assets/index-abc.js`)).status).toBe(404);
  });

  it("serves nothing outside an app's folder, however the path is written", async () => {
    for (const probe of ["/console/assets/../../secret.txt", "/console/assets/%2e%2e/%2e%2e/secret.txt", "/console/assets/..%2f..%2fsecret.txt", "/console/assets/missing.js"]) {
      const response = await fetch(`${origins.dev}${probe}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("not for clients");
    }
  });

  it("says how to build when the bundle is missing", async () => {
    const serve = staticAssets({ webDir: path.join(webDir, "nowhere"), production: false });
    const server = http.createServer((req, res) => void (serve(req, res, "/console") || res.writeHead(500).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/console`);
      expect(response.status).toBe(404);
      const body = (await response.json()) as any;
      expect(body.errors[0].extensions.code).toBe("NOT_FOUND");
      expect(body.errors[0].message).toContain("npm run build");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
