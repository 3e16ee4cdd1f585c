import type { Caller } from "../common/caller";

/** One subgraph fetch as the gateway saw it: for the cost report and the benchmark. */
export interface SubgraphFetch {
  subgraph: string;
  sqlStatements: number;
  ms: number;
  ok: boolean;
}

/** What the gateway keeps per request. */
export interface GatewayContext {
  caller: Caller;
  fetches: SubgraphFetch[];
  /** Customers whose data subgraphs reported serving (x-customer-ids), for the audit trail. */
  customerIds: Set<string>;
  /** Customers' identities subgraphs reported serving (x-served-owners: `orders:RC-1001`), mapped to persons by the audit trail. */
  servedOwners?: Set<string>;
}
