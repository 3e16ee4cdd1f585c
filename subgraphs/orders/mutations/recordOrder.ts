import { randomInt } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Caller } from "../../../common/caller";
import { badInput, notFound } from "../../../common/errorCodes";
import { normalizeContact, optionalText, requireText } from "../../../common/normalizeIdentity";
import { actorOf, assertCanWrite, forbidden, nowIso, recordEvent, idempotentMutation } from "../../kit";
import type { DB, OrderLinesTable } from "../db/tables";
import { toOrder } from "../mappers";
import { fenToYuan } from "../money";
import { PRODUCTS } from "../seed/catalog";
import { OrderChannel } from "../types/OrderChannel";
import type { RecordOrderInput } from "../types/RecordOrderInput";
import type { RecordOrderResult } from "../types/RecordOrderResult";
import { parseId } from "../validate";

/** The retailer's organization code: only its own staff record its orders. */
export const RETAILER_ORG = "yougou";
const MAX_LINES = 20;

/**
 * Issue 13 item 5: the retailer records an order for a buyer, so a story can start from a
 * person who is in no seed. A buyer whose normalized mobile the retailer already has is that
 * customer; otherwise a retailer customer is created and `identity.registered` published for
 * the identity graph, in the same transaction as the order and its `order.recorded` event.
 */
export async function recordOrder(db: Kysely<DB>, caller: Caller, input: RecordOrderInput): Promise<RecordOrderResult> {
  assertCanWrite(caller, "record orders");
  if (caller.organization !== RETAILER_ORG) throw forbidden(`only ${RETAILER_ORG} staff record the retailer's orders`, { organization: caller.organization });
  const buyer = input.buyer;
  const contact = normalizeContact({ name: buyer.name, mobile: buyer.mobile, email: buyer.email, city: buyer.city, sharedPhone: buyer.sharedPhone }, "buyer", { mobileRequired: true });
  requireText(buyer.city ?? "", "buyer.city", 40);
  const nameLatin = optionalText(buyer.nameLatin, "buyer.nameLatin", 60);
  const district = optionalText(buyer.district, "buyer.district", 40);
  const address = requireText(buyer.address ?? "", "buyer.address", 200);
  const channel = input.channel ?? OrderChannel.ONLINE;
  const storeId = input.storeId ? parseId("storeId", input.storeId, "storeId") : null;
  if (channel === OrderChannel.STORE && !storeId) throw badInput("a STORE order names its storeId", { argument: "storeId", reason: "REQUIRED" });
  if (input.lines.length === 0 || input.lines.length > MAX_LINES) throw badInput(`an order has 1-${MAX_LINES} lines`, { argument: "lines" });
  const lines = input.lines.map((line, index) => {
    const sku = line.sku.trim().toUpperCase();
    const product = PRODUCTS.find((candidate) => candidate.sku === sku);
    if (!product) throw badInput(`lines[${index}].sku "${line.sku.slice(0, 40)}" is not in the catalogue`, { argument: `lines[${index}].sku` });
    const quantity = line.quantity ?? 1;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99) throw badInput(`lines[${index}].quantity must be 1-99`, { argument: `lines[${index}].quantity` });
    const serial = line.serial == null || line.serial.trim() === "" ? null : line.serial.trim().toUpperCase();
    if (serial !== null && !/^[A-Z0-9][A-Z0-9\-_.]{0,63}$/.test(serial)) throw badInput(`lines[${index}].serial "${line.serial!.slice(0, 64)}" is not a serial number`, { argument: `lines[${index}].serial` });
    return { sku, quantity, serial, product };
  });
  // Bound to the normalized request: the same order typed with other spacing is the same request.
  const request = { contact, nameLatin, district, address, channel, storeId, lines: lines.map(({ sku, quantity, serial }) => ({ sku, quantity, serial })) };
  return idempotentMutation(db, caller, { idempotencyKey: input.idempotencyKey ?? "", ...request }, "recordOrder", (trx: Transaction<DB>) =>
    record(trx, caller, { contact, nameLatin, district, address, channel, storeId, lines }),
  );
}

interface Checked {
  contact: ReturnType<typeof normalizeContact>;
  nameLatin: string | null;
  district: string | null;
  address: string;
  channel: OrderChannel;
  storeId: string | null;
  lines: { sku: string; quantity: number; serial: string | null; product: (typeof PRODUCTS)[number] }[];
}

async function record(trx: Transaction<DB>, caller: Caller, order: Checked): Promise<RecordOrderResult> {
  const at = nowIso();
  const actor = actorOf(caller);
  const { contact } = order;
  if (order.storeId) {
    const store = await trx.selectFrom("stores").select("id").where("id", "=", order.storeId).executeTakeFirst();
    if (!store) throw notFound(`no store ${order.storeId}`, { argument: "storeId" });
  }
  const known = await trx.selectFrom("retailer_customer_contacts").select("customer_id").where("mobile", "=", contact.mobile!).orderBy("created_at").executeTakeFirst();
  let customerId = known?.customer_id ?? null;
  const customerCreated = customerId === null;
  if (customerId === null) {
    customerId = `RC-N${randomInt(10_000_000, 99_999_999)}`;
    await trx.insertInto("retailer_customers").values({ id: customerId, name: contact.name, name_latin: order.nameLatin, city: contact.city, member_since: at }).execute();
    await trx
      .insertInto("retailer_customer_contacts")
      .values({ customer_id: customerId, mobile: contact.mobile!, email: contact.email, district: order.district, address: order.address, shared_phone: contact.sharedPhone === null ? null : contact.sharedPhone ? 1 : 0, created_at: at })
      .execute();
    await recordEvent(trx, {
      ownerId: customerId,
      at,
      kind: "IDENTITY_REGISTERED",
      summary: `${contact.name} became a Yougou customer (${customerId}), recorded by ${caller.name} (${caller.organization})`,
      actor,
      subjectType: "RetailerCustomer",
      subjectId: customerId,
      payload: { system: "orders", identityId: customerId, mobile: contact.mobile, email: contact.email, name: contact.name, city: contact.city, sharedPhone: contact.sharedPhone, organization: RETAILER_ORG },
    });
  }

  const number = `YG-${at.slice(0, 10).replace(/-/g, "")}-${randomInt(100_000_000, 999_999_999)}`;
  const rows: OrderLinesTable[] = order.lines.map((line, index) => ({ order_number: number, line_no: index + 1, sku: line.sku, quantity: line.quantity, unit_price_fen: line.product.priceFen, serial: line.serial }));
  const total = rows.reduce((sum, line) => sum + line.unit_price_fen * line.quantity, 0);
  const orderRow = { number, customer_id: customerId, placed_at: at, status: "PAID", channel: order.channel, store_id: order.storeId, total_fen: total };
  await trx.insertInto("orders").values(orderRow).execute();
  await trx.insertInto("order_lines").values(rows).execute();
  const what = order.lines.map((line) => `${line.quantity} x ${line.product.name_latin ?? line.product.name}${line.serial ? ` (${line.serial})` : ""}`).join(", ");
  await recordEvent(trx, {
    ownerId: customerId,
    at,
    kind: "ORDER_RECORDED",
    summary: `Order ${number} recorded ${order.channel === OrderChannel.STORE ? `in store ${order.storeId}` : "online"} by ${caller.name} (${caller.organization}): ${what}, ${fenToYuan(total)} yuan`,
    actor,
    subjectType: "Order",
    subjectId: number,
    payload: { orderNumber: number, customerId, skus: order.lines.map((line) => line.sku), serials: order.lines.flatMap((line) => (line.serial ? [line.serial] : [])) },
  });
  return { order: toOrder(orderRow), customerId, customerCreated };
}
