import { BoundedCache } from "../common/boundedCache";
import type { Caller } from "../common/caller";
import { INTERNAL_TOKEN_HEADER, type InternalSigner } from "../common/internalToken";
import { tokenCacheFor } from "./callerTokenCache";
import type { SubgraphHttpClient } from "./subgraphHttp";

/*
 * Maps the identities subgraphs reported serving (`orders:RC-1001`, `security:u-lina`) to the
 * persons they belong to, so the audit trail lists a read of an order under the customer who
 * placed it (issue 10 item 1). The customers subgraph holds the identity links; the gateway asks
 * it with its own system identity, and remembers answers for a while: links change rarely, and a
 * rep's repeated 360 of one customer then costs no extra fetch.
 */

const RESOLVE = "query PersonsOfIdentities($identities: [String!]!) { personsOfIdentities(identities: $identities) { identity customerIds } }";
const CACHE_TTL_MS = 60_000;
const MAX_CACHED = 50_000;

export interface AuditPersonsOptions {
  /** The customers subgraph's /graphql URL (a function: it may move with a new supergraph). */
  customersUrl: () => string | undefined;
  /** The gateway's internal signing key: the token is for the customers subgraph (audience `customers`). */
  signer: InternalSigner;
  caller: Caller;
  timeoutMs: number;
  http: SubgraphHttpClient;
}

export class AuditPersons {
  private readonly cache = new BoundedCache<string[]>(MAX_CACHED);

  constructor(private readonly options: AuditPersonsOptions) {}

  /** Persons per identity; throws when the customers subgraph cannot be asked (the caller fails closed). */
  async resolve(identities: readonly string[]): Promise<Map<string, string[]>> {
    const now = Date.now();
    const resolved = new Map<string, string[]>();
    const missing: string[] = [];
    for (const identity of identities) {
      if (identity.startsWith("customers:")) {
        resolved.set(identity, [decodeURIComponent(identity.slice("customers:".length))]);
        continue;
      }
      const cached = this.cache.get(identity, now);
      if (cached) resolved.set(identity, cached);
      else missing.push(identity);
    }
    if (missing.length === 0) return resolved;
    const url = this.options.customersUrl();
    if (!url) throw new Error("the supergraph has no customers subgraph to resolve identities with");
    const response = await this.options.http.post(
      url,
      { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: await tokenCacheFor(this.options.signer).token(this.options.caller, "customers") },
      JSON.stringify({ query: RESOLVE, variables: { identities: missing } }),
      Date.now() + this.options.timeoutMs,
    );
    const body = (typeof response.body === "object" && response.body ? response.body : {}) as {
      data?: { personsOfIdentities?: Array<{ identity: string; customerIds: string[] }> };
      errors?: Array<{ message: string }>;
    };
    const rows = body.data?.personsOfIdentities;
    if (!response.ok || body.errors?.length || !Array.isArray(rows)) {
      throw new Error(`customers subgraph did not resolve identities (${body.errors?.map((e) => e.message).join("; ") ?? `HTTP ${response.status}`})`);
    }
    for (const row of rows) {
      resolved.set(row.identity, row.customerIds);
      this.cache.set(row.identity, row.customerIds, now + CACHE_TTL_MS);
    }
    return resolved;
  }
}
