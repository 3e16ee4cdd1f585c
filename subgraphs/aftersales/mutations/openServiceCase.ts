import { randomInt } from "node:crypto";
import { badInput, notFound } from "../../../common/errorCodes";
import { optionalText, requireText } from "../../../common/normalizeIdentity";
import { assertCanWrite, assignHandler, forbidden, nowIso, recordEvent } from "../../kit";
import { beijingWindow, MatterKind } from "../caseStatus";
import type { Context } from "../context";
import type { CasePartiesTable, VisitsTable } from "../db/tables";
import { toServiceCase, toVisit } from "../mappers";
import type { OpenedServiceCase } from "../types/OpenedServiceCase";
import type { OpenServiceCaseInput } from "../types/OpenServiceCaseInput";
import { identifier, visitWindow } from "../validation";
import { actorOf, idempotent } from "./idempotent";
import { openedCaseRow } from "./openedCaseRow";

const CHANNELS = ["PHONE", "ONLINE", "RETAILER", "PROVIDER", "SERVICE_CENTER"];
/** Field contractors that take makers' visits (fieldservice subgraph, docs/STORY_DATA.md). */
export const FIELD_CONTRACTORS: Record<string, string> = { kuaixiu: "快修到家 Kuaixiu" };
const ORDER_NUMBER = /^YG-\d{8}-\d{4,9}$/;
const SERVICE_CENTER = /^SC-[A-Z0-9-]{1,40}$/;
const TECHNICIAN = /^TEC-[A-Z0-9-]{1,40}$/;

/**
 * Issue 13 item 5: the maker opens a service case for a registered device, as the seed's S1
 * case CS-AL-0001 was: parties (maker, the retailer when it came from an order, the field
 * contractor when one works the visit), a handler, and optionally a visit with its
 * technician. `case.opened` and `visit.scheduled` go to the outbox with the rows; the
 * contractor's field job follows from `visit.scheduled` (fieldservice/reactions/jobForScheduledVisit.ts).
 */
export async function openServiceCase(ctx: Context, input: OpenServiceCaseInput): Promise<OpenedServiceCase> {
  const caller = ctx.caller;
  assertCanWrite(caller, "open service cases");
  if (caller.role !== "partner") throw forbidden("a maker opens its own service cases (a partner of the maker's organization)", { role: caller.role });
  const serial = identifier(input.serial, "serial", "serial");
  const summary = requireText(input.summary ?? "", "summary", 300);
  const channel = (input.channel ?? "PHONE").trim().toUpperCase();
  if (!CHANNELS.includes(channel)) throw badInput(`channel must be one of ${CHANNELS.join(", ")}`, { argument: "channel" });
  const orderNumber = input.orderNumber?.trim() ? input.orderNumber.trim().toUpperCase() : null;
  if (orderNumber && !ORDER_NUMBER.test(orderNumber)) throw badInput(`orderNumber "${orderNumber.slice(0, 40)}" is not a retailer order number`, { argument: "orderNumber" });
  const centerId = input.serviceCenterId?.trim() ? input.serviceCenterId.trim().toUpperCase() : null;
  if (centerId && !SERVICE_CENTER.test(centerId)) throw badInput(`serviceCenterId "${centerId.slice(0, 40)}" is not a service center id (e.g. SC-AL-WH-HS)`, { argument: "serviceCenterId" });
  const visitInput = input.visit ?? null;
  const window = visitInput ? visitWindow(visitInput.windowStart, visitInput.windowEnd) : null;
  const technicianId = visitInput?.technicianId?.trim() ? visitInput.technicianId.trim().toUpperCase() : null;
  if (technicianId && !TECHNICIAN.test(technicianId)) throw badInput(`visit.technicianId "${technicianId.slice(0, 40)}" is not a technician id (e.g. TEC-AL-0001)`, { argument: "visit.technicianId" });
  const contractor = visitInput?.fieldContractor?.trim() ? visitInput.fieldContractor.trim().toLowerCase() : null;
  if (contractor && !FIELD_CONTRACTORS[contractor]) throw badInput(`visit.fieldContractor must be one of ${Object.keys(FIELD_CONTRACTORS).join(", ")}`, { argument: "visit.fieldContractor" });
  const note = optionalText(visitInput?.note, "visit.note", 300);
  const actor = actorOf(caller);

  return idempotent(ctx, input, "openServiceCase", async (trx) => {
    const device = await trx.selectFrom("devices").selectAll().where("serial", "=", serial).executeTakeFirst();
    if (!device) throw notFound(`no registered device ${serial}`, { argument: "serial" });
    if (device.maker !== caller.organization) throw forbidden(`device ${serial} is ${device.maker}'s; a partner opens cases only for its own devices`, { serial });
    const maker = device.maker;
    const technician = technicianId ? await trx.selectFrom("technicians").selectAll().where("id", "=", technicianId).executeTakeFirst() : undefined;
    if (technicianId && !technician) throw notFound(`no technician ${technicianId}`, { argument: "visit.technicianId" });
    const center = await trx.selectFrom("service_centers").selectAll().where("id", "=", centerId ?? technician?.service_center_id ?? "").executeTakeFirst();
    if (centerId && !center) throw notFound(`no service center ${centerId}`, { argument: "serviceCenterId" });
    if (center && center.maker !== maker) throw badInput(`service center ${center.id} is ${center.maker}'s, not ${maker}'s`, { argument: centerId ? "serviceCenterId" : "visit.technicianId" });

    const at = nowIso();
    const suffix = randomInt(10_000_000, 99_999_999);
    const caseNumber = `CS-${maker.toUpperCase()}-N${suffix}`;
    const caseRow = openedCaseRow({
      number: caseNumber,
      owner_id: device.owner_id,
      serial,
      maker,
      status: window ? "SCHEDULED" : "OPEN",
      channel,
      summary,
      opened_at: at,
      order_number: orderNumber ?? device.retailer_order_number,
      service_center_id: center?.id ?? null,
      // Hand-over state (docs/STATE_MACHINES.md): null means assigned to the maker that opened it.
      ownership_state: null,
      owning_org: null,
      return_number: null,
    });
    await trx.insertInto("service_cases").values(caseRow).execute();
    const parties: CasePartiesTable[] = [{ id: `PTY-${suffix}-1`, case_number: caseNumber, organization: maker, name: `${maker} after-sales`, role: "MAKER_AFTERSALES", phone: null, joined_at: at }];
    if (caseRow.order_number) parties.push({ id: `PTY-${suffix}-2`, case_number: caseNumber, organization: "yougou", name: "优购商城客服 / Yougou Mall service desk", role: "RETAILER", phone: "400-606-5500", joined_at: at });
    if (contractor) parties.push({ id: `PTY-${suffix}-3`, case_number: caseNumber, organization: contractor, name: FIELD_CONTRACTORS[contractor], role: "FIELD_SERVICE", phone: null, joined_at: at });
    await trx.insertInto("case_parties").values(parties).execute();
    const caseHandler = center
      ? { name: center.name_latin ? `${center.name} ${center.name_latin}` : center.name, organization: maker, tier: "L1", phone: center.phone, hours: center.hours }
      : { name: caller.name, organization: maker, tier: "L1" };
    await assignHandler(trx, { kind: MatterKind.SERVICE_CASE, id: caseNumber }, caseHandler, at, "opened by the maker");
    await recordEvent(trx, {
      ownerId: device.owner_id,
      at,
      kind: "CASE_OPENED",
      summary: `Case ${caseNumber} opened for ${device.product_name} ${serial}${caseRow.order_number ? ` (Yougou order ${caseRow.order_number})` : ""}: ${summary}`,
      actor,
      subjectType: "ServiceCase",
      subjectId: caseNumber,
      payload: { caseNumber, maker, serial, orderNumber: caseRow.order_number, parties: parties.map((party) => party.organization) },
    });

    let visitRow: VisitsTable | null = null;
    if (window) {
      visitRow = {
        id: `VIS-N${suffix}`,
        case_number: caseNumber,
        owner_id: device.owner_id,
        window_start: window.start,
        window_end: window.end,
        status: "SCHEDULED",
        technician_id: technician?.id ?? null,
        service_center_id: center?.id ?? null,
        created_at: at,
        cancel_reason: null,
        cancelled_by_name: null,
        cancelled_by_role: null,
        cancelled_by_org: null,
        cancelled_at: null,
        rescheduled_from: null,
        rescheduled_to: null,
      };
      await trx.insertInto("visits").values(visitRow).execute();
      const technicianName = technician ? (technician.name_latin ? `${technician.name} ${technician.name_latin}` : technician.name) : null;
      if (technician) await assignHandler(trx, { kind: MatterKind.VISIT, id: visitRow.id }, { name: technicianName!, team: center?.name_latin ?? center?.name ?? null, organization: maker, phone: technician.phone }, at, "technician booked with the case");
      await recordEvent(trx, {
        ownerId: device.owner_id,
        at,
        kind: "VISIT_SCHEDULED",
        summary: `Technician visit ${visitRow.id} booked for ${beijingWindow(window.start, window.end)}${technicianName ? `: ${technicianName}` : ""}${contractor ? `, worked by ${FIELD_CONTRACTORS[contractor]}` : ""}`,
        actor,
        subjectType: "Visit",
        subjectId: visitRow.id,
        payload: { visitId: visitRow.id, caseNumber, maker, windowStart: window.start, windowEnd: window.end, technicianName, technicianPhone: technician?.phone ?? null, contractor, note: note ?? summary },
      });
    }
    return { serviceCase: toServiceCase(caseRow), visit: visitRow ? toVisit(visitRow) : null, ownerId: device.owner_id };
  });
}
