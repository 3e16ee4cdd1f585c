import { randomBytes } from "node:crypto";
import { badInput, conflict, notFound } from "../../../common/errorCodes";
import { actorOf, addCommitment, assignHandler, cstTime, nowIso, recordEvent, releaseHandler, settleCommitments } from "../../kit";
import { assertMayActOnCase } from "../access";
import { CLOSABLE_CASE_STATUSES, MatterKind } from "../caseStatus";
import type { Context } from "../context";
import { toReplacement } from "../mappers";
import { idempotent } from "../mutations/idempotent";
import type { ReplacementShipment } from "../types/ReplacementShipment";
import { identifier, text } from "../validation";

/*
 * S7's friend's phone: a replacement shipped before the faulty unit is returned. States:
 * SHIPPED (old unit out) -> RETURNED (old unit back), by conditional update; a tracking
 * number ships once (unique index), so racing shipments of one parcel leave one.
 */

const RETURN_DAYS = 14;

export interface ShipInput {
  caseNumber: string;
  productName: string;
  carrier: string;
  trackingNumber: string;
  idempotencyKey: string;
}

export async function shipAdvanceReplacement(ctx: Context, input: ShipInput): Promise<ReplacementShipment> {
  const caseNumber = identifier(input.caseNumber, "caseNumber", "caseNumber");
  const productName = text(input.productName, "productName", 200);
  const carrier = text(input.carrier, "carrier", 80);
  const tracking = input.trackingNumber.trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9-]{5,39}$/.test(tracking)) throw badInput(`trackingNumber "${input.trackingNumber.slice(0, 40)}" is not a tracking number (6-40 letters and digits)`, { argument: "trackingNumber" });
  await assertMayActOnCase(ctx, caseNumber, "ship replacements");
  const actor = actorOf(ctx.caller);
  return idempotent(ctx, input, "shipAdvanceReplacement", async (trx) => {
    const serviceCase = await trx.selectFrom("service_cases").selectAll().where("number", "=", caseNumber).executeTakeFirst();
    if (!serviceCase) throw notFound(`service case ${caseNumber} does not exist`, { argument: "caseNumber" });
    if (!(CLOSABLE_CASE_STATUSES as readonly string[]).includes(serviceCase.status)) throw conflict(`service case ${caseNumber} is ${serviceCase.status}: no replacement can ship on it`, { status: serviceCase.status });
    const existing = await trx.selectFrom("replacements").select(["id", "status", "case_number"]).where("tracking_number", "=", tracking).executeTakeFirst();
    if (existing) throw conflict(`tracking number ${tracking} already shipped as ${existing.id} (${existing.status}) on case ${existing.case_number}`, { status: existing.status, existing: existing.id });
    const at = nowIso();
    const row = {
      id: `RPL-${at.slice(0, 10).replace(/-/g, "")}-${randomBytes(3).toString("hex").toUpperCase()}`,
      case_number: caseNumber,
      owner_id: serviceCase.owner_id,
      product_name: productName,
      carrier,
      tracking_number: tracking,
      shipped_at: at,
      delivered_at: null,
      status: "SHIPPED",
      old_unit_returned: 0,
      old_unit_returned_at: null,
    };
    try {
      await trx.insertInto("replacements").values(row).execute();
    } catch {
      throw conflict(`tracking number ${tracking} was shipped by a concurrent request`, { status: "SHIPPED" });
    }
    const matter = { kind: MatterKind.REPLACEMENT, id: row.id };
    const returnBy = new Date(Date.parse(at) + RETURN_DAYS * 86_400_000).toISOString();
    await assignHandler(trx, matter, { name: actor.name, organization: actor.organization, team: "advance replacement" }, at, `shipped before the old unit is returned (case ${caseNumber})`);
    await addCommitment(trx, matter, { description: `Faulty unit back to ${serviceCase.maker} by ${cstTime(returnBy)}`, dueAt: returnBy, madeBy: { name: actor.name, organization: actor.organization } });
    await recordEvent(trx, {
      ownerId: serviceCase.owner_id,
      at,
      kind: "REPLACEMENT_SHIPPED",
      summary: `Advance replacement ${productName} shipped by ${actor.name} (${actor.organization}) with ${carrier}, tracking ${tracking}, before the old unit is returned (case ${caseNumber})`,
      actor,
      subjectType: "ServiceCase",
      subjectId: caseNumber,
      payload: { caseNumber, carrier, trackingNumber: tracking },
    });
    return toReplacement(row);
  });
}

export interface ReturnedInput {
  replacementId: string;
  idempotencyKey: string;
}

/** SHIPPED / IN_TRANSIT / DELIVERED -> RETURNED: the faulty unit is back; the promise is kept. */
export async function markReplacementReturned(ctx: Context, input: ReturnedInput): Promise<ReplacementShipment> {
  const id = input.replacementId.trim().toUpperCase();
  if (!/^RPL-[A-Z0-9][A-Z0-9-]{0,60}$/.test(id)) throw badInput(`"${input.replacementId.slice(0, 80)}" is not a replacement id (e.g. RPL-0708)`, { argument: "replacementId" });
  const before = await ctx.db.selectFrom("replacements").select(["case_number"]).where("id", "=", id).executeTakeFirst();
  if (!before) throw notFound(`replacement ${id} does not exist`, { argument: "replacementId" });
  await assertMayActOnCase(ctx, before.case_number, "mark replacements returned");
  const actor = actorOf(ctx.caller);
  return idempotent(ctx, input, "markReplacementReturned", async (trx) => {
    const at = nowIso();
    const updated = await trx
      .updateTable("replacements")
      .set({ status: "RETURNED", old_unit_returned: 1, old_unit_returned_at: at })
      .where("id", "=", id)
      .where("old_unit_returned", "=", 0)
      .where("status", "in", ["SHIPPED", "IN_TRANSIT", "DELIVERED"])
      .executeTakeFirst();
    const row = await trx.selectFrom("replacements").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    if (Number(updated.numUpdatedRows) === 0) throw conflict(`replacement ${id} is ${row.status}${Number(row.old_unit_returned) ? " and its old unit is already back" : ""}`, { status: row.status });
    const matter = { kind: MatterKind.REPLACEMENT, id };
    await settleCommitments(trx, matter, "KEPT", at);
    await releaseHandler(trx, matter, at);
    await recordEvent(trx, {
      ownerId: row.owner_id,
      at,
      kind: "REPLACEMENT_OLD_UNIT_RETURNED",
      summary: `The faulty unit for replacement ${id} (tracking ${row.tracking_number}) is back; recorded by ${actor.name} (${actor.organization})`,
      actor,
      subjectType: "ServiceCase",
      subjectId: row.case_number,
      payload: { caseNumber: row.case_number },
    });
    return toReplacement(row);
  });
}
