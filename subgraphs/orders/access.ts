import type { Selectable } from "kysely";
import { forbidden, isPartner, ownsOrNotPartner } from "../kit";
import type { Context } from "./context";
import type { OrdersTable, ReturnRequestsTable, VasOrdersTable } from "./db/tables";

/*
 * What a partner (a maker) sees at the retailer (policy table: kit/authorization.ts): the
 * orders holding its products (product brand = its organization), the returns of those
 * products, and the services it sold itself. Everyone else who may read sees everything.
 * Checks run after the batched loads (lines and products per request, not per order).
 */

type OrderRow = Selectable<OrdersTable>;
type ReturnRow = Selectable<ReturnRequestsTable>;

async function brandsOfOrder(ctx: Context, orderNumber: string, lineNo?: number): Promise<string[]> {
  const lines = (await ctx.loaders.linesOfOrder.load(orderNumber)).filter((line) => lineNo === undefined || Number(line.line_no) === lineNo);
  const products = await ctx.loaders.product.loadMany(lines.map((line) => line.sku));
  return products.flatMap((product) => (product && !(product instanceof Error) ? [product.brand] : []));
}

export async function orderVisible(ctx: Context, orderNumber: string): Promise<boolean> {
  if (!isPartner(ctx.caller)) return true;
  return (await brandsOfOrder(ctx, orderNumber)).includes(ctx.caller.organization);
}

export async function returnVisible(ctx: Context, row: ReturnRow): Promise<boolean> {
  if (!isPartner(ctx.caller)) return true;
  return (await brandsOfOrder(ctx, row.order_number, Number(row.line_no))).includes(ctx.caller.organization);
}

export function vasVisible(ctx: Context, row: Selectable<VasOrdersTable>): boolean {
  return ownsOrNotPartner(ctx.caller, row.ordered_by_org);
}

export async function authorizeOrder(ctx: Context, row: OrderRow): Promise<OrderRow> {
  if (await orderVisible(ctx, row.number)) return row;
  throw forbidden(`order ${row.number} holds no ${ctx.caller.organization} product; a partner sees only orders of its own products`, { orderNumber: row.number });
}

export async function authorizeReturn(ctx: Context, row: ReturnRow): Promise<ReturnRow> {
  if (await returnVisible(ctx, row)) return row;
  throw forbidden(`request ${row.number} is about another brand's product; a partner sees only returns of its own products`, { returnNumber: row.number });
}

export function authorizeVas(ctx: Context, row: Selectable<VasOrdersTable>): Selectable<VasOrdersTable> {
  if (vasVisible(ctx, row)) return row;
  throw forbidden(`service order ${row.number} was sold by ${row.ordered_by_org}; a partner sees only the services it sold`, { vasNumber: row.number });
}

/** Lists leave out what a partner may not see (a page may then hold fewer than `first`). */
export async function visibleOrders(ctx: Context, rows: OrderRow[]): Promise<OrderRow[]> {
  if (!isPartner(ctx.caller)) return rows;
  const visible = await Promise.all(rows.map((row) => orderVisible(ctx, row.number)));
  return rows.filter((_, index) => visible[index]);
}

export async function visibleReturns(ctx: Context, rows: ReturnRow[]): Promise<ReturnRow[]> {
  if (!isPartner(ctx.caller)) return rows;
  const visible = await Promise.all(rows.map((row) => returnVisible(ctx, row)));
  return rows.filter((_, index) => visible[index]);
}

/**
 * The records of these retailer customers a partner may see, by number (orders, returns,
 * services): its timeline scope, in one statement.
 */
export async function partnerSubjectIds(ctx: Context, ownerIds: string[]): Promise<string[]> {
  if (ownerIds.length === 0) return [];
  const brand = ctx.caller.organization;
  const db = ctx.db;
  const rows = await db
    .selectFrom("orders as o")
    .select("o.number as id")
    .where("o.customer_id", "in", ownerIds)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("order_lines as l")
          .innerJoin("products as p", "p.sku", "l.sku")
          .select("l.line_no")
          .whereRef("l.order_number", "=", "o.number")
          .where("p.brand", "=", brand),
      ),
    )
    .unionAll(
      db
        .selectFrom("return_requests as r")
        .innerJoin("order_lines as l", (join) => join.onRef("l.order_number", "=", "r.order_number").onRef("l.line_no", "=", "r.line_no"))
        .innerJoin("products as p", "p.sku", "l.sku")
        .select("r.number as id")
        .where("r.customer_id", "in", ownerIds)
        .where("p.brand", "=", brand),
    )
    .unionAll(db.selectFrom("vas_orders").select("number as id").where("customer_id", "in", ownerIds).where("ordered_by_org", "=", brand))
    .execute();
  return rows.map((row) => row.id);
}
