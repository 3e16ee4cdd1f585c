import { randomUUID } from "node:crypto";
import { badInput, conflict, notFound } from "../../../common/errorCodes";
import { assertCanWrite, assignHandler, forbidden, nowIso, recordEvent } from "../../kit";
import { OwnershipState, queueHandler } from "../caseOwnership";
import { MatterKind } from "../caseStatus";
import type { Context } from "../context";
import { handOverId } from "../handOverValidation";
import { CASE_ORGANIZATIONS, RETAILER } from "../organizations";
import type { ServiceCase } from "../types/ServiceCase";
import { identifier, text } from "../validation";
import { answerCase } from "./handOverSupport";
import { actorOf, idempotent } from "./idempotent";
import { openedCaseRow } from "./openedCaseRow";

export interface OpenServiceCaseFromReturnInput {
  returnNumber: string;
  serial: string;
  summary: string;
  idempotencyKey: string;
}

/**
 * S1's beginning, S7's return: the retailer hands a return or repair request over to the
 * maker. The maker's case is linked to the order (the device's) and to the return, waits in
 * the maker's first-line queue (its current handler), and has the maker and the retailer
 * as parties, so both see who owns it. One case per return (a unique index): a second or a
 * racing open is CONFLICT naming the case that exists.
 */
export async function openServiceCaseFromReturn(ctx: Context, input: OpenServiceCaseFromReturnInput): Promise<ServiceCase> {
  const returnNumber = handOverId(input.returnNumber, "returnNumber", "returnNumber");
  const serial = identifier(input.serial, "serial", "serial");
  const summary = text(input.summary, "summary");
  const actor = actorOf(ctx.caller);
  assertCanWrite(ctx.caller, "open service cases");
  const device = await ctx.loaders.device.load(serial);
  if (!device) throw notFound(`device ${serial} does not exist`, { argument: "serial" });
  if (!device.retailer_order_number) throw badInput(`device ${serial} was not sold through a retailer order, so no return can hand it over`, { argument: "serial" });
  if (ctx.caller.role !== "supervisor" && ctx.caller.organization !== RETAILER && ctx.caller.organization !== device.maker) {
    throw forbidden(`a return of device ${serial} is handed over by the retailer (${RETAILER}) or its maker (${device.maker}), not ${ctx.caller.organization}`, { serial });
  }
  const existing = async () => {
    const row = await ctx.db.selectFrom("service_cases").select(["number", "status"]).where("return_number", "=", returnNumber).executeTakeFirst();
    if (row) throw conflict(`return ${returnNumber} was already handed over: service case ${row.number} (${row.status})`, { caseNumber: row.number, status: row.status });
  };
  const orderNumber = device.retailer_order_number;
  try {
    return await idempotent(ctx, input, "openServiceCaseFromReturn", async (trx) => {
      const seen = await trx.selectFrom("service_cases").select(["number", "status"]).where("return_number", "=", returnNumber).executeTakeFirst();
      if (seen) throw conflict(`return ${returnNumber} was already handed over: service case ${seen.number} (${seen.status})`, { caseNumber: seen.number, status: seen.status });
      const at = nowIso();
      const number = `CS-${device.maker.slice(0, 2).toUpperCase()}-R${randomUUID().slice(0, 8).toUpperCase()}`;
      const row = openedCaseRow({
        number,
        owner_id: device.owner_id,
        serial,
        maker: device.maker,
        status: "OPEN",
        channel: "RETAILER",
        summary,
        opened_at: at,
        order_number: orderNumber,
        service_center_id: null,
        ownership_state: OwnershipState.QUEUED,
        owning_org: device.maker,
        return_number: returnNumber,
      });
      await trx.insertInto("service_cases").values(row).execute();
      const maker = CASE_ORGANIZATIONS[device.maker];
      await trx
        .insertInto("case_parties")
        .values([
          { id: `PTY-${randomUUID()}`, case_number: number, organization: device.maker, name: maker?.name ?? device.maker, role: "MAKER_AFTERSALES", phone: null, joined_at: at },
          { id: `PTY-${randomUUID()}`, case_number: number, organization: RETAILER, name: CASE_ORGANIZATIONS[RETAILER].name, role: "RETAILER", phone: null, joined_at: at },
        ])
        .execute();
      const queue = queueHandler(device.maker, "L1");
      await assignHandler(trx, { kind: MatterKind.SERVICE_CASE, id: number }, queue, at, `handed over by ${actor.organization} from return ${returnNumber}`);
      await recordEvent(trx, {
        ownerId: device.owner_id,
        at,
        kind: "CASE_OPENED_FROM_RETURN",
        summary: `Case ${number} opened for ${device.maker} from ${RETAILER} return ${returnNumber} (order ${orderNumber}, device ${serial}) by ${actor.name} (${actor.organization}): ${summary}; waiting in the ${queue.name}`,
        actor,
        subjectType: "ServiceCase",
        subjectId: number,
        payload: { caseNumber: number, returnNumber, orderNumber, maker: device.maker },
      });
      return answerCase(ctx, row);
    });
  } catch (error) {
    // A racing open of the same return lost on the unique index: say which case won.
    await existing();
    throw error;
  }
}
