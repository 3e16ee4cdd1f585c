import { createHash, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/tables";

/*
 * The small shared pieces of the identity graph (docs/IDENTITY.md): stable ids, the phone
 * labels that mean "a household's number", and the link log every link and unlink writes,
 * so each link can say which rule (or which supervisor) made it and from which event.
 */

/** Labels of customer_phones rows that are a household's number, not one person's. */
export const SHARED_LABELS = new Set(["home", "landline", "shared"]);

/** A stable id from a matching key: the same key always names the same new person (concurrent creators meet on it). */
export function stableId(prefix: string, key: string): string {
  return `${prefix}${createHash("sha256").update(key).digest("hex").slice(0, 12).toUpperCase()}`;
}

export interface LinkLogInput {
  at: string;
  action: "LINKED" | "UNLINKED";
  customerId: string;
  system: string;
  externalId: string;
  rule: string;
  eventId?: string | null;
  mergeId?: string | null;
  byName?: string | null;
  byOrg?: string | null;
  reason?: string | null;
}

export async function writeLinkLog(trx: Kysely<DB>, entry: LinkLogInput): Promise<void> {
  await trx
    .insertInto("identity_link_log")
    .values({
      id: randomUUID(),
      at: entry.at,
      action: entry.action,
      customer_id: entry.customerId,
      system: entry.system,
      external_id: entry.externalId,
      rule: entry.rule,
      event_id: entry.eventId ?? null,
      merge_id: entry.mergeId ?? null,
      by_name: entry.byName ?? null,
      by_org: entry.byOrg ?? null,
      reason: entry.reason ?? null,
    })
    .execute();
}

/** Active persons (not merged into another) among these ids. */
export async function activePersons(trx: Kysely<DB>, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await trx.selectFrom("customers").select(["id", "merged_into"]).where("id", "in", [...new Set(ids)]).execute();
  return rows.filter((row) => !row.merged_into).map((row) => row.id).sort();
}
