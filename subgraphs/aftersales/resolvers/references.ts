import type { ReferenceResolvers } from "../../kit";
import type { Context } from "../context";
import { toDevice, toMakerCustomer, toServiceCase, toServiceCenter, toVisit } from "../mappers";

/*
 * Entity resolution for the gateway's `_entities` calls. Each goes straight to a
 * per-request loader by key value (nothing awaited first), so one statement serves every
 * representation of a type in the request.
 */
export const referenceResolvers: ReferenceResolvers = {
  ServiceCase: {
    __resolveReference: (ref: { number: string }, ctx: Context) => ctx.loaders.serviceCase.load(ref.number).then((row) => (row ? toServiceCase(row) : null)),
  },
  MakerCustomer: {
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.makerCustomer.load(ref.id).then((row) => (row ? toMakerCustomer(row) : null)),
  },
  Device: {
    __resolveReference: (ref: { serial: string }, ctx: Context) => ctx.loaders.device.load(ref.serial).then((row) => (row ? toDevice(row) : null)),
  },
  Visit: {
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.visit.load(ref.id).then((row) => (row ? toVisit(row) : null)),
  },
  ServiceCenter: {
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.serviceCenter.load(ref.id).then((row) => (row ? toServiceCenter(row) : null)),
  },
  // Orders live in the retailer's system; any order number may have cases here (or none).
  Order: { __resolveReference: (ref: { number: string }) => ({ number: ref.number }) },
};
