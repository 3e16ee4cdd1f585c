import type { Kysely } from "kysely";
import { insertInChunks, recordSeededEvents, seededRandom, type EventInput, type SyntheticPerson } from "../../kit";
import type { DB, OrderLinesTable, OrdersTable, RetailerCustomersTable, ReturnRequestsTable } from "../db/tables";
import { fenToYuan } from "../money";
import { PRODUCTS, productRows, STORES } from "./catalog";

const DAY_MS = 86_400_000;
/** Keeps order numbers unique per person: index * 100 + k. */
const MAX_ORDERS_PER_PERSON = 99;
const SYSTEM = { name: "优购订单系统 Yougou order system", role: "system", organization: "yougou" };

/**
 * Bulk retailer records for synthetic people: about `eventsPerSource` timeline events each
 * (an order makes three: placed, shipped, delivered; a return one or two more), written
 * with multi-row inserts in one transaction. Deterministic per person index.
 */
export async function seedSynthetic(db: Kysely<DB>, people: SyntheticPerson[]): Promise<void> {
  const now = Date.now();
  const customers: RetailerCustomersTable[] = [];
  const orders: OrdersTable[] = [];
  const lines: OrderLinesTable[] = [];
  const returns: ReturnRequestsTable[] = [];
  const events: (EventInput & { id: string })[] = [];

  for (const person of people) {
    const random = seededRandom(person.index + 1);
    const owner = person.ids.orders;
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    customers.push({ id: owner, name: person.name, name_latin: person.nameLatin, city: person.city, member_since: new Date(now - (800 + random() * 1500) * DAY_MS).toISOString() });

    const count = Math.min(MAX_ORDERS_PER_PERSON, Math.max(1, Math.round(person.eventsPerSource / 3)));
    let eventNo = 0;
    const event = (at: number, kind: string, summary: string, subjectType: string, subjectId: string) =>
      events.push({ id: `syn-${person.index}-${eventNo++}`, ownerId: owner, at: new Date(at).toISOString(), kind, summary, actor: SYSTEM, subjectType, subjectId });

    for (let k = 0; k < count; k++) {
      const placed = now - (2 + random() * 720) * DAY_MS;
      const date = new Date(placed).toISOString().slice(0, 10).replace(/-/g, "");
      const number = `YG-${date}-${String(person.index * 100 + k).padStart(9, "0")}`;
      const inStore = random() < 0.25;
      const product = pick(PRODUCTS);
      const extra = random() < 0.3 ? pick(PRODUCTS.filter((p) => p.serialPrefix === null)) : null;
      const serial = product.serialPrefix ? `${product.serialPrefix}S${person.index}${k}` : null;
      lines.push({ order_number: number, line_no: 1, sku: product.sku, quantity: 1, unit_price_fen: product.priceFen, serial });
      if (extra) lines.push({ order_number: number, line_no: 2, sku: extra.sku, quantity: 1 + Math.floor(random() * 2), unit_price_fen: extra.priceFen, serial: null });
      const total = product.priceFen + (extra ? extra.priceFen * lines[lines.length - 1].quantity : 0);
      const returned = random() < 0.08;
      orders.push({
        number,
        customer_id: owner,
        placed_at: new Date(placed).toISOString(),
        status: returned ? "RETURN_IN_PROGRESS" : "COMPLETED",
        channel: inStore ? "STORE" : "ONLINE",
        store_id: inStore ? pick(STORES).id : null,
        total_fen: total,
      });
      event(placed, "ORDER_PLACED", `${person.name} ${person.nameLatin} ordered ${product.name_latin} (${number}), ${fenToYuan(total)} yuan`, "Order", number);
      event(placed + 0.4 * DAY_MS, "ORDER_SHIPPED", `Order ${number} shipped`, "Order", number);
      event(placed + 1.5 * DAY_MS, "ORDER_DELIVERED", `Order ${number} delivered`, "Order", number);

      if (returned) {
        const opened = placed + (2 + random() * 20) * DAY_MS;
        const closed = random() < 0.7 && opened + 3 * DAY_MS < now ? opened + 3 * DAY_MS : null;
        const type = pick(["REPAIR", "REFUND", "EXCHANGE"] as const);
        const returnNumber = `RT-${String(person.index * 100 + k).padStart(10, "0")}`;
        returns.push({
          number: returnNumber,
          order_number: number,
          customer_id: owner,
          line_no: 1,
          type,
          status: closed ? (type === "REFUND" ? "REFUNDED" : "CLOSED") : type === "REPAIR" ? "WAITING_AFTERSALES_TECHNICIAN" : "WAITING_GOODS_RETURN",
          reason: pick(["质量问题 Defective on arrival", "不想要了 No longer wanted", "与描述不符 Not as described"]),
          next_step: closed ? null : "Bring the item to any Yougou store or book a courier pick-up",
          handling_party: type === "REPAIR" ? product.brand : "yougou",
          store_id: null,
          refund_fen: type === "REFUND" ? product.priceFen : null,
          opened_at: new Date(opened).toISOString(),
          closed_at: closed ? new Date(closed).toISOString() : null,
        });
        event(opened, "RETURN_REQUESTED", `${type.toLowerCase()} request ${returnNumber} on order ${number}`, "ReturnRequest", returnNumber);
        if (closed) event(closed, "RETURN_STATUS_CHANGED", `${returnNumber} closed`, "ReturnRequest", returnNumber);
      }
    }
  }

  await db.transaction().execute(async (trx) => {
    // Shared reference data: present once whichever batch comes first.
    await trx.insertInto("stores").values(STORES).onConflict((oc) => oc.column("id").doNothing()).execute();
    await trx.insertInto("products").values(productRows()).onConflict((oc) => oc.column("sku").doNothing()).execute();
    await insertInChunks(trx, "retailer_customers", customers as unknown as Record<string, unknown>[]);
    await insertInChunks(trx, "orders", orders as unknown as Record<string, unknown>[]);
    await insertInChunks(trx, "order_lines", lines as unknown as Record<string, unknown>[]);
    await insertInChunks(trx, "return_requests", returns as unknown as Record<string, unknown>[]);
    await recordSeededEvents(trx, events);
  });
}
