import type { Caller } from "../../../common/caller";

/*
 * What is still open in the publishing source for an event's owner, attached by the relay to
 * every event it hands on (outboxRelay.ts). Other subgraphs cannot ask a source directly (no
 * calls between subgraphs), yet some of their rules depend on it: the customers subgraph may
 * not record a survey while a matter is unresolved anywhere (S4). They keep the latest state
 * per (source, owner) from the events instead. Kind, id and status only: enough to name the
 * matter in a refusal, nothing a reader of the log would not already find in the events.
 */

export interface SourceOpenMatter {
  kind: string;
  id: string;
  status: string;
}

export interface SourceState {
  /** When the relay read it (after the event's transaction committed): later states win. */
  asOf: string;
  /** Open matters of the event's owner in the source, as the source's customer-360 contribution reports them. */
  openMatters: SourceOpenMatter[];
}

/** Reads the open matters of owners (ids in the source's identity system), per owner. */
export type SourceStateReader = (ownerIds: string[]) => Promise<Map<string, SourceOpenMatter[]>>;

/**
 * Who the relay reads as: the source itself, with a supervisor's unscoped view (its own
 * records, read in-process, never served to a request).
 */
export function relayCaller(source: string): Caller {
  return { subject: `relay:${source}`, name: `${source} event relay`, role: "supervisor", organization: source };
}
