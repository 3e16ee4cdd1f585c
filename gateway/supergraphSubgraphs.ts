/** The subgraphs a composed supergraph routes to: name -> routing URL (from @join__graph). */
export function subgraphsOf(supergraphSdl: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g)) found[match[1]] = match[2];
  return found;
}
