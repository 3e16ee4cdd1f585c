import path from "node:path";
import { defineConfig } from "vite";
import { pageShell } from "./pageShell";

/**
 * One config for the browser apps, picked by `--mode console|graphiql|analyst`: each is its own
 * bundle under dist/web/<app>/, its assets under /<app>/assets/, so the gateway can serve
 * the console in production and leave GraphiQL (and its assets) out. No CDN: everything the
 * page loads is in the bundle.
 */
export default defineConfig(({ mode }) => {
  const app = mode === "graphiql" || mode === "analyst" ? mode : "console";
  return {
    root: path.resolve(__dirname, app),
    base: `/${app}/`,
    logLevel: "warn",
    esbuild: { jsx: "automatic" },
    plugins: [pageShell(app)],
    build: {
      outDir: path.resolve(__dirname, "..", "dist", "web", app),
      emptyOutDir: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 2000,
      sourcemap: false,
      rollupOptions: {
        // Radix and framer-motion (inside GraphiQL) mark modules "use client" for React server
        // components; meaningless in a browser bundle, and rollup warns once per module.
        onwarn(warning, warn) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
      },
    },
  };
});
