import { customer360Source, type IdentityRef, type MatterRecord, type NormalizedIdentifier } from "../kit";
import type { Context } from "./context";
import type { DB } from "./db/tables";
import type { Loaders } from "./loaders";
import { returnMatterKind } from "./mappers";
import { VAS_MATTER_KIND } from "./vasCatalog";

const SYSTEM = "orders";

/** Open return/repair requests and undelivered value-added services: two statements for all ids. */
async function openMatters(ctx: Context, ownerIds: string[]): Promise<MatterRecord[]> {
  const [returns, services] = await Promise.all([
    ctx.db
      .selectFrom("return_requests as r")
      .leftJoin("order_lines as l", (join) => join.onRef("l.order_number", "=", "r.order_number").onRef("l.line_no", "=", "r.line_no"))
      .leftJoin("products as p", "p.sku", "l.sku")
      .select(["r.number", "r.order_number", "r.type", "r.status", "r.opened_at", "p.name as product_name", "p.name_latin as product_latin"])
      .where("r.customer_id", "in", ownerIds)
      .where("r.closed_at", "is", null)
      .execute(),
    ctx.db.selectFrom("vas_orders").selectAll().where("customer_id", "in", ownerIds).where("closed_at", "is", null).execute(),
  ]);
  return [
    ...returns.map((row) => ({
      kind: returnMatterKind(row.type),
      id: row.number,
      title: `${row.type === "REPAIR" ? "Repair" : row.type === "REFUND" ? "Refund" : "Exchange"} request ${row.number} on order ${row.order_number}${
        row.product_name ? `: ${row.product_name}${row.product_latin ? ` (${row.product_latin})` : ""}` : ""
      }`,
      status: row.status,
      openedAt: row.opened_at,
      subjectType: "ReturnRequest",
      subjectId: row.number,
    })),
    ...services.map((row) => ({
      kind: VAS_MATTER_KIND,
      id: row.number,
      title: `${row.service_name} sold in case ${row.case_number}`,
      status: row.status,
      openedAt: row.ordered_at,
      subjectType: "ValueAddedServiceOrder",
      subjectId: row.number,
      dueAt: row.due_at,
    })),
  ];
}

/**
 * Which retailer customer an order, return, service order or customer id points to. Phones
 * and emails are the customers subgraph's business: the retailer answers only its own numbers.
 * One statement, chosen by the number's prefix.
 */
async function lookup(ctx: Context, identifier: NormalizedIdentifier): Promise<IdentityRef[]> {
  if (identifier.kind !== "reference") return [];
  const value = identifier.value;
  const match = (rows: { customer_id: string }[], matchedBy: string) => rows.map((row) => ({ system: SYSTEM, externalId: row.customer_id, matchedBy }));
  if (value.startsWith("YG-")) return match(await ctx.db.selectFrom("orders").select("customer_id").where("number", "=", value).execute(), "order");
  if (value.startsWith("RT-")) return match(await ctx.db.selectFrom("return_requests").select("customer_id").where("number", "=", value).execute(), "return");
  if (value.startsWith("VAS-")) return match(await ctx.db.selectFrom("vas_orders").select("customer_id").where("number", "=", value).execute(), "valueAddedService");
  const rows = await ctx.db.selectFrom("retailer_customers").select("id as customer_id").where("id", "=", value).execute();
  return match(rows, "customer");
}

export const customer360 = customer360Source<DB, Loaders>(SYSTEM, { openMatters, lookup });
