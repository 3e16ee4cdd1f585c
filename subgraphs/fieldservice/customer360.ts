import { authorizeSource, customer360Source, isPartner, type IdentityRef, type MatterRecord, type NormalizedIdentifier } from "../kit";
import type { Context } from "./context";
import type { DB } from "./db/tables";
import { mayRead } from "./domain/access";
import { CONTRACTOR_ORG, FIELD_JOB_MATTER, OPEN_STATUSES } from "./domain/contractor";
import type { Loaders } from "./loaders";

/** Every open job of the customer's maker registrations: one statement. */
async function openMatters(ctx: Context, ownerIds: string[]): Promise<MatterRecord[]> {
  const rows = await ctx.db
    .selectFrom("field_jobs")
    .select(["id", "visit_id", "maker_org", "status", "technician_name", "eta", "created_at"])
    .where("owner_id", "in", ownerIds)
    .where("status", "in", [...OPEN_STATUSES])
    .execute();
  return rows.filter((row) => mayRead(ctx.caller, row)).map((row) => ({
    kind: FIELD_JOB_MATTER,
    id: row.id,
    title: `快修到家 Kuaixiu technician ${row.technician_name} for visit ${row.visit_id}`,
    status: row.status,
    openedAt: row.created_at,
    priority: "NORMAL",
    subjectType: "FieldJob",
    subjectId: row.id,
    // Late once the promised arrival passed without the job closing.
    dueAt: row.eta,
  }));
}

/** A job id the customer read off an SMS finds the maker registration it belongs to. */
async function lookup(ctx: Context, identifier: NormalizedIdentifier): Promise<IdentityRef[]> {
  if (identifier.kind !== "reference" || !identifier.value.startsWith("FJ-")) return [];
  const rows = await ctx.db.selectFrom("field_jobs").select(["owner_id", "maker_org"]).where("id", "=", identifier.value).execute();
  return rows.filter((row) => mayRead(ctx.caller, row)).map((row) => ({ system: "aftersales", externalId: row.owner_id, matchedBy: "fieldJob" }));
}

/**
 * The contractor keeps no customers of its own: its records are keyed by the maker's
 * registration ids, so it reads the customer's "aftersales" ids (identitySystem) and its
 * lookups answer in the maker's system.
 */
export const fieldserviceCustomer360 = authorizeSource<Context>(customer360Source<DB, Loaders>("fieldservice", { identitySystem: "aftersales", openMatters, lookup }), {
  source: "fieldservice",
  identitySystem: "aftersales",
  // The contractor sees its whole timeline; a maker only the events about its own jobs; other partners nothing.
  partnerTimeline: async (ctx, ownerIds) => {
    if (!isPartner(ctx.caller) || ctx.caller.organization === CONTRACTOR_ORG) return { ownerIds };
    if (ownerIds.length === 0) return null;
    const jobs = await ctx.db.selectFrom("field_jobs").select("id").where("owner_id", "in", ownerIds).where("maker_org", "=", ctx.caller.organization).execute();
    return jobs.length ? { ownerIds, subjectIds: jobs.map((job) => job.id) } : null;
  },
});
