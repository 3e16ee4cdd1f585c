import type { Kysely } from "kysely";
import type { Caller } from "../../../common/caller";
import { badInput, conflict, notFound } from "../../../common/errorCodes";
import { actorOf, assertCanWrite, assignHandler, forbidden, idempotentMutation, isPartner, nowIso, recordEvent, releaseHandler, settleCommitments } from "../../kit";
import type { DB } from "../db/tables";
import { toReturnRequest } from "../mappers";
import { fenToYuan } from "../money";
import type { ReturnRequest } from "../types/ReturnRequest";
import { parseId } from "../validate";

/**
 * S7: the return that spans store and maker. The maker's step (the service center's return
 * certificate, aftersales issueReturnCertificate) and the store's (this refund) are tracked on
 * one matter, the return request: the refund references the certificate by number (its maker
 * segment must be the product's brand), and the maker's arrangement names this return. States:
 * CERTIFICATE_REQUIRED (or any open state) -> REFUNDED, once, by conditional update.
 */
export interface RefundInput {
  returnNumber: string;
  certificateNumber: string;
  caseNumber?: string | null;
  idempotencyKey: string;
}

const CERTIFICATE = /^RC-([A-Z0-9]{2,20})-\d{8}-[A-F0-9]{6}$/;
const REFUNDABLE = ["CERTIFICATE_REQUIRED", "OPEN", "WAITING_STORE"];
/** Order states that only mean "a request on it is under way" (fileReturnRequest, reactions/returnFollowsCase.ts). */
const IN_AFTERSALES = ["RETURN_IN_PROGRESS", "AWAITING_TECHNICIAN"];

export async function refundReturnAtStore(db: Kysely<DB>, caller: Caller, input: RefundInput): Promise<ReturnRequest> {
  const returnNumber = parseId("returnNumber", input.returnNumber, "returnNumber");
  const certificate = input.certificateNumber.trim().toUpperCase();
  const match = CERTIFICATE.exec(certificate);
  if (!match || certificate.length > 60) throw badInput(`certificateNumber "${input.certificateNumber.slice(0, 60)}" is not a maker's return certificate (e.g. RC-HUAWEI-20261202-A1B2C3)`, { argument: "certificateNumber" });
  const caseNumber = input.caseNumber ? parseId("caseNumber", input.caseNumber, "caseNumber") : null;
  assertCanWrite(caller, "refund returns");
  // The refund is paid at the retailer's store: the retailer's desk (or a supervisor), never a maker.
  if (isPartner(caller) || (caller.role !== "supervisor" && caller.organization !== "yougou")) {
    throw forbidden(`the store refunds: ${caller.organization} may not pay the retailer's refunds`, { returnNumber });
  }
  const actor = actorOf(caller);
  return idempotentMutation(db, caller, input, "refundReturnAtStore", async (trx) => {
    const row = await trx
      .selectFrom("return_requests as r")
      .leftJoin("order_lines as l", (join) => join.onRef("l.order_number", "=", "r.order_number").onRef("l.line_no", "=", "r.line_no"))
      .leftJoin("products as p", "p.sku", "l.sku")
      .selectAll("r")
      .select(["p.brand", "l.unit_price_fen", "l.quantity"])
      .where("r.number", "=", returnNumber)
      .executeTakeFirst();
    if (!row) throw notFound(`return request ${returnNumber} does not exist`, { argument: "returnNumber" });
    if (row.type === "REPAIR") throw badInput(`return request ${returnNumber} is a REPAIR: nothing to refund`, { argument: "returnNumber" });
    if (row.brand && match[1] !== row.brand.toUpperCase()) throw badInput(`certificate ${certificate} is from ${match[1].toLowerCase()}, but the product is ${row.brand}'s`, { argument: "certificateNumber" });
    const at = nowIso();
    const refundFen = row.refund_fen ?? Number(row.unit_price_fen ?? 0) * Number(row.quantity ?? 1);
    const updated = await trx
      .updateTable("return_requests")
      .set({ status: "REFUNDED", closed_at: at, refund_fen: refundFen, next_step: null, handling_party: "yougou", maker_certificate_number: certificate, maker_case_number: caseNumber, refunded_at: at, refunded_by_name: actor.name, refunded_by_org: actor.organization })
      .where("number", "=", returnNumber)
      .where("status", "in", REFUNDABLE)
      .where("closed_at", "is", null)
      .executeTakeFirst();
    const after = await trx.selectFrom("return_requests").selectAll().where("number", "=", returnNumber).executeTakeFirstOrThrow();
    if (Number(updated.numUpdatedRows) === 0) throw conflict(`return request ${returnNumber} is ${after.status}; a refund needs ${REFUNDABLE.join(" or ")}`, { status: after.status });
    const orderStatus = await orderAfterRefund(trx, after.order_number);
    const matter = { kind: toReturnRequest(after).matterKind, id: returnNumber };
    await assignHandler(trx, matter, { name: actor.name, organization: actor.organization, team: "store refunds" }, at, `refund paid against ${certificate}`);
    await settleCommitments(trx, matter, "KEPT", at);
    await releaseHandler(trx, matter, at);
    await recordEvent(trx, {
      ownerId: after.customer_id,
      at,
      kind: "RETURN_REFUNDED",
      summary: `Refund of ${fenToYuan(refundFen)} yuan for return ${returnNumber} paid at the store by ${actor.name} (${actor.organization}) against ${row.brand ?? "the maker"}'s return certificate ${certificate}${caseNumber ? ` (case ${caseNumber})` : ""}${orderStatus ? `; order ${after.order_number} now ${orderStatus}` : ""}`,
      actor,
      subjectType: "ReturnRequest",
      subjectId: returnNumber,
      payload: { returnNumber, certificateNumber: certificate, refundFen, caseNumber, orderStatus: orderStatus ?? undefined },
    });
    return toReturnRequest(after);
  });
}

/**
 * The order after a refund: once no request on it is open, it stops reading "return in
 * progress". RETURNED when every line went back refunded, COMPLETED when some line stays
 * with the customer. Conditional on the order still waiting on a request; null when unchanged.
 */
async function orderAfterRefund(trx: Kysely<DB>, orderNumber: string): Promise<string | null> {
  const open = await trx.selectFrom("return_requests").select("number").where("order_number", "=", orderNumber).where("closed_at", "is", null).execute();
  if (open.length > 0) return null;
  const lines = await trx.selectFrom("order_lines").select("line_no").where("order_number", "=", orderNumber).execute();
  const refunded = await trx.selectFrom("return_requests").select("line_no").where("order_number", "=", orderNumber).where("status", "=", "REFUNDED").execute();
  const back = new Set(refunded.map((row) => Number(row.line_no)));
  const status = lines.every((line) => back.has(Number(line.line_no))) ? "RETURNED" : "COMPLETED";
  const updated = await trx.updateTable("orders").set({ status }).where("number", "=", orderNumber).where("status", "in", IN_AFTERSALES).executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0 ? status : null;
}
