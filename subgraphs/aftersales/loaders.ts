import DataLoader from "dataloader";
import { sql, type Kysely, type Selectable } from "kysely";
import { groupLoader, rowLoader } from "../kit";
import type { DB, ServiceCasesTable } from "./db/tables";
import "./db/ownershipTables";

type CaseRow = Selectable<ServiceCasesTable>;
type CaseGroupColumn = "owner_id" | "order_number";

/**
 * The newest `limit` cases per parent (customer or order) for every parent in the answer,
 * in one statement: a window function keeps the page bounded however many cases exist.
 */
function newestCasesLoader(db: Kysely<DB>, column: CaseGroupColumn, limit: number): DataLoader<string, CaseRow[]> {
  return groupLoader(
    async (keys: readonly string[]) => {
      const rows = await db
        .selectFrom((eb) =>
          eb
            .selectFrom("service_cases")
            .selectAll()
            .select(sql<number>`row_number() over (partition by ${sql.ref(column)} order by opened_at desc, number desc)`.as("rn"))
            .where(column, "in", keys)
            .as("ranked"),
        )
        .selectAll()
        .where("rn", "<=", limit)
        .orderBy("opened_at", "desc")
        .orderBy("number", "desc")
        .execute();
      return rows as CaseRow[];
    },
    (row) => row[column] as string,
  );
}

/** One loader per page size: `first` differs between fields of one request only rarely. */
function perLimit(build: (limit: number) => DataLoader<string, CaseRow[]>) {
  const cache = new Map<number, DataLoader<string, CaseRow[]>>();
  return (limit: number) => {
    let loader = cache.get(limit);
    if (!loader) cache.set(limit, (loader = build(limit)));
    return loader;
  };
}

export function createLoaders(db: Kysely<DB>) {
  return {
    makerCustomer: rowLoader((ids: readonly string[]) => db.selectFrom("maker_customers").selectAll().where("id", "in", ids).execute(), (row) => row.id),
    device: rowLoader((serials: readonly string[]) => db.selectFrom("devices").selectAll().where("serial", "in", serials).execute(), (row) => row.serial),
    devicesByOwner: groupLoader(
      (ids: readonly string[]) => db.selectFrom("devices").selectAll().where("owner_id", "in", ids).orderBy("purchased_at", "desc").execute(),
      (row) => row.owner_id,
    ),
    entitlements: groupLoader(
      (serials: readonly string[]) => db.selectFrom("entitlements").selectAll().where("serial", "in", serials).orderBy("starts_at").orderBy("id").execute(),
      (row) => row.serial,
    ),
    knownIssues: groupLoader(
      (models: readonly string[]) => db.selectFrom("known_issues").selectAll().where("model", "in", models).orderBy("id").execute(),
      (row) => row.model,
    ),
    serviceCase: rowLoader((numbers: readonly string[]) => db.selectFrom("service_cases").selectAll().where("number", "in", numbers).execute(), (row) => row.number),
    casesByOwner: perLimit((limit) => newestCasesLoader(db, "owner_id", limit)),
    casesByOrder: perLimit((limit) => newestCasesLoader(db, "order_number", limit)),
    parties: groupLoader(
      (numbers: readonly string[]) => db.selectFrom("case_parties").selectAll().where("case_number", "in", numbers).orderBy("joined_at").orderBy("id").execute(),
      (row) => row.case_number,
    ),
    visit: rowLoader((ids: readonly string[]) => db.selectFrom("visits").selectAll().where("id", "in", ids).execute(), (row) => row.id),
    visitsByCase: groupLoader(
      (numbers: readonly string[]) => db.selectFrom("visits").selectAll().where("case_number", "in", numbers).orderBy("window_start", "desc").orderBy("id").execute(),
      (row) => row.case_number,
    ),
    callbacksByCase: groupLoader(
      (numbers: readonly string[]) => db.selectFrom("callbacks").selectAll().where("case_number", "in", numbers).orderBy("due_at", "desc").orderBy("id").execute(),
      (row) => row.case_number,
    ),
    tasksByCase: groupLoader(
      (numbers: readonly string[]) => db.selectFrom("engineering_tasks").selectAll().where("case_number", "in", numbers).orderBy("opened_at", "desc").orderBy("id").execute(),
      (row) => row.case_number,
    ),
    replacementsByCase: groupLoader(
      (numbers: readonly string[]) => db.selectFrom("replacements").selectAll().where("case_number", "in", numbers).orderBy("shipped_at", "desc").orderBy("id").execute(),
      (row) => row.case_number,
    ),
    arrangementsByCase: groupLoader(
      (numbers: readonly string[]) => db.selectFrom("arrangements").selectAll().where("case_number", "in", numbers).orderBy("arranged_at", "desc").orderBy("id").execute(),
      (row) => row.case_number,
    ),
    /** Who handled each case, oldest first (the open row is the current owner). */
    caseHandlers: groupLoader(
      (numbers: readonly string[]) =>
        db.selectFrom("matter_handlers").selectAll().where("matter_kind", "=", "SERVICE_CASE").where("matter_id", "in", numbers).orderBy("since").orderBy("id").execute(),
      (row) => row.matter_id,
    ),
    casePromises: groupLoader(
      (numbers: readonly string[]) =>
        db.selectFrom("commitments").selectAll().where("matter_kind", "=", "SERVICE_CASE").where("matter_id", "in", numbers).orderBy("due_at").orderBy("id").execute(),
      (row) => row.matter_id,
    ),
    technician: rowLoader((ids: readonly string[]) => db.selectFrom("technicians").selectAll().where("id", "in", ids).execute(), (row) => row.id),
    serviceCenter: rowLoader((ids: readonly string[]) => db.selectFrom("service_centers").selectAll().where("id", "in", ids).execute(), (row) => row.id),
    // Issue 14 (hand-over workflows): notes, transfers, tasks by id, the case of a return.
    caseNotes: groupLoader(
      (numbers: readonly string[]) => db.selectFrom("case_notes").selectAll().where("case_number", "in", numbers).orderBy("created_at").orderBy("id").execute(),
      (row) => row.case_number,
    ),
    caseTransfers: groupLoader(
      (numbers: readonly string[]) => db.selectFrom("case_transfers").selectAll().where("case_number", "in", numbers).orderBy("at").orderBy("id").execute(),
      (row) => row.case_number,
    ),
    task: rowLoader((ids: readonly string[]) => db.selectFrom("engineering_tasks").selectAll().where("id", "in", ids).execute(), (row) => row.id),
    caseOfReturn: rowLoader((numbers: readonly string[]) => db.selectFrom("service_cases").selectAll().where("return_number", "in", numbers).execute(), (row) => row.return_number as string),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
