import { randomInt } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Caller } from "../../../common/caller";
import { badInput, conflict, notFound } from "../../../common/errorCodes";
import { requireText } from "../../../common/normalizeIdentity";
import { actorOf, assertCanWrite, assignHandler, forbidden, nowIso, recordEvent, idempotentMutation } from "../../kit";
import type { DB, ReturnRequestsTable } from "../db/tables";
import { returnMatterKind, toReturnRequest } from "../mappers";
import { fenToYuan } from "../money";
import { PRODUCTS } from "../seed/catalog";
import type { FileReturnRequestInput } from "../types/FileReturnRequestInput";
import type { ReturnRequest } from "../types/ReturnRequest";
import { ReturnRequestType } from "../types/ReturnRequestType";
import { parseId } from "../validate";
import { RETAILER_ORG } from "./recordOrder";

/** Order states a new request may start from; an order already in after-sales or refunded keeps its state. */
const SETTLED_ORDER_STATES = ["PAID", "SHIPPED", "DELIVERED", "INSTALLED", "COMPLETED"];

/** Request types the store settles (refund or exchange) rather than the maker's technician. */
const STORE_SETTLED_TYPES: string[] = [ReturnRequestType.REFUND, ReturnRequestType.EXCHANGE];

const SERVICE_DESK = { name: "优购商城客服 Yougou Mall service desk", team: "Service desk", organization: RETAILER_ORG, tier: "L1", phone: "400-606-5500", hours: "09:00-21:00" };

/**
 * S1's beginning, from a person created through the graph: the customer files a repair (or
 * return, refund) request on their order. For a product of another brand the maker's
 * after-sales handles it (handling party: the brand), and the order waits on after-sales (a
 * refund or exchange of one first needs the maker's return certificate: CERTIFICATE_REQUIRED);
 * from there the request follows the maker's case from its events (reactions/returnFollowsCase.ts:
 * a booked visit makes it "waiting for the after-sales technician", a cancel or a customer's
 * resolution closes it). One open request per order line: a second is CONFLICT naming it.
 */
export async function fileReturnRequest(db: Kysely<DB>, caller: Caller, input: FileReturnRequestInput): Promise<ReturnRequest> {
  assertCanWrite(caller, "file return requests");
  if (caller.organization !== RETAILER_ORG) throw forbidden(`only ${RETAILER_ORG} staff file requests on the retailer's orders`, { organization: caller.organization });
  const orderNumber = parseId("orderNumber", input.orderNumber, "orderNumber");
  const lineNo = input.lineNo ?? 1;
  if (!Number.isInteger(lineNo) || lineNo < 1 || lineNo > 99) throw badInput("lineNo must be 1-99", { argument: "lineNo" });
  if (!Object.values(ReturnRequestType).includes(input.type)) throw badInput(`type must be one of ${Object.values(ReturnRequestType).join(", ")}`, { argument: "type" });
  const reason = requireText(input.reason ?? "", "reason", 300);
  return idempotentMutation(db, caller, { idempotencyKey: input.idempotencyKey ?? "", orderNumber, lineNo, type: input.type, reason }, "fileReturnRequest", (trx: Transaction<DB>) =>
    file(trx, caller, { orderNumber, lineNo, type: input.type, reason }),
  );
}

async function file(trx: Transaction<DB>, caller: Caller, request: { orderNumber: string; lineNo: number; type: ReturnRequestType; reason: string }): Promise<ReturnRequest> {
  const order = await trx.selectFrom("orders").selectAll().where("number", "=", request.orderNumber).executeTakeFirst();
  if (!order) throw notFound(`no order ${request.orderNumber}`, { argument: "orderNumber" });
  const line = await trx.selectFrom("order_lines").selectAll().where("order_number", "=", order.number).where("line_no", "=", request.lineNo).executeTakeFirst();
  if (!line) throw notFound(`order ${order.number} has no line ${request.lineNo}`, { argument: "lineNo" });
  const open = await trx.selectFrom("return_requests").select(["number", "status"]).where("order_number", "=", order.number).where("line_no", "=", request.lineNo).where("closed_at", "is", null).executeTakeFirst();
  if (open) throw conflict(`line ${request.lineNo} of order ${order.number} already has open request ${open.number} (${open.status})`, { returnNumber: open.number, status: open.status });

  const product = PRODUCTS.find((candidate) => candidate.sku === line.sku);
  const maker = product && product.brand !== RETAILER_ORG ? product.brand : null;
  const store = order.store_id ? await trx.selectFrom("stores").select(["id", "name", "name_latin"]).where("id", "=", order.store_id).executeTakeFirst() : undefined;
  const at = nowIso();
  const number = `RT-${randomInt(100_000_000, 999_999_999)}`;
  const { status, nextStep } = firstStep(request.type, maker, product, store, Number(line.unit_price_fen) * Number(line.quantity));
  const row: Required<ReturnRequestsTable> = {
    number,
    order_number: order.number,
    customer_id: order.customer_id,
    line_no: request.lineNo,
    type: request.type,
    status,
    reason: request.reason,
    next_step: nextStep,
    handling_party: maker ?? RETAILER_ORG,
    // A store purchase goes back to the store it was bought in (S7: the refund is paid there).
    store_id: store?.id ?? null,
    refund_fen: null,
    opened_at: at,
    closed_at: null,
    // The maker's case takes it on when it opens (reactions/returnFollowsCase.ts).
    maker_certificate_number: null,
    maker_case_number: null,
    refunded_at: null,
    refunded_by_name: null,
    refunded_by_org: null,
  };
  await trx.insertInto("return_requests").values(row).execute();
  const orderStatus = maker ? "RETURN_IN_PROGRESS" : order.status;
  if (maker) await trx.updateTable("orders").set({ status: orderStatus }).where("number", "=", order.number).where("status", "in", SETTLED_ORDER_STATES).execute();
  // The desk owns it until the maker's case takes it on; the customer sees who that is.
  await assignHandler(trx, { kind: returnMatterKind(row.type), id: number }, SERVICE_DESK, at, `${row.type.toLowerCase()} request filed by ${caller.name} (${caller.organization})`);
  await recordEvent(trx, {
    ownerId: order.customer_id,
    at,
    kind: "RETURN_REQUESTED",
    summary: `${caller.name} (${caller.organization}) filed ${row.type.toLowerCase()} request ${number} on order ${order.number}: ${request.reason}${maker ? (status === "CERTIFICATE_REQUIRED" ? `; the store settles it against ${maker}'s return certificate` : `; passed to ${maker} after-sales`) : ""}`,
    actor: actorOf(caller),
    subjectType: "ReturnRequest",
    subjectId: number,
    payload: { returnNumber: number, orderNumber: order.number, lineNo: request.lineNo, type: row.type, status: row.status, handlingParty: row.handling_party, serial: line.serial },
  });
  return toReturnRequest(row);
}

/**
 * Where a new request starts. A repair of another brand's product waits for the maker's
 * after-sales (a technician). A refund or exchange of one needs the maker's return
 * certificate first (S7: the service center certifies, the store refunds against it,
 * workflows/refundReturn.ts), so it starts CERTIFICATE_REQUIRED and says where to go.
 * The retailer's own products are reviewed by its desk.
 */
function firstStep(
  type: ReturnRequestType,
  maker: string | null,
  product: (typeof PRODUCTS)[number] | undefined,
  store: { id: string; name: string; name_latin: string | null } | undefined,
  valueFen: number,
): { status: string; nextStep: string } {
  if (!maker) return { status: "OPEN", nextStep: "The Yougou service desk reviews the request within 24 hours" };
  const productName = product!.name_latin ?? product!.name;
  if (!STORE_SETTLED_TYPES.includes(type)) return { status: "WAITING_AFTERSALES", nextStep: `Passed to ${maker} after-sales, who runs the after-sales of ${productName}: wait for them to book a technician` };
  const where = store ? `${store.name}${store.name_latin ? ` / ${store.name_latin}` : ""} (${store.id})` : "Yougou (return the unit by courier)";
  const settle = type === ReturnRequestType.REFUND ? `the refund of ${fenToYuan(valueFen)} yuan` : "the exchange";
  return { status: "CERTIFICATE_REQUIRED", nextStep: `Get ${maker}'s return certificate (退货鉴定证明) for the ${productName} at a ${maker} service center (${maker} after-sales arranges it), then bring it to ${where} for ${settle}` };
}
