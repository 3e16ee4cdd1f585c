import { authorizeSource, customer360Source, isPartner, ownsOrNotPartner, type IdentityRef, type MatterRecord, type NormalizedIdentifier } from "../kit";
import { partnerSubjectIds } from "./access";
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
      .select(["r.number", "r.order_number", "r.type", "r.status", "r.opened_at", "p.name as product_name", "p.name_latin as product_latin", "p.brand"])
      .where("r.customer_id", "in", ownerIds)
      .where("r.closed_at", "is", null)
      .execute(),
    ctx.db.selectFrom("vas_orders").selectAll().where("customer_id", "in", ownerIds).where("closed_at", "is", null).execute(),
  ]);
  // A partner's open matters here: returns of its products, services it sold.
  return [
    ...returns.filter((row) => ownsOrNotPartner(ctx.caller, row.brand)).map((row) => ({
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
    ...services.filter((row) => ownsOrNotPartner(ctx.caller, row.ordered_by_org)).map((row) => ({
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
  const matches = await lookupAll(ctx, identifier);
  if (!isPartner(ctx.caller) || matches.length === 0) return matches;
  // A partner finds a customer only through its own records: the number typed must be one of
  // them, or (a customer id) the customer must have some.
  const visible = await partnerSubjectIds(ctx, [...new Set(matches.map((match) => match.externalId))]);
  return matches.filter((match) => (match.matchedBy === "customer" ? visible.length > 0 : visible.includes(identifier.value)));
}

async function lookupAll(ctx: Context, identifier: NormalizedIdentifier): Promise<IdentityRef[]> {
  if (identifier.kind !== "reference") return [];
  const value = identifier.value;
  const match = (rows: { customer_id: string }[], matchedBy: string) => rows.map((row) => ({ system: SYSTEM, externalId: row.customer_id, matchedBy }));
  if (value.startsWith("YG-")) return match(await ctx.db.selectFrom("orders").select("customer_id").where("number", "=", value).execute(), "order");
  if (value.startsWith("RT-")) return match(await ctx.db.selectFrom("return_requests").select("customer_id").where("number", "=", value).execute(), "return");
  if (value.startsWith("VAS-")) return match(await ctx.db.selectFrom("vas_orders").select("customer_id").where("number", "=", value).execute(), "valueAddedService");
  const rows = await ctx.db.selectFrom("retailer_customers").select("id as customer_id").where("id", "=", value).execute();
  return match(rows, "customer");
}

/** A partner's part of the retailer's timeline: events about its own orders, returns and services, filtered in SQL. */
export const ordersCustomer360 = authorizeSource<Context>(customer360Source<DB, Loaders>(SYSTEM, { openMatters, lookup }), {
  source: SYSTEM,
  partnerTimeline: async (ctx, ownerIds) => ({ ownerIds, subjectIds: await partnerSubjectIds(ctx, ownerIds) }),
});
