import type { ReferenceResolvers } from "../../kit";
import type { Context } from "../context";
import { authorizeCase, authorizeMakerRecord, authorizeVisitCase } from "../access";
import { toDevice, toMakerCustomer, toServiceCase, toServiceCenter, toVisit } from "../mappers";

/*
 * Entity resolution for the gateway's `_entities` calls. Each goes straight to a
 * per-request loader by key value (nothing awaited first), so one statement serves every
 * representation of a type in the request. A partner's refused entity is null with a
 * FORBIDDEN error (access.ts); the checks follow the batched load.
 */
export const referenceResolvers: ReferenceResolvers = {
  ServiceCase: {
    __resolveReference: (ref: { number: string }, ctx: Context) => ctx.loaders.serviceCase.load(ref.number).then(async (row) => (row ? toServiceCase(await authorizeCase(ctx, row)) : null)),
  },
  MakerCustomer: {
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.makerCustomer.load(ref.id).then((row) => (row ? toMakerCustomer(authorizeMakerRecord(ctx, row.maker, `registration ${row.id}`, row), ctx.caller) : null)),
  },
  Device: {
    __resolveReference: (ref: { serial: string }, ctx: Context) => ctx.loaders.device.load(ref.serial).then((row) => (row ? toDevice(authorizeMakerRecord(ctx, row.maker, `device ${row.serial}`, row)) : null)),
  },
  Visit: {
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.visit.load(ref.id).then(async (row) => (row ? (await authorizeVisitCase(ctx, row.id, row.case_number), toVisit(row)) : null)),
  },
  ServiceCenter: {
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.serviceCenter.load(ref.id).then((row) => (row ? toServiceCenter(row) : null)),
  },
  // Orders live in the retailer's system; any order number may have cases here (or none).
  Order: { __resolveReference: (ref: { number: string }) => ({ number: ref.number }) },
};
