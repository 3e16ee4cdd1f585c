import type { Kysely } from "kysely";
import type { AuditEntriesTable, DB } from "../db/tables";
import type { AuditCursor } from "./cursor";

export interface TrailFilter {
  customerId?: string;
  actorSubject?: string;
  first: number;
  after?: AuditCursor;
}

/**
 * One page, newest first, in ONE statement whatever the trail's length: a keyset over
 * (at, id) on the index that matches the filter. With a customer, the walk runs on
 * audit_entry_customers(customer_id, at, entry_id) and the actor (if any) filters the joined
 * entries; with only an actor, on audit_entries(actor_subject, at, id).
 * Returns first + 1 rows so the caller knows whether more follow.
 */
export async function loadTrailPage(db: Kysely<DB>, filter: TrailFilter): Promise<AuditEntriesTable[]> {
  const limit = filter.first + 1;
  const after = filter.after;
  if (filter.customerId !== undefined) {
    let query = db
      .selectFrom("audit_entry_customers as c")
      .innerJoin("audit_entries as e", "e.id", "c.entry_id")
      .selectAll("e")
      .where("c.customer_id", "=", filter.customerId);
    if (filter.actorSubject !== undefined) query = query.where("e.actor_subject", "=", filter.actorSubject);
    if (after) query = query.where((eb) => eb.or([eb("c.at", "<", after.at), eb.and([eb("c.at", "=", after.at), eb("c.entry_id", "<", after.id)])]));
    return query.orderBy("c.at", "desc").orderBy("c.entry_id", "desc").limit(limit).execute();
  }
  let query = db.selectFrom("audit_entries").selectAll().where("actor_subject", "=", filter.actorSubject ?? "");
  if (after) query = query.where((eb) => eb.or([eb("at", "<", after.at), eb.and([eb("at", "=", after.at), eb("id", "<", after.id)])]));
  return query.orderBy("at", "desc").orderBy("id", "desc").limit(limit).execute();
}
