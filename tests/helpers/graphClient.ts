import type { Role } from "../../common/caller";
import { loadOrCreateDevKeys } from "../../gateway/auth/devKeys";
import { openDatabase, type Database } from "../../subgraphs/kit";
import { signDevToken } from "./devToken";

export interface CallerClaims {
  role: Role;
  org: string;
  sub?: string;
  name?: string;
}

export interface GraphResponse<T = any> {
  status: number;
  body: any;
}

export const RETAILER_REP: CallerClaims = { role: "rep", org: "yougou", sub: "rep-chen", name: "陈晓 Chen Xiao (Yougou service desk)" };

/** Where a running graph is: enough for a test process to talk to it and open its databases. */
export interface GraphAddress {
  gatewayUrl: string;
  dataDir: string;
  /** "" for SQLite under dataDir. */
  databaseUrl: string;
  schemaPrefix: string;
}

export interface GraphClient {
  /** Mints a client token with the graph's development key (kept in its data folder). */
  token(claims: CallerClaims): Promise<string>;
  /** POSTs a GraphQL request through the gateway as `caller` (default: a retailer rep). */
  query<T = any>(document: string, variables?: Record<string, unknown>, options?: { caller?: CallerClaims | null; headers?: Record<string, string> }): Promise<GraphResponse<T>>;
  /** Opens a subgraph's own database (as the running subgraph sees it), to arrange data. */
  database(name: string): Promise<Database<any>>;
  /** Closes the databases this client opened (and nothing of the graph itself). */
  close(): Promise<void>;
}

/**
 * The test's side of a graph, whether the test started it (startGraph) or shares one that
 * jest's global setup started (sharedGraph): the same token, query and database calls.
 */
export async function connectGraphClient(address: GraphAddress): Promise<GraphClient> {
  const keys = await loadOrCreateDevKeys(address.dataDir);
  const opened: Database<any>[] = [];
  const client: GraphClient = {
    token: (claims) => signDevToken(keys, claims),
    async query(document, variables = {}, options = {}) {
      const caller = options.caller === undefined ? RETAILER_REP : options.caller;
      const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
      if (caller) headers.authorization = `Bearer ${await client.token(caller)}`;
      const response = await fetch(address.gatewayUrl, { method: "POST", headers, body: JSON.stringify({ query: document, variables }) });
      return { status: response.status, body: (await response.json()) as any };
    },
    async database(name) {
      const database = await openDatabase<any>({ name, migrations: null, dataDir: address.dataDir, databaseUrl: address.databaseUrl, schemaPrefix: address.schemaPrefix });
      opened.push(database);
      return database;
    },
    async close() {
      await Promise.all(opened.splice(0).map((database) => database.close()));
    },
  };
  return client;
}
