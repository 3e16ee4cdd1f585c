import type { Kysely } from "kysely";
import type { Caller } from "../../common/caller";
import { badInput, conflict, notFound } from "../../common/errorCodes";
import { forbidden } from "../kit";
import type { DB, ServiceCaseRefsTable } from "./db/tables";

/** The retailer itself: its staff sell its services in any case of their customer. */
export const RETAILER_ORGANIZATION = "yougou";

const CLOSED_STATUSES = ["CLOSED", "RESOLVED", "CANCELLED"];

/**
 * The case a value-added service is sold in, checked from the retailer's own reference of
 * it (service_case_refs, seed/caseReferences.ts), inside the sale's transaction so nothing
 * is saved on a refusal:
 *   no such case                                  NOT_FOUND
 *   closed                                        CONFLICT (with its status)
 *   another customer's case                       BAD_USER_INPUT (argument customerId)
 *   the caller's organization may not sell in it  FORBIDDEN: only the retailer's own staff,
 *                                                 the case's maker and its parties may
 */
export async function caseForSale(db: Kysely<DB>, caller: Caller, caseNumber: string, customerId: string): Promise<ServiceCaseRefsTable> {
  const found = await db.selectFrom("service_case_refs").selectAll().where("case_number", "=", caseNumber).executeTakeFirst();
  if (!found) throw notFound(`no service case ${caseNumber} the retailer may sell services in`, { argument: "caseNumber" });
  if (CLOSED_STATUSES.includes(found.status)) {
    throw conflict(`case ${caseNumber} is ${found.status}: services are sold only in open cases`, { argument: "caseNumber", status: found.status });
  }
  if (found.customer_id !== customerId) throw badInput(`case ${caseNumber} is not a case of customer ${customerId}`, { argument: "customerId" });
  const parties = found.parties.split(",");
  if (caller.organization !== RETAILER_ORGANIZATION && caller.organization !== found.maker && !parties.includes(caller.organization)) {
    throw forbidden(`${caller.organization} is not a party to case ${caseNumber} (maker ${found.maker}) and may not sell services in it`, { argument: "caseNumber" });
  }
  return found;
}
