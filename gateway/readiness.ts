/** /ready: every subgraph's /health answers within a second. */
export async function checkSubgraphs(urls: Record<string, string>): Promise<{ ready: boolean; subgraphs: Record<string, string> }> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const response = await fetch(url.replace(/\/graphql$/, "/health"), { signal: AbortSignal.timeout(1000) });
        return [name, response.ok ? "up" : `status ${response.status}`] as const;
      } catch {
        return [name, "down"] as const;
      }
    }),
  );
  return { ready: entries.every(([, state]) => state === "up"), subgraphs: Object.fromEntries(entries) };
}
