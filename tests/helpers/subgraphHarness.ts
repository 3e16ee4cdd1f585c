import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { deleteJetStreamNamespace } from "../../subgraphs/kit/events/jetStreamTransport";
import type { Caller } from "../../common/caller";
import { INTERNAL_TOKEN_HEADER, signInternalToken } from "../../common/internalToken";
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition, type SubgraphServerOptions } from "../../subgraphs/kit";
import type { DatabaseTarget } from "./databases";
import { REP_RETAILER, TEST_JWKS, TEST_SIGNER } from "./testCaller";

export interface GraphQLResult<T = any> {
  status: number;
  /** The GraphQL response body; loosely typed so tests can dig into it. */
  body: any;
  /** SQL statements the subgraph ran for this request (x-sql-statements). */
  sqlStatements: number;
}

export interface TestSubgraph<DB> {
  running: RunningSubgraph<DB>;
  query<T = any>(document: string, variables?: Record<string, unknown>, caller?: Caller | null): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

/**
 * Starts one real subgraph in-process on a free port, on its own throwaway database
 * (a temp SQLite folder, or a fresh PostgreSQL schema that is dropped afterwards).
 * `query` signs the caller the way the gateway does; pass `null` to send no token.
 */
export async function startTestSubgraph<DB, L>(
  definition: SubgraphDefinition<DB, L>,
  target: DatabaseTarget = { label: "sqlite" },
  options: { events?: SubgraphServerOptions["events"] } = {},
): Promise<TestSubgraph<DB>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `c360-${definition.name}-`));
  const prefix = `t${randomBytes(4).toString("hex")}_`;
  const running = await startSubgraph(definition, { port: 0, internalKeys: { jwks: TEST_JWKS }, dataDir, databaseUrl: target.databaseUrl ?? "", schemaPrefix: prefix, events: options.events });

  return {
    running,
    async query(document, variables = {}, caller: Caller | null = REP_RETAILER) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (caller) headers[INTERNAL_TOKEN_HEADER] = await signInternalToken(caller, TEST_SIGNER, definition.name);
      const response = await fetch(running.url, { method: "POST", headers, body: JSON.stringify({ query: document, variables }) });
      return { status: response.status, body: (await response.json()) as any, sqlStatements: Number(response.headers.get("x-sql-statements") ?? NaN) };
    },
    async stop() {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (target.databaseUrl) {
        const pool = new Pool({ connectionString: target.databaseUrl, max: 1 });
        await pool.query(`DROP SCHEMA IF EXISTS ${prefix}${definition.name} CASCADE`);
        // The shared event log the subgraph's delivery created (kit/events/embeddedLogTransport.ts).
        await pool.query(`DROP SCHEMA IF EXISTS ${prefix}events CASCADE`);
        await pool.end();
      }
      // On NATS the subgraph's streams are namespaced by its prefix (kit/events/jetStreamTransport.ts).
      if (process.env.NATS_URL && !process.env.EVENTS_NAMESPACE) await deleteJetStreamNamespace(process.env.NATS_URL, prefix);
    },
  };
}
