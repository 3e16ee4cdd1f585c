import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { authorizeMakerRecord } from "../access";
import type { Context } from "../context";
import { toDevice, toEntitlement, toKnownIssue, toMakerCustomer } from "../mappers";
import { Device } from "../types/Device";
import { Entitlement } from "../types/Entitlement";
import { KnownIssue } from "../types/KnownIssue";
import { MakerCustomer } from "../types/MakerCustomer";
import { identifier } from "../validation";

@Resolver(() => Device)
export class DeviceResolver {
  @Query(() => Device, { nullable: true, description: "A device by serial number; null when unknown" })
  async device(@Arg("serial", () => String) serial: string, @Ctx() ctx: Context): Promise<Device | null> {
    const row = await ctx.loaders.device.load(identifier(serial, "serial", "serial"));
    return row ? toDevice(authorizeMakerRecord(ctx, row.maker, `device ${row.serial}`, row)) : null;
  }

  @FieldResolver(() => MakerCustomer, { nullable: true, description: "Who registered it" })
  async owner(@Root() device: Device, @Ctx() ctx: Context): Promise<MakerCustomer | null> {
    const row = await ctx.loaders.makerCustomer.load(device.ownerId);
    return row ? toMakerCustomer(row, ctx.caller) : null;
  }

  @FieldResolver(() => [Entitlement], { description: "Warranty, paid premium on-site service, ... (S6)" })
  async entitlements(@Root() device: Device, @Ctx() ctx: Context): Promise<Entitlement[]> {
    const now = new Date();
    return (await ctx.loaders.entitlements.load(device.serial)).map((row) => toEntitlement(row, now));
  }

  @FieldResolver(() => [KnownIssue], { description: "Known-issue hints for this model (S5)" })
  async knownIssues(@Root() device: Device, @Ctx() ctx: Context): Promise<KnownIssue[]> {
    return (await ctx.loaders.knownIssues.load(device.model)).map(toKnownIssue);
  }
}
