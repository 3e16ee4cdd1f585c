import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Caller } from "../../../common/caller";
import { badInput, conflict, notFound } from "../../../common/errorCodes";
import { assertCanWrite, assignHandler, forbidden, isPartner, nowIso, recordEvent, withIdempotency } from "../../kit";
import type { DB, VasOrdersTable } from "../db/tables";
import { caseForSale } from "../caseForSale";
import { toVasOrder } from "../mappers";
import { fenToYuan } from "../money";
import type { ValueAddedServiceOrder } from "../types/ValueAddedServiceOrder";
import { parseId } from "../validate";
import { VAS_CATALOG, VAS_MATTER_KIND, vasService } from "../vasCatalog";

export interface OrderVasInput {
  caseNumber: string;
  customerId: string;
  serviceCode: string;
  idempotencyKey: string;
}


/**
 * Sells a value-added service inside a maker's case (S6). Once per idempotency key; the
 * same service cannot be open twice in one case (a unique slot decides races: the loser
 * gets CONFLICT).
 */
export async function orderValueAddedService(db: Kysely<DB>, caller: Caller, input: OrderVasInput): Promise<ValueAddedServiceOrder> {
  // Analysts read; they do not sell. A partner acts only on its own cases, and the case's
  // maker lives in aftersales, not here: the retailer cannot confirm it, so it refuses.
  assertCanWrite(caller, "order services for a customer");
  if (isPartner(caller)) throw forbidden("partners may not sell the retailer's services: the retailer cannot confirm the case is theirs; ask a Yougou rep", { role: caller.role });
  const caseNumber = parseId("caseNumber", input.caseNumber, "caseNumber");
  const customerId = parseId("customerId", input.customerId, "customerId");
  const service = vasService(parseId("serviceCode", input.serviceCode, "serviceCode"));
  if (!service) throw badInput(`unknown service "${input.serviceCode}"; one of ${VAS_CATALOG.map((s) => s.code).join(", ")}`, { argument: "serviceCode" });
  const key = input.idempotencyKey;
  if (key.trim().length === 0 || key.length > 200) throw badInput("idempotencyKey must be 1-200 characters", { argument: "idempotencyKey" });

  // A concurrent twin (same key, or the same service in the same case) replays or meets CONFLICT: see withIdempotency.
  return withIdempotency(db, { subject: caller.subject, key, operation: "orderValueAddedService", args: { caseNumber, customerId, serviceCode: service.code } }, async (trx) => {
      const customer = await trx.selectFrom("retailer_customers").select(["id", "name"]).where("id", "=", customerId).executeTakeFirst();
      if (!customer) throw notFound(`no retailer customer ${customerId}`, { argument: "customerId" });
      await caseForSale(trx, caller, caseNumber, customerId);
      const slot = `${caseNumber}|${service.code}`;
      const open = await trx.selectFrom("vas_orders").select(["number", "status"]).where("open_slot", "=", slot).executeTakeFirst();
      if (open) throw conflict(`${service.name} is already ordered in case ${caseNumber} (${open.number}, ${open.status})`, { existing: open.number });

      const at = nowIso();
      const row: VasOrdersTable = {
        number: `VAS-${at.slice(0, 10).replace(/-/g, "")}-${randomBytes(3).toString("hex").toUpperCase()}`,
        case_number: caseNumber,
        customer_id: customerId,
        service_code: service.code,
        service_name: service.name,
        price_fen: service.priceFen,
        status: "ORDERED",
        ordered_at: at,
        due_at: new Date(Date.parse(at) + service.dueHours * 3_600_000).toISOString(),
        ordered_by_name: caller.name,
        ordered_by_role: caller.role,
        ordered_by_org: caller.organization,
        closed_at: null,
        open_slot: slot,
      };
      await trx.insertInto("vas_orders").values(row).execute();
      const actor = { name: caller.name, role: caller.role, organization: caller.organization };
      await recordEvent(trx, {
        ownerId: customerId,
        at,
        kind: "VAS_ORDERED",
        summary: `${caller.name} (${caller.organization}) ordered a ${service.name} (${service.nameZh}, ${fenToYuan(service.priceFen)} yuan) for ${customer.name} in case ${caseNumber}`,
        actor,
        subjectType: "ValueAddedServiceOrder",
        subjectId: row.number,
      });
      // The rep who sold it owns it until it is delivered.
      await assignHandler(trx, { kind: VAS_MATTER_KIND, id: row.number }, { name: caller.name, organization: caller.organization, team: "service desk" }, at, "sold in case");
      return toVasOrder(row);
    });
}
