import { sql } from "kysely";
import { authorizeSource, customer360Source, isPartner, type IdentityRef, type MatterRecord, type NormalizedIdentifier } from "../kit";
import { partnerOwnerIds } from "./access";
import { beijingWindow, IN_TRANSIT_STATUSES, MatterKind, OPEN_CASE_STATUSES, OPEN_TASK_STATUSES } from "./caseStatus";
import type { Context } from "./context";
import type { DB } from "./db/tables";
import "./db/ownershipTables";
import type { Loaders } from "./loaders";

const SOURCE = "aftersales";
const noText = sql<string | null>`cast(null as text)`;
const literal = (value: string) => sql<string>`${sql.lit(value)}`;

interface OpenRow {
  kind: string;
  id: string;
  status: string;
  opened_at: string;
  priority: string | null;
  case_number: string;
  detail: string;
  detail2: string | null;
  due_at: string | null;
}

/**
 * Everything still open for the customer's maker registrations, from five tables in ONE
 * statement (UNION ALL of indexed owner lookups): cases, scheduled visits, open callbacks,
 * open verification tasks, replacements in transit.
 */
async function openMatters(ctx: Context, customerOwnerIds: string[]): Promise<MatterRecord[]> {
  const ownerIds = await partnerOwnerIds(ctx, customerOwnerIds);
  if (ownerIds.length === 0) return [];
  const db = ctx.db;
  const rows: OpenRow[] = await db
    .selectFrom("service_cases")
    .select([
      literal(MatterKind.SERVICE_CASE).as("kind"),
      "number as id",
      "status",
      "opened_at",
      "priority",
      "number as case_number",
      "summary as detail",
      "tier as detail2",
      noText.as("due_at"),
    ])
    .where("owner_id", "in", ownerIds)
    .where("status", "in", [...OPEN_CASE_STATUSES])
    .$castTo<OpenRow>()
    .unionAll(
      db
        .selectFrom("visits")
        .select([literal(MatterKind.VISIT).as("kind"), "id", "status", "created_at as opened_at", noText.as("priority"), "case_number", "window_start as detail", "window_end as detail2", "window_end as due_at"])
        .where("owner_id", "in", ownerIds)
        .where("status", "=", "SCHEDULED")
        .$castTo<OpenRow>(),
    )
    .unionAll(
      db
        .selectFrom("callbacks")
        .select([literal(MatterKind.CALLBACK).as("kind"), "id", "status", "promised_at as opened_at", noText.as("priority"), "case_number", "purpose as detail", "promised_by_org as detail2", "due_at"])
        .where("owner_id", "in", ownerIds)
        .where("status", "=", "OPEN")
        .$castTo<OpenRow>(),
    )
    .unionAll(
      db
        .selectFrom("engineering_tasks")
        .select([literal(MatterKind.ENGINEERING_TASK).as("kind"), "id", "status", "opened_at", "priority", "case_number", "title as detail", "assignee_team as detail2", "due_at"])
        .where("owner_id", "in", ownerIds)
        .where("status", "in", [...OPEN_TASK_STATUSES])
        .$castTo<OpenRow>(),
    )
    .unionAll(
      db
        .selectFrom("replacements")
        .select([literal(MatterKind.REPLACEMENT).as("kind"), "id", "status", "shipped_at as opened_at", noText.as("priority"), "case_number", "product_name as detail", "tracking_number as detail2", noText.as("due_at")])
        .where("owner_id", "in", ownerIds)
        .where("status", "in", [...IN_TRANSIT_STATUSES])
        .$castTo<OpenRow>(),
    )
    .execute();
  return rows.map(toMatter);
}

function toMatter(row: OpenRow): MatterRecord {
  const base = { kind: row.kind, id: row.id, status: row.status, openedAt: row.opened_at, priority: row.priority, subjectType: "ServiceCase", subjectId: row.case_number };
  switch (row.kind) {
    case MatterKind.SERVICE_CASE:
      return { ...base, title: `Service case ${row.id} (${row.detail2}): ${row.detail}` };
    case MatterKind.VISIT:
      return { ...base, title: `Technician visit ${beijingWindow(row.detail, row.detail2 ?? row.detail)} for case ${row.case_number}`, subjectType: "Visit", subjectId: row.id, dueAt: row.due_at };
    case MatterKind.CALLBACK:
      return { ...base, title: `Callback promised by ${row.detail2}: ${row.detail}`, dueAt: row.due_at };
    case MatterKind.ENGINEERING_TASK:
      return { ...base, title: `Engineering verification for case ${row.case_number}: ${row.detail}`, dueAt: row.due_at };
    default:
      return { ...base, title: `Advance replacement ${row.detail} in transit, tracking ${row.detail2}` };
  }
}

interface MatchRow {
  owner_id: string;
  matched_by: string;
}

/** Which registrations an identifier points to: case number, serial, registration id, visit, tracking number, or phone. */
async function lookup(ctx: Context, identifier: NormalizedIdentifier): Promise<IdentityRef[]> {
  const db = ctx.db;
  let rows: MatchRow[] = [];
  if (identifier.kind === "phone") {
    rows = await db.selectFrom("maker_customers").select(["id as owner_id", literal("phone").as("matched_by")]).where("phone", "=", identifier.value).execute();
  } else if (identifier.kind === "reference") {
    const value = identifier.value;
    rows = await db
      .selectFrom("service_cases")
      .select(["owner_id", literal("case").as("matched_by")])
      .where("number", "=", value)
      .unionAll(db.selectFrom("devices").select(["owner_id", literal("serial").as("matched_by")]).where("serial", "=", value))
      .unionAll(db.selectFrom("maker_customers").select(["id as owner_id", literal("registration").as("matched_by")]).where("id", "=", value))
      .unionAll(db.selectFrom("visits").select(["owner_id", literal("visit").as("matched_by")]).where("id", "=", value))
      .unionAll(db.selectFrom("replacements").select(["owner_id", literal("tracking").as("matched_by")]).where("tracking_number", "=", value))
      .execute();
  }
  const seen = new Set<string>();
  const visibleOwners = isPartner(ctx.caller) ? new Set(await partnerOwnerIds(ctx, [...new Set(rows.map((row) => row.owner_id))])) : null;
  return rows
    .filter((row) => !visibleOwners || visibleOwners.has(row.owner_id))
    .filter((row) => {
      const key = `${row.owner_id}|${row.matched_by}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .map((row) => ({ system: SOURCE, externalId: row.owner_id, matchedBy: row.matched_by }));
}

/** A partner's share of the customer's after-sales history: the registrations with its own maker. */
export const aftersalesCustomer360 = authorizeSource<Context>(customer360Source<DB, Loaders>(SOURCE, { openMatters, lookup }), {
  source: SOURCE,
  partnerTimeline: async (ctx, ownerIds) => ({ ownerIds: await partnerOwnerIds(ctx, ownerIds) }),
});
