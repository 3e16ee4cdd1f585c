import type DataLoader from "dataloader";
import { sql, type Kysely, type Selectable } from "kysely";
import { groupLoader, rowLoader } from "../kit";
import type { DB, OrdersTables } from "./db/tables";

type Row<T extends keyof OrdersTables> = Selectable<OrdersTables[T]>;

/**
 * The newest `limit` rows per owner for every owner in the answer, in one statement
 * (row_number() runs on SQLite >= 3.25 and PostgreSQL alike). A customer with 300 orders
 * costs the same statement as one with 3, and only `limit` rows come back.
 */
function newestPerOwner<T extends "orders" | "return_requests" | "vas_orders">(db: Kysely<DB>, table: T, at: string, id: string, limit: number) {
  return groupLoader(
    async (ownerIds: readonly string[]) => {
      const order = sql`${sql.ref(at)} desc, ${sql.ref(id)} desc`;
      const result = await sql<Row<T> & { customer_id: string }>`
        select * from (
          select t.*, row_number() over (partition by customer_id order by ${order}) as rn
          from ${sql.table(table)} t
          where customer_id in (${sql.join(ownerIds)})
        ) ranked
        where rn <= ${limit}
        order by ${order}`.execute(db);
      return result.rows;
    },
    (row) => row.customer_id,
  );
}

/** One loader per page size, created on first use within the request. */
function perLimit<V>(create: (limit: number) => DataLoader<string, V>) {
  const byLimit = new Map<number, DataLoader<string, V>>();
  return (limit: number) => {
    let loader = byLimit.get(limit);
    if (!loader) byLimit.set(limit, (loader = create(limit)));
    return loader;
  };
}

export function createLoaders(db: Kysely<DB>) {
  return {
    customer: rowLoader((ids: readonly string[]) => db.selectFrom("retailer_customers").selectAll().where("id", "in", ids).execute(), (row) => row.id),
    store: rowLoader((ids: readonly string[]) => db.selectFrom("stores").selectAll().where("id", "in", ids).execute(), (row) => row.id),
    product: rowLoader((skus: readonly string[]) => db.selectFrom("products").selectAll().where("sku", "in", skus).execute(), (row) => row.sku),
    order: rowLoader((numbers: readonly string[]) => db.selectFrom("orders").selectAll().where("number", "in", numbers).execute(), (row) => row.number),
    linesOfOrder: groupLoader(
      (numbers: readonly string[]) => db.selectFrom("order_lines").selectAll().where("order_number", "in", numbers).orderBy("line_no").execute(),
      (row) => row.order_number,
    ),
    returnRequest: rowLoader((numbers: readonly string[]) => db.selectFrom("return_requests").selectAll().where("number", "in", numbers).execute(), (row) => row.number),
    returnsOfOrder: groupLoader(
      (numbers: readonly string[]) => db.selectFrom("return_requests").selectAll().where("order_number", "in", numbers).orderBy("opened_at", "desc").execute(),
      (row) => row.order_number,
    ),
    vasOrder: rowLoader((numbers: readonly string[]) => db.selectFrom("vas_orders").selectAll().where("number", "in", numbers).execute(), (row) => row.number),
    vasOfCase: groupLoader(
      (cases: readonly string[]) => db.selectFrom("vas_orders").selectAll().where("case_number", "in", cases).orderBy("ordered_at", "desc").execute(),
      (row) => row.case_number,
    ),
    /** Current handler of a return/repair request (the open row in matter_handlers). */
    returnHandler: rowLoader(
      (numbers: readonly string[]) =>
        db
          .selectFrom("matter_handlers")
          .selectAll()
          .where("matter_id", "in", numbers)
          .where("matter_kind", "in", ["RETURN", "REPAIR_REQUEST"])
          .where("until", "is", null)
          .execute(),
      (row) => row.matter_id,
    ),
    ordersOfCustomer: perLimit((limit) => newestPerOwner(db, "orders", "placed_at", "number", limit)),
    returnsOfCustomer: perLimit((limit) => newestPerOwner(db, "return_requests", "opened_at", "number", limit)),
    vasOfCustomer: perLimit((limit) => newestPerOwner(db, "vas_orders", "ordered_at", "number", limit)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
