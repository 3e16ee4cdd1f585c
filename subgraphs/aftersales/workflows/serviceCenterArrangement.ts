import { randomBytes } from "node:crypto";
import { badInput, conflict, notFound } from "../../../common/errorCodes";
import { actorOf, addCommitment, cstTime, maskPhone, normalizePhone, nowIso, recordEvent } from "../../kit";
import { assertMayActOnCase } from "../access";
import { CLOSABLE_CASE_STATUSES, MatterKind } from "../caseStatus";
import type { Context } from "../context";
import { toArrangement } from "../mappers";
import { idempotent } from "../mutations/idempotent";
import { pickNearest } from "../nearest";
import type { ServiceArrangement } from "../types/ServiceArrangement";
import { city as cityName, identifier, text } from "../validation";

/*
 * S7: the expert arranges the return certificate at the nearest service center, sends the
 * center's address by SMS, and the center issues the certificate the store refunds against.
 * States (docs/state-machines/complaints-surveys-replacements.md): ARRANGED ->
 * CERTIFICATE_ISSUED (RETURN_CERTIFICATE) | COMPLETED (other kinds) | CANCELLED; the SMS is
 * sent at most once per arrangement. Every move is a conditional update.
 */

export const ARRANGEMENT_KINDS = ["RETURN_CERTIFICATE", "DROP_OFF", "REPAIR", "PICK_UP"] as const;
const RETURN_NUMBER = /^RT-\d{4,10}$/;

export interface ArrangeInput {
  caseNumber: string;
  kind: string;
  scheduledFor: string;
  city?: string | null;
  returnRequestNumber?: string | null;
  idempotencyKey: string;
}

function scheduled(raw: string): string {
  const at = Date.parse(raw);
  if (raw.length > 40 || Number.isNaN(at)) throw badInput(`scheduledFor "${raw.slice(0, 40)}" is not an ISO 8601 time`, { argument: "scheduledFor" });
  if (at <= Date.now()) throw badInput("scheduledFor must be in the future", { argument: "scheduledFor" });
  if (at - Date.now() > 90 * 86_400_000) throw badInput("scheduledFor must be within 90 days", { argument: "scheduledFor" });
  return new Date(at).toISOString();
}

export async function arrangeServiceCenterVisit(ctx: Context, input: ArrangeInput): Promise<ServiceArrangement> {
  const caseNumber = identifier(input.caseNumber, "caseNumber", "caseNumber");
  const kind = input.kind.trim().toUpperCase();
  if (!(ARRANGEMENT_KINDS as readonly string[]).includes(kind)) throw badInput(`kind must be one of ${ARRANGEMENT_KINDS.join(", ")}`, { argument: "kind" });
  const scheduledFor = scheduled(input.scheduledFor);
  const typedCity = input.city ? cityName(input.city) : null;
  const returnNumber = input.returnRequestNumber ? input.returnRequestNumber.trim().toUpperCase() : null;
  if (returnNumber && !RETURN_NUMBER.test(returnNumber)) throw badInput(`returnRequestNumber "${input.returnRequestNumber!.slice(0, 40)}" is not a return request number (e.g. RT-0707)`, { argument: "returnRequestNumber" });
  await assertMayActOnCase(ctx, caseNumber, "arrange service-center visits");
  const actor = actorOf(ctx.caller);
  return idempotent(ctx, input, "arrangeServiceCenterVisit", async (trx) => {
    const serviceCase = await trx.selectFrom("service_cases").selectAll().where("number", "=", caseNumber).executeTakeFirst();
    if (!serviceCase) throw notFound(`service case ${caseNumber} does not exist`, { argument: "caseNumber" });
    if (!(CLOSABLE_CASE_STATUSES as readonly string[]).includes(serviceCase.status)) throw conflict(`service case ${caseNumber} is ${serviceCase.status}: nothing can be arranged on it`, { status: serviceCase.status });
    const owner = await trx.selectFrom("maker_customers").select(["city"]).where("id", "=", serviceCase.owner_id).executeTakeFirst();
    const where = typedCity ?? owner?.city;
    if (!where) throw badInput("the customer's city is unknown: pass city", { argument: "city" });
    const chinese = where.replace(/市$/u, "");
    const [centers, cityRow] = await Promise.all([
      trx.selectFrom("service_centers").selectAll().where("maker", "=", serviceCase.maker).execute(),
      trx.selectFrom("cities").selectAll().where((eb) => eb.or([eb("name", "=", chinese), eb(eb.fn("lower", ["name_latin"]), "=", where.toLowerCase())])).executeTakeFirst(),
    ]);
    const center = pickNearest(centers, where, cityRow);
    if (!center) throw notFound(`${serviceCase.maker} has no service center near ${where}`, { argument: "city" });
    const at = nowIso();
    const what = kind === "RETURN_CERTIFICATE" ? "return certificate" : kind.toLowerCase().replace(/_/g, " ");
    const row = {
      id: `ARR-${at.slice(0, 10).replace(/-/g, "")}-${randomBytes(3).toString("hex").toUpperCase()}`,
      case_number: caseNumber,
      kind,
      description: `${what} at ${center.name}${center.name_latin ? ` / ${center.name_latin}` : ""}, ${cstTime(scheduledFor)}${returnNumber ? `; for the retailer's return ${returnNumber}` : ""}`,
      service_center_id: center.id,
      scheduled_for: scheduledFor,
      arranged_at: at,
      arranged_by_name: actor.name,
      arranged_by_org: actor.organization,
      sms_sent_at: null,
      sms_to: null,
      status: "ARRANGED",
      certificate_number: null,
      certificate_issued_at: null,
      certificate_finding: null,
      return_request_number: returnNumber,
      sms_text: null,
    };
    await trx.insertInto("arrangements").values(row).execute();
    // A case opened from a call has no service center yet: the one arranged with becomes the
    // case's (ServiceCase.serviceCenter), as on cases opened with a visit. One already set stays.
    await trx.updateTable("service_cases").set({ service_center_id: center.id }).where("number", "=", caseNumber).where("service_center_id", "is", null).execute();
    // The center's step is a promise on the case: every party's open matters show it until it is kept.
    await addCommitment(trx, { kind: MatterKind.SERVICE_CASE, id: caseNumber }, { id: `${row.id}-step`, description: `${center.name}: ${what} ${cstTime(scheduledFor)}`, dueAt: scheduledFor, madeBy: { name: actor.name, organization: actor.organization } });
    await recordEvent(trx, {
      ownerId: serviceCase.owner_id,
      at,
      kind: "SERVICE_CENTER_ARRANGED",
      summary: `${actor.name} (${actor.organization}) arranged a ${what} at ${center.name} (${center.address}) for ${cstTime(scheduledFor)}, case ${caseNumber}${returnNumber ? `, return ${returnNumber}` : ""}`,
      actor,
      subjectType: "ServiceCase",
      subjectId: caseNumber,
      payload: { caseNumber, arrangementId: row.id, serviceCenterId: center.id, scheduledFor, returnRequestNumber: returnNumber },
    });
    return { ...toArrangement(row), ownerId: serviceCase.owner_id };
  });
}

async function loadArrangement(ctx: Context, raw: string, action: string) {
  const id = raw.trim().toUpperCase();
  if (!/^ARR-[A-Z0-9][A-Z0-9-]{0,60}$/.test(id)) throw badInput(`"${raw.slice(0, 80)}" is not an arrangement id (e.g. ARR-0707)`, { argument: "arrangementId" });
  const row = await ctx.db.selectFrom("arrangements").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound(`arrangement ${id} does not exist`, { argument: "arrangementId" });
  await assertMayActOnCase(ctx, row.case_number, action);
  const serviceCase = await ctx.db.selectFrom("service_cases").select(["owner_id", "maker"]).where("number", "=", row.case_number).executeTakeFirstOrThrow();
  return { id, row, serviceCase };
}

export interface SmsInput {
  arrangementId: string;
  phone: string;
  idempotencyKey: string;
}

/**
 * The SMS with the center's name, address and time, recorded as sent: the destination is
 * kept and answered only masked (138****1234). Once per arrangement: a second send (or a
 * racing one) gets CONFLICT with the time it was sent.
 */
export async function sendServiceCenterSms(ctx: Context, input: SmsInput): Promise<ServiceArrangement> {
  const phone = normalizePhone(input.phone);
  if (!phone || !/^1\d{10}$/.test(phone)) throw badInput("phone must be a mainland mobile number (11 digits starting with 1, +86 allowed)", { argument: "phone" });
  const { id, row: before, serviceCase } = await loadArrangement(ctx, input.arrangementId, "send service-center SMS");
  const actor = actorOf(ctx.caller);
  return idempotent(ctx, input, "sendServiceCenterSms", async (trx) => {
    const center = before.service_center_id ? await trx.selectFrom("service_centers").selectAll().where("id", "=", before.service_center_id).executeTakeFirst() : undefined;
    if (!center) throw conflict(`arrangement ${id} has no service center to send`, { status: before.status ?? "ARRANGED" });
    const at = nowIso();
    const masked = maskPhone(phone);
    const smsText = `【${serviceCase.maker}】${center.name}，地址：${center.address}，电话 ${center.phone}，营业 ${center.hours}${before.scheduled_for ? `，预约 ${cstTime(before.scheduled_for)}` : ""} / ${center.name_latin ?? center.name}, ${center.address_latin ?? center.address}`;
    const updated = await trx
      .updateTable("arrangements")
      .set({ sms_sent_at: at, sms_to: masked, sms_text: smsText })
      .where("id", "=", id)
      .where("sms_sent_at", "is", null)
      .where("status", "=", "ARRANGED")
      .executeTakeFirst();
    const row = await trx.selectFrom("arrangements").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    if (Number(updated.numUpdatedRows) === 0) {
      throw conflict(row.sms_sent_at ? `the SMS for arrangement ${id} was already sent at ${row.sms_sent_at} to ${row.sms_to}` : `arrangement ${id} is ${row.status}`, { status: row.status ?? "ARRANGED", smsSentAt: row.sms_sent_at });
    }
    await recordEvent(trx, {
      ownerId: serviceCase.owner_id,
      at,
      kind: "SERVICE_CENTER_SMS_SENT",
      summary: `SMS with ${center.name}'s address (${center.address}) sent to ${masked} by ${actor.name} (${actor.organization})`,
      actor,
      subjectType: "ServiceCase",
      subjectId: row.case_number,
      payload: { caseNumber: row.case_number, arrangementId: id, to: masked },
    });
    return { ...toArrangement(row), ownerId: serviceCase.owner_id };
  });
}

export interface CertificateInput {
  arrangementId: string;
  finding: string;
  idempotencyKey: string;
}

/** ARRANGED -> CERTIFICATE_ISSUED (RETURN_CERTIFICATE only): the number the store refunds against. */
export async function issueReturnCertificate(ctx: Context, input: CertificateInput): Promise<ServiceArrangement> {
  const finding = text(input.finding, "finding", 1000);
  const { id, row: before, serviceCase } = await loadArrangement(ctx, input.arrangementId, "issue return certificates");
  if (before.kind !== "RETURN_CERTIFICATE") throw badInput(`arrangement ${id} is a ${before.kind}, not a RETURN_CERTIFICATE`, { argument: "arrangementId" });
  const actor = actorOf(ctx.caller);
  return idempotent(ctx, input, "issueReturnCertificate", async (trx) => {
    const at = nowIso();
    const certificate = `RC-${serviceCase.maker.toUpperCase()}-${at.slice(0, 10).replace(/-/g, "")}-${randomBytes(3).toString("hex").toUpperCase()}`;
    const updated = await trx
      .updateTable("arrangements")
      .set({ status: "CERTIFICATE_ISSUED", certificate_number: certificate, certificate_issued_at: at, certificate_finding: finding })
      .where("id", "=", id)
      .where("status", "=", "ARRANGED")
      .executeTakeFirst();
    const row = await trx.selectFrom("arrangements").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    if (Number(updated.numUpdatedRows) === 0) throw conflict(`arrangement ${id} is ${row.status}; a certificate is issued only on an ARRANGED return`, { status: row.status });
    await trx.updateTable("commitments").set({ status: "KEPT", kept_at: at }).where("id", "=", `${id}-step`).where("status", "=", "OPEN").execute();
    await recordEvent(trx, {
      ownerId: serviceCase.owner_id,
      at,
      kind: "RETURN_CERTIFICATE_ISSUED",
      summary: `Return certificate ${certificate} issued by ${actor.name} (${actor.organization}) for case ${row.case_number}${row.return_request_number ? `; the store refunds return ${row.return_request_number} against it` : ""}: ${finding}`,
      actor,
      subjectType: "ServiceCase",
      subjectId: row.case_number,
      payload: { caseNumber: row.case_number, arrangementId: id, certificateNumber: certificate, returnRequestNumber: row.return_request_number ?? null, maker: serviceCase.maker },
    });
    return { ...toArrangement(row), ownerId: serviceCase.owner_id };
  });
}

