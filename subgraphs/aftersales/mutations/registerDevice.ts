import { randomInt } from "node:crypto";
import { badInput, conflict } from "../../../common/errorCodes";
import { nationalMobile, normalizeContact, optionalText } from "../../../common/normalizeIdentity";
import { assertCanWrite, forbidden, nowIso, recordEvent } from "../../kit";
import type { Context } from "../context";
import { toDevice } from "../mappers";
import type { DeviceRegistration } from "../types/DeviceRegistration";
import type { RegisterDeviceInput } from "../types/RegisterDeviceInput";
import { identifier, makerCode } from "../validation";
import { actorOf, idempotent } from "./idempotent";

const ORDER_NUMBER = /^YG-\d{8}-\d{4,9}$/;

/**
 * Issue 13 item 5: the maker registers a device for its owner (warranty registration). The
 * owner is the maker's registration with the same mobile, or a new one, which publishes
 * `identity.registered` for the identity graph in the same transaction as the device and its
 * `device.registered` event. Only the maker itself registers its devices.
 */
export async function registerDevice(ctx: Context, input: RegisterDeviceInput): Promise<DeviceRegistration> {
  const caller = ctx.caller;
  assertCanWrite(caller, "register devices");
  if (caller.role !== "partner") throw forbidden("devices are registered by their maker (a partner of the maker's organization)", { role: caller.role });
  const maker = makerCode(input.maker ?? "");
  if (maker !== caller.organization) throw forbidden(`${caller.organization} may not register ${maker}'s devices: a maker registers only its own`, { maker });
  const serial = identifier(input.serial, "serial", "serial");
  const model = identifier(input.model, "model", "model");
  const productName = optionalText(input.productName, "productName", 200) ?? model;
  const owner = input.owner;
  const contact = normalizeContact({ name: owner.name, mobile: owner.mobile, email: owner.email, city: owner.city, sharedPhone: owner.sharedPhone }, "owner", { mobileRequired: true });
  if (!contact.city) throw badInput("owner.city is required", { argument: "owner.city", reason: "REQUIRED" });
  const nameLatin = optionalText(owner.nameLatin, "owner.nameLatin", 60);
  const address = optionalText(owner.address, "owner.address", 200);
  const orderNumber = input.purchaseOrderNumber?.trim() ? input.purchaseOrderNumber.trim().toUpperCase() : null;
  if (orderNumber && !ORDER_NUMBER.test(orderNumber)) throw badInput(`purchaseOrderNumber "${orderNumber.slice(0, 40)}" is not a retailer order number (e.g. YG-20261102-0001)`, { argument: "purchaseOrderNumber" });
  let purchasedAt: string | null = null;
  if (input.purchasedAt?.trim()) {
    const parsed = Date.parse(input.purchasedAt);
    if (Number.isNaN(parsed) || input.purchasedAt.length > 40 || parsed > Date.now() + 60_000) throw badInput("purchasedAt must be an ISO 8601 time, not in the future", { argument: "purchasedAt" });
    purchasedAt = new Date(parsed).toISOString();
  }
  const phone = nationalMobile(contact.mobile!);
  const actor = actorOf(caller);

  return idempotent(ctx, input, "registerDevice", async (trx) => {
    const at = nowIso();
    const existingDevice = await trx.selectFrom("devices").select(["serial", "maker"]).where("serial", "=", serial).executeTakeFirst();
    if (existingDevice) throw conflict(`device ${serial} is already registered${existingDevice.maker === maker ? "" : " with another maker"}`, { serial });
    const known = await trx.selectFrom("maker_customers").select("id").where("maker", "=", maker).where("phone", "=", phone).orderBy("registered_at").executeTakeFirst();
    let ownerId = known?.id ?? null;
    const registrationCreated = ownerId === null;
    if (ownerId === null) {
      ownerId = `MR-${maker.toUpperCase()}-N${randomInt(10_000_000, 99_999_999)}`;
      await trx.insertInto("maker_customers").values({ id: ownerId, maker, name: contact.name, name_latin: nameLatin, phone, city: contact.city!, address, registered_at: at }).execute();
      await recordEvent(trx, {
        ownerId,
        at,
        kind: "IDENTITY_REGISTERED",
        summary: `${contact.name} registered with ${maker} after-sales (${ownerId}) by ${caller.name}`,
        actor,
        subjectType: "MakerCustomer",
        subjectId: ownerId,
        payload: { system: "aftersales", identityId: ownerId, mobile: contact.mobile, email: contact.email, name: contact.name, city: contact.city, sharedPhone: contact.sharedPhone, organization: maker },
      });
    }
    const row = { serial, owner_id: ownerId, maker, model, product_name: productName, purchased_at: purchasedAt ?? at, retailer_order_number: orderNumber };
    await trx.insertInto("devices").values(row).execute();
    await recordEvent(trx, {
      ownerId,
      at,
      kind: "DEVICE_REGISTERED",
      summary: `${productName} ${serial} registered for warranty with ${maker}${orderNumber ? ` (sold with Yougou order ${orderNumber})` : ""}`,
      actor,
      subjectType: "Device",
      subjectId: serial,
      payload: { serial, model, maker, registrationId: ownerId, retailerOrderNumber: orderNumber },
    });
    return { device: toDevice(row), makerCustomerId: ownerId, registrationCreated };
  });
}
