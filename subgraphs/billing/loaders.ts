import type DataLoader from "dataloader";
import { sql, type Kysely } from "kysely";
import { groupLoader, rowLoader } from "../kit";
import type { CommitmentsTable, MatterHandlersTable } from "../kit/customer360/tables";
import type { AddOnsTable, BillingAccountsTable, BillingDisputesTable, BillingLinesTable, BundleRulesTable, DB, InvoiceItemsTable, InvoicesTable, OutagesTable, PaymentsTable, PlansTable, SuspensionsTable } from "./db/tables";

export const DISPUTE_MATTER = "BILLING_DISPUTE";

type Paged<R> = (first: number) => DataLoader<string, R[]>;

/**
 * A list field with `first`: one groupLoader per page size, so parents asking for the same
 * size share one statement (a request rarely mixes sizes).
 */
function paged<R>(fetch: (keys: readonly string[], first: number) => Promise<R[]>, keyOf: (row: R) => string): Paged<R> {
  const bySize = new Map<number, DataLoader<string, R[]>>();
  return (first) => {
    let loader = bySize.get(first);
    if (!loader) {
      loader = groupLoader<string, R>((keys) => fetch(keys, first), keyOf);
      bySize.set(first, loader);
    }
    return loader;
  };
}

/**
 * The first `first` rows of each parent in ONE statement: row_number() over a partition
 * (standard SQL, on SQLite >= 3.25 and PostgreSQL), so a parent with 300 invoices costs the
 * same statement as one with 3, and never ships all 300.
 */
async function topPerParent<R>(
  db: Kysely<DB>,
  table: keyof DB & string,
  parentColumn: string,
  parents: readonly string[],
  order: string,
  first: number,
): Promise<R[]> {
  // Dynamic table/column names defeat Kysely's typing; the row type is given by the caller.
  const loose = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const ranked = loose
    .selectFrom(table as string)
    .selectAll()
    .select(sql<number>`row_number() over (partition by ${sql.ref(parentColumn)} order by ${sql.raw(order)})`.as("rank_in_parent"))
    .where(parentColumn, "in", parents)
    .as("ranked");
  const rows = await loose.selectFrom(ranked).selectAll().where("rank_in_parent", "<=", first).orderBy("rank_in_parent").execute();
  return rows as unknown as R[];
}

export interface OutageOfLine extends OutagesTable {
  line_number: string;
  account_number: string;
}

export function createLoaders(db: Kysely<DB>) {
  return {
    accountByNumber: rowLoader<string, BillingAccountsTable>(
      (keys) => db.selectFrom("billing_accounts").selectAll().where("number", "in", keys).execute(),
      (row) => row.number,
    ),
    lineByNumber: rowLoader<string, BillingLinesTable>((keys) => db.selectFrom("billing_lines").selectAll().where("number", "in", keys).execute(), (row) => row.number),
    invoiceByNumber: rowLoader<string, InvoicesTable>((keys) => db.selectFrom("invoices").selectAll().where("number", "in", keys).execute(), (row) => row.number),
    outageById: rowLoader<string, OutagesTable>((keys) => db.selectFrom("outages").selectAll().where("id", "in", keys).execute(), (row) => row.id),
    disputeById: rowLoader<string, BillingDisputesTable>((keys) => db.selectFrom("billing_disputes").selectAll().where("id", "in", keys).execute(), (row) => row.id),
    planByCode: rowLoader<string, PlansTable>((keys) => db.selectFrom("plans").selectAll().where("code", "in", keys).execute(), (row) => row.code),

    addOnsByLine: groupLoader<string, AddOnsTable & { line_number: string }>(
      (keys) =>
        db
          .selectFrom("line_add_ons")
          .innerJoin("add_ons", "add_ons.code", "line_add_ons.add_on_code")
          .selectAll("add_ons")
          .select("line_add_ons.line_number")
          .where("line_add_ons.line_number", "in", keys)
          .orderBy("add_ons.code")
          .execute(),
      (row) => row.line_number,
    ),
    linesByAccount: paged<BillingLinesTable>((keys, first) => topPerParent(db, "billing_lines", "account_number", keys, "position asc, number asc", first), (row) => row.account_number),
    lineCountByAccount: rowLoader<string, { account_number: string; n: number | string | bigint }>(
      (keys) =>
        db
          .selectFrom("billing_lines")
          .select(["account_number", (eb) => eb.fn.countAll().as("n")])
          .where("account_number", "in", keys)
          .groupBy("account_number")
          .execute(),
      (row) => row.account_number,
    ),
    invoicesByAccount: paged<InvoicesTable>((keys, first) => topPerParent(db, "invoices", "account_number", keys, "issued_at desc, number desc", first), (row) => row.account_number),
    paymentsByAccount: paged<PaymentsTable>((keys, first) => topPerParent(db, "payments", "account_number", keys, "at desc, id desc", first), (row) => row.account_number),
    suspensionsByAccount: paged<SuspensionsTable>((keys, first) => topPerParent(db, "suspensions", "account_number", keys, "from_at desc, id desc", first), (row) => row.account_number),
    disputesByAccount: paged<BillingDisputesTable>((keys, first) => topPerParent(db, "billing_disputes", "account_number", keys, "opened_at desc, id desc", first), (row) => row.account_number),
    bundleRulesByAccount: groupLoader<string, BundleRulesTable>(
      (keys) => db.selectFrom("bundle_rules").selectAll().where("account_number", "in", keys).orderBy("code").execute(),
      (row) => row.account_number,
    ),
    itemsByInvoice: groupLoader<string, InvoiceItemsTable>(
      (keys) => db.selectFrom("invoice_items").selectAll().where("invoice_number", "in", keys).orderBy("invoice_number").orderBy("position").execute(),
      (row) => row.invoice_number,
    ),

    /** Outages hitting any line of each account (one row per outage and line). */
    outagesByAccount: groupLoader<string, OutageOfLine>(
      (keys) =>
        db
          .selectFrom("outage_lines")
          .innerJoin("billing_lines", "billing_lines.number", "outage_lines.line_number")
          .innerJoin("outages", "outages.id", "outage_lines.outage_id")
          .selectAll("outages")
          .select(["outage_lines.line_number", "billing_lines.account_number"])
          .where("billing_lines.account_number", "in", keys)
          .orderBy("outages.started_at", "desc")
          .execute(),
      (row) => row.account_number,
    ),
    outagesByLine: groupLoader<string, OutagesTable & { line_number: string }>(
      (keys) =>
        db
          .selectFrom("outage_lines")
          .innerJoin("outages", "outages.id", "outage_lines.outage_id")
          .selectAll("outages")
          .select("outage_lines.line_number")
          .where("outage_lines.line_number", "in", keys)
          .orderBy("outages.started_at", "desc")
          .execute(),
      (row) => row.line_number,
    ),
    affectedLinesByOutage: paged<BillingLinesTable & { outage_id: string }>(
      async (keys, first) => {
        const loose = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
        const ranked = loose
          .selectFrom("outage_lines")
          .innerJoin("billing_lines", "billing_lines.number", "outage_lines.line_number")
          .selectAll("billing_lines")
          .select(["outage_lines.outage_id", sql<number>`row_number() over (partition by outage_lines.outage_id order by billing_lines.number)`.as("rank_in_parent")])
          .where("outage_lines.outage_id", "in", keys)
          .as("ranked");
        const rows = await loose.selectFrom(ranked).selectAll().where("rank_in_parent", "<=", first).orderBy("rank_in_parent").execute();
        return rows as unknown as Array<BillingLinesTable & { outage_id: string }>;
      },
      (row) => row.outage_id,
    ),
    affectedLineCountByOutage: rowLoader<string, { outage_id: string; n: number | string | bigint }>(
      (keys) =>
        db
          .selectFrom("outage_lines")
          .select(["outage_id", (eb) => eb.fn.countAll().as("n")])
          .where("outage_id", "in", keys)
          .groupBy("outage_id")
          .execute(),
      (row) => row.outage_id,
    ),

    /** Who handles each dispute now (the open ownership row). */
    disputeHandler: rowLoader<string, MatterHandlersTable>(
      (keys) =>
        db
          .selectFrom("matter_handlers")
          .selectAll()
          .where("matter_kind", "=", DISPUTE_MATTER)
          .where("matter_id", "in", keys)
          .where("until", "is", null)
          .execute(),
      (row) => row.matter_id,
    ),
    disputePromises: groupLoader<string, CommitmentsTable>(
      (keys) =>
        db
          .selectFrom("commitments")
          .selectAll()
          .where("matter_kind", "=", DISPUTE_MATTER)
          .where("matter_id", "in", keys)
          .orderBy("due_at")
          .execute(),
      (row) => row.matter_id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
