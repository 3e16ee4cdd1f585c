import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { toServiceCenter } from "../mappers";
import { ServiceCenter } from "../types/ServiceCenter";
import { Technician } from "../types/Technician";

@Resolver(() => Technician)
export class TechnicianResolver {
  @FieldResolver(() => ServiceCenter, { nullable: true, description: "Where the technician works (phone, hours)" })
  async serviceCenter(@Root() technician: Technician, @Ctx() ctx: Context): Promise<ServiceCenter | null> {
    const row = await ctx.loaders.serviceCenter.load(technician.serviceCenterId);
    return row ? toServiceCenter(row) : null;
  }
}
