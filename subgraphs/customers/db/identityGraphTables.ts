import type { Kysely } from "kysely";

/*
 * The identity graph's own records (docs/IDENTITY.md): why each link exists, the "possible
 * match" candidates a supervisor reviews, and the merges (so a merge can be undone). The
 * links themselves stay in identity_links, which every read already follows.
 */

/** One line per link made or removed: which rule (or supervisor), from which event. */
export interface IdentityLinkLogTable {
  id: string;
  at: string;
  /** LINKED or UNLINKED. */
  action: string;
  customer_id: string;
  system: string;
  external_id: string;
  /** NEW_PERSON, SAME_MOBILE, SAME_EMAIL, SUPERVISOR_LINK, SUPERVISOR_UNLINK, MERGE, MERGE_UNDONE, SPLIT. */
  rule: string;
  /** The identity.registered event behind it (null for a supervisor's action). */
  event_id: string | null;
  /** The merge record when the link moved in a merge. */
  merge_id: string | null;
  by_name: string | null;
  by_org: string | null;
  reason: string | null;
}

/** A possible match that was not merged: a person an identity may belong to, for human review. */
export interface IdentityCandidatesTable {
  id: string;
  created_at: string;
  system: string;
  external_id: string;
  /** The person the identity was given (its own new person). */
  customer_id: string;
  /** The existing person it may be. */
  candidate_id: string;
  /** SHARED_PHONE, MOBILE_EMAIL_DISAGREE. */
  rule: string;
  /** The key that matched: the national phone or the email. */
  matched_key: string;
  event_id: string;
  /** OPEN, LINKED (a supervisor linked or merged), DISMISSED. */
  status: string;
}

/** A merge of one person into another; undone identity by identity (unlinkIdentity). */
export interface IdentityMergesTable {
  id: string;
  at: string;
  keep_id: string;
  merge_id: string;
  reason: string;
  by_name: string;
  by_org: string;
  /** JSON [{system, externalId}] of the links it moved. */
  moved: string;
}

export type IdentityGraphTables = {
  identity_link_log: IdentityLinkLogTable;
  identity_candidates: IdentityCandidatesTable;
  identity_merges: IdentityMergesTable;
};

/** Migration 110 (customers): the tables above and customers.merged_into. */
export async function createIdentityGraphTables(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("customers").addColumn("merged_into", "text").execute();
  await db.schema
    .createTable("identity_link_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("system", "text", (c) => c.notNull())
    .addColumn("external_id", "text", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("event_id", "text")
    .addColumn("merge_id", "text")
    .addColumn("by_name", "text")
    .addColumn("by_org", "text")
    .addColumn("reason", "text")
    .execute();
  await db.schema.createIndex("identity_link_log_identity").on("identity_link_log").columns(["system", "external_id", "at"]).execute();
  await db.schema.createIndex("identity_link_log_customer").on("identity_link_log").column("customer_id").execute();
  await db.schema
    .createTable("identity_candidates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("system", "text", (c) => c.notNull())
    .addColumn("external_id", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("candidate_id", "text", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("matched_key", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addUniqueConstraint("identity_candidates_pair", ["system", "external_id", "candidate_id"])
    .execute();
  await db.schema.createIndex("identity_candidates_open").on("identity_candidates").columns(["status", "created_at"]).execute();
  await db.schema
    .createTable("identity_merges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("keep_id", "text", (c) => c.notNull())
    .addColumn("merge_id", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("by_name", "text", (c) => c.notNull())
    .addColumn("by_org", "text", (c) => c.notNull())
    .addColumn("moved", "text", (c) => c.notNull())
    .execute();
}
