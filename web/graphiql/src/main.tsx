import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { SAVED_EXAMPLES } from "./savedExamples";

const TOKEN_KEY = "c360.graphiql.token";

/**
 * GraphiQL, bundled (no CDN), at / outside production: a token field above it, the stored
 * operations as tabs, the docs explorer on the left. The token goes in the authorization
 * header of every request, schema introspection included.
 */
function Explorer() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? "");
  const fetcher = useMemo(
    () => async (params: unknown, options?: { headers?: Record<string, unknown> }) => {
      const headers: Record<string, string> = { "content-type": "application/json" };
      for (const [name, value] of Object.entries(options?.headers ?? {})) headers[name] = String(value);
      if (token.trim() && !Object.keys(headers).some((h) => h.toLowerCase() === "authorization")) headers.authorization = `Bearer ${token.trim()}`;
      const response = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify(params) });
      return response.json();
    },
    [token],
  );
  return (
    <>
      <div style={{ padding: "6px 10px", borderBottom: "1px solid #ddd", display: "flex", gap: 12, alignItems: "center" }}>
        <strong>Customer 360</strong>
        <label>
          Bearer token{" "}
          <input
            type="password"
            size={48}
            value={token}
            data-testid="token"
            placeholder="npm run -s token -- --role rep --org yougou"
            onChange={(e) => {
              setToken(e.target.value);
              sessionStorage.setItem(TOKEN_KEY, e.target.value);
            }}
          />
        </label>
        <a href="/console">rep console</a>
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        {/* A new fetcher (new token) makes GraphiQL fetch the schema again, with the token. */}
        <GraphiQL fetcher={fetcher} defaultTabs={SAVED_EXAMPLES} visiblePlugin="Documentation Explorer" defaultEditorToolsVisibility="variables" />
      </div>
    </>
  );
}

createRoot(document.getElementById("root")!).render(<Explorer />);
