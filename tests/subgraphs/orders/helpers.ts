import type { Kysely } from "kysely";
import type { Caller } from "../../../common/caller";
import type { DB } from "../../../subgraphs/orders/db/tables";

export const ANALYST: Caller = { subject: "analyst-gu", name: "顾分析 Analyst Gu", role: "analyst", organization: "platform" };
export const REP_LENOVO: Caller = { subject: "rep-lenovo-zheng", name: "郑婷 Zheng Ting", role: "rep", organization: "lenovo" };

let keys = 0;
export function freshKey(label: string): string {
  keys += 1;
  return `${label}-${process.pid}-${Date.now()}-${keys}`;
}

/** A retailer customer of its own with `count` one-line orders (each with one return), for batching tests. */
export async function insertCustomerWithOrders(db: Kysely<DB>, id: string, count: number): Promise<string[]> {
  await db.insertInto("retailer_customers").values({ id, name: "测试 Test", name_latin: "Test", city: "Wuhan", member_since: "2024-01-01T00:00:00.000Z" }).execute();
  const numbers: string[] = [];
  const orders = [];
  const lines = [];
  const returns = [];
  for (let i = 0; i < count; i++) {
    const number = `YG-20260101-${id.replace(/\D/g, "").padStart(4, "0")}${String(i).padStart(4, "0")}`;
    numbers.push(number);
    const placed = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    orders.push({ number, customer_id: id, placed_at: placed, status: "COMPLETED", channel: "ONLINE", store_id: i % 2 ? "ST-NJ-XJK" : "ST-WH-JHL", total_fen: 3900 });
    lines.push({ order_number: number, line_no: 1, sku: i % 2 ? "YG-USBC-2M" : "AL-EH60", quantity: 1, unit_price_fen: 3900, serial: null });
    returns.push({
      number: `RT-${id.replace(/\D/g, "").padStart(4, "0")}${String(i).padStart(4, "0")}`,
      order_number: number,
      customer_id: id,
      line_no: 1,
      type: "REFUND",
      status: "REFUNDED",
      reason: "test",
      next_step: null,
      handling_party: "yougou",
      store_id: null,
      refund_fen: 3900,
      opened_at: placed,
      closed_at: placed,
    });
  }
  for (let i = 0; i < count; i += 100) {
    await db.insertInto("orders").values(orders.slice(i, i + 100)).execute();
    await db.insertInto("order_lines").values(lines.slice(i, i + 100)).execute();
    await db.insertInto("return_requests").values(returns.slice(i, i + 100)).execute();
  }
  return numbers;
}
